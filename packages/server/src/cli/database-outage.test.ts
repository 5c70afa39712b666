import { verify } from '@linli/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type BallotAnswer,
  castBallots,
  type SignedInHousehold,
  signInAll,
  tally,
} from '../testing/ballot-load.js';
import { createDatabase, startPostgres, type TestCluster } from '../testing/postgres-cluster.js';
import { terminateListeners } from '../testing/postgres-outage.js';
import { MOTION, type ServerProcesses, startServerProcesses } from '../testing/server-processes.js';
import { waitFor } from '../testing/wait-for.js';

let cluster: TestCluster;
let running: ServerProcesses | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(() => cluster?.stop());

const PROCESSES = 3;

/** Every process answers `/readyz`, and its view has the log's head: it hears the others again. */
async function allCaughtUp(servers: ServerProcesses): Promise<void> {
  const ready = async () => {
    const answers = await Promise.all(servers.servers.map((s) => fetch(`${s.base}/readyz`)));
    return answers.every((a) => a.status === 200);
  };
  await waitFor(ready, '/readyz on every process');
  await waitFor(async () => {
    const head = (await servers.log()).at(-1);
    const views = await Promise.all(servers.servers.map((_, i) => servers.view(i)));
    return views.every((v) => v.head.seq === head?.seq && v.head.hash === head.hash);
  }, 'every process to have the log’s head');
}

/** Everything acknowledged is in the log, which verifies. */
async function expectNothingLost(servers: ServerProcesses, answers: readonly BallotAnswer[]): Promise<void> {
  const log = await servers.log();
  expect(verify(log).ok).toBe(true);
  const inLog = new Set(log.map((e) => e.hash));
  const acknowledged = answers.filter((a) => a.status === 200).flatMap((a) => a.hashes);
  expect(acknowledged.filter((h) => !inLog.has(h))).toEqual([]);
}

/** Statuses a client may see while the database is away: served, or the typed 503 — never a reset or a 500. */
const DURING_OUTAGE = new Set(['200', '503 log.unavailable']);

describe('several processes on one PostgreSQL survive the database', () => {
  it('a restart mid-burst (pg_ctl restart -m fast), then every LISTEN backend killed: all recover by themselves, nothing acknowledged is lost', async () => {
    const url = await createDatabase(cluster.url, 'outage');
    running = await startServerProcesses({ processes: PROCESSES, households: 40, databaseUrl: url });
    const servers = running;
    const households: SignedInHousehold[] = await signInAll(servers.endpoints, servers.households);
    const burst = (
      ballots: number,
      options: { endpoints?: readonly string[]; enough?: () => boolean } = {},
    ) =>
      castBallots({
        endpoints: options.endpoints ?? servers.endpoints,
        households,
        motion: MOTION,
        ballots,
        connections: 12,
        ...(options.enough ? { enough: options.enough } : {}),
      });

    // The restart begins once the burst is under way; the burst goes on until it is over and some more.
    let restart: Promise<void> | undefined;
    let answeredAfterRestart = 0;
    let restarted = false;
    const during = await castBallots({
      endpoints: servers.endpoints,
      households,
      motion: MOTION,
      ballots: 20_000,
      connections: 12,
      onAnswer: (answered) => {
        if (answered === 150)
          restart = cluster.restart().then(() => {
            restarted = true;
          });
        if (restarted) answeredAfterRestart += 1;
      },
      enough: () => restarted && answeredAfterRestart >= 100,
    });
    await restart;
    expect(servers.exits).toEqual([]);
    const seen = tally(during.answers);
    expect(Object.keys(seen).filter((status) => !DURING_OUTAGE.has(status))).toEqual([]);

    // Nobody restarted the servers: they serve again by themselves, and every ballot counts.
    await allCaughtUp(servers);
    const after = await burst(300);
    expect(tally(after.answers)).toEqual({ 200: 300 });
    await allCaughtUp(servers);
    await expectNothingLost(servers, [...during.answers, ...after.answers]);

    // Each process's LISTEN connection killed: writes through one process still reach the others.
    expect(await terminateListeners(url)).toBeGreaterThanOrEqual(PROCESSES);
    await new Promise((r) => setTimeout(r, 300));
    const afterKill = await burst(100, { endpoints: servers.endpoints.slice(0, 1) });
    expect(tally(afterKill.answers)).toEqual({ 200: 100 });
    await allCaughtUp(servers);
    await expectNothingLost(servers, afterKill.answers);
    expect(servers.exits).toEqual([]);
  }, 90_000);
});
