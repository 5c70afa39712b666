import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGovernance, type EventStore, localDateOf } from '@linli/core';
import { executeAll, openMotionCommands, stairwellCommands } from '@linli/core/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../stores/postgres-store.js';
import { SqliteStore } from '../stores/sqlite-store.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { freePort, type RunningServer, startServer } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'linli-due-cli-'));
let cluster: { url: string; stop: () => void };
let n = 0;
const running: RunningServer[] = [];
beforeAll(async () => {
  cluster = await startPostgres();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const CHARGE_START = '2026-01';

/**
 * A community of three lived-in households with `charges` monthly charges from January (every month
 * since then is due) and a motion for each of `closing` deadlines.
 */
async function populate(store: EventStore, charges: number, closing: readonly Date[]): Promise<void> {
  const governance = await createGovernance({ store, actor: 'residents-committee', groupCommit: false });
  const commands: unknown[] = [
    ...stairwellCommands({ households: 3, residents: true, since: '2020-01-01' }),
    { type: 'fund.open', id: 'f', name: '保洁费', budget: 0 },
  ];
  for (let i = 0; i < charges; i++)
    commands.push({
      type: 'charge.define',
      id: `c${i}`,
      fundId: 'f',
      name: `费用${i}`,
      monthlyAmount: 30_000 + i,
      scope: { kind: 'stairwell', id: 's1' },
      start: CHARGE_START,
    });
  for (const [i, closesAt] of closing.entries())
    commands.push(
      ...openMotionCommands({
        id: `m${i}`,
        title: `议题${i}`,
        kind: 'proposal',
        closesAt: closesAt.toISOString(),
      }),
    );
  await executeAll(governance, commands);
  governance.dispose();
}

/** The months from the charges' start to the current one in Shanghai. */
function monthsSoFar(): string[] {
  const current = localDateOf(new Date()).slice(0, 7);
  const months: string[] = [];
  for (let d = new Date(`${CHARGE_START}-01T00:00:00Z`); ; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const month = d.toISOString().slice(0, 7);
    if (month > current) return months;
    months.push(month);
  }
}

/** How often each piece of due work appears in a PostgreSQL database's logs, by community and key. */
async function dueEventCounts(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ community: string; type: string; payload: Record<string, string> }>(
      "SELECT community, type, payload FROM linli_events WHERE type IN ('motion.closed', 'charge.billed')",
    );
    const counts = new Map<string, number>();
    for (const { community, type, payload } of rows) {
      const key =
        type === 'motion.closed'
          ? `${community} motion.close:${payload.motionId}`
          : `${community} charge.bill:${payload.chargeId}:${payload.month}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  } finally {
    await client.end();
  }
}

function expectedKeys(communities: readonly string[], charges: number, motions: number): string[] {
  const keys: string[] = [];
  for (const c of communities) {
    for (let i = 0; i < charges; i++)
      for (const month of monthsSoFar()) keys.push(`${c} charge.bill:c${i}:${month}`);
    for (let i = 0; i < motions; i++) keys.push(`${c} motion.close:m${i}`);
  }
  return keys.sort();
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 60_000, every = 100): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Waits until every expected piece of work is in the logs; then checks each is there exactly once. */
async function expectDoneOnce(url: string, keys: readonly string[]): Promise<void> {
  await waitFor(async () => (await dueEventCounts(url)).size >= keys.length, 'the due work');
  const counts = await dueEventCounts(url);
  expect([...counts.keys()].sort()).toEqual(keys);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
}

const serverEnv = (url: string) => ({
  DATABASE_URL: url,
  LINLI_DUE_WORK_SECONDS: '0.2',
  LINLI_DUE_WORK_LEASE_SECONDS: '3',
});

describe('due work with several server processes on one PostgreSQL', () => {
  it('three processes racing over many due items across communities: each is in the logs exactly once', async () => {
    const url = await createDatabase(cluster.url, `race${n++}`);
    const communities = ['east', 'west', 'north', 'south'];
    // The deadlines pass while all three serve, so they race for the closes as well as the back bills.
    const closing = [5_000, 5_500, 6_000].map((ms) => new Date(Date.now() + ms));
    for (const id of communities) {
      const store = await PostgresStore.open(url, id);
      await populate(store, 2, closing);
      await store.close();
    }
    const servers = await Promise.all(
      [0, 1, 2].map((i) => startServer(join(dir, `race-${n}-${i}`), serverEnv(url), ['serve'])),
    );
    running.push(...servers);
    await expectDoneOnce(url, expectedKeys(communities, 2, closing.length));
    // Still exactly once after more rounds of all three.
    await new Promise((r) => setTimeout(r, 1_000));
    expect([...(await dueEventCounts(url)).values()].every((count) => count === 1)).toBe(true);
  }, 120_000);

  it('a process killed (SIGKILL) holding leases: after the lease ends the others do its work, exactly once', async () => {
    const url = await createDatabase(cluster.url, `kill${n++}`);
    const communities = ['east', 'west', 'north', 'south'];
    for (const id of communities) {
      const store = await PostgresStore.open(url, id);
      await populate(store, 4, []);
      await store.close();
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let doomed: ChildProcess | undefined;
    try {
      doomed = spawn(process.execPath, [CLI, 'serve'], {
        env: {
          ...process.env,
          ...serverEnv(url),
          LINLI_DATA: join(dir, `doomed-${n}`),
          PORT: String(await freePort()),
          HOST: '127.0.0.1',
          LINLI_CHECKPOINT_FILE: '',
        },
        stdio: 'ignore',
      });
      type Held = { key: string; community: string; lease_owner: string; lease_until: string };
      let held: Held[] = [];
      await waitFor(
        async () => {
          const table = await client.query("SELECT to_regclass('linli_due_work') IS NOT NULL AS found");
          if (!(table.rows[0] as { found: boolean }).found) return false;
          const { rows } = await client.query<Held>(
            // Work items only: a community's check row is moved on, not done, by whoever runs it.
            "SELECT key, community, lease_owner, lease_until FROM linli_due_work WHERE done_at IS NULL AND lease_owner IS NOT NULL AND key <> 'due.check'",
          );
          held = rows;
          return rows.length > 0;
        },
        'the first process to lease work',
        60_000,
        5,
      );
      doomed.kill('SIGKILL');
      await new Promise((r) => doomed?.once('exit', r));
      const heldUntil = Math.max(...held.map((h) => Number(h.lease_until)));

      const servers = await Promise.all(
        [0, 1].map((i) => startServer(join(dir, `after-${n}-${i}`), serverEnv(url), ['serve'])),
      );
      running.push(...servers);
      await expectDoneOnce(url, expectedKeys(communities, 4, 0));
      // The rows the killed process held were done by another, and not before its lease ended.
      const { rows } = await client.query<{
        key: string;
        community: string;
        lease_owner: string | null;
        done_at: string | null;
      }>(
        'SELECT key, community, lease_owner, done_at FROM linli_due_work WHERE (community, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
        [held.map((h) => h.community), held.map((h) => h.key)],
      );
      expect(rows.length).toBe(held.length);
      for (const row of rows) {
        expect(row.lease_owner).not.toBe(held[0]?.lease_owner);
        expect(Number(row.done_at)).toBeGreaterThanOrEqual(heldUntil);
      }
    } finally {
      doomed?.kill('SIGKILL');
      await client.end();
    }
  }, 120_000);
});

describe('due work on SQLite', () => {
  it('closes a motion past its deadline in a community nobody has touched; GET /c/:id/view shows the result', async () => {
    const data = join(dir, `sqlite-${n++}`);
    mkdirSync(data);
    const store = SqliteStore.open(join(data, 'linli.sqlite'), 'quiet');
    await populate(store, 1, [new Date(Date.now() + 1_500)]);
    store.close();
    const server = await startServer(data, { LINLI_DUE_WORK_SECONDS: '0.2' }, ['serve']);
    running.push(server);
    type View = {
      motions: { id: string; status: string; result?: { outcome: string } }[];
      funds: Record<string, unknown>;
    };
    const view = async () => (await (await fetch(`${server.base}/c/quiet/view`)).json()) as View;
    // Whether it closes in the catch-up at start or in a later round depends on how fast the server started.
    await waitFor(async () => (await view()).motions[0]?.status === 'closed', 'the close', 20_000);
    const closed = (await view()).motions[0];
    expect(closed?.result?.outcome).toBe('failed'); // nobody voted: no quorum
  }, 60_000);
});
