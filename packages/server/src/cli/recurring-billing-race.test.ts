import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  billedOnceSettled,
  createCommunity,
  organizerClient,
  setUpDoormanWage,
} from '../testing/billing-community.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-billing-race-'));
let cluster: { url: string; stop: () => void };
const servers: RunningServer[] = [];
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two linli-server processes on one PostgreSQL catch up a charge’s missed months', () => {
  it('bills each of six missed months exactly once, in order, whichever process claims it', async () => {
    const env = {
      LINLI_DATA: dir,
      DATABASE_URL: await createDatabase(cluster.url, 'billing_race'),
      LINLI_DUE_WORK_SECONDS: '0.2',
      NODE_ENV: 'test',
    };
    const first = () => servers.at(-1)?.base ?? '';
    const token = createCommunity('ftdd', '福泰大厦', env);
    const client = organizerClient(first, 'ftdd', token);
    const setup = await startServer(dir, { ...env, LINLI_TEST_CLOCK: '2027-12-20T02:00:00Z' }, ['serve']);
    servers.push(setup);
    await setUpDoormanWage(client, 300_000, 31);
    await setup.stop();
    servers.pop();

    // Both start together on 30 June 2028 (Shanghai): January–June were missed, June's due day (the 30th) has come.
    const late = { ...env, LINLI_TEST_CLOCK: '2028-06-29T16:30:00Z' };
    servers.push(
      ...(await Promise.all([startServer(dir, late, ['serve']), startServer(dir, late, ['serve'])])),
    );
    const months = await billedOnceSettled(client, 6);
    expect(months).toEqual(['2028-01', '2028-02', '2028-03', '2028-04', '2028-05', '2028-06']);
    // The other process reads the same log, and neither stopped.
    expect(await organizerClient(() => servers[0]?.base ?? '', 'ftdd', token).billedMonths()).toEqual(months);
    expect(servers.map((s) => s.process.exitCode)).toEqual([null, null]);
  }, 120_000);
});
