import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DueWork } from '@linli/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { CHECK_KEY, type DueWorkTable } from './due-work-table.js';
import { PostgresDueWork } from './postgres-due-work.js';
import { SqliteDueWork } from './sqlite-due-work.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-due-'));
let cluster: { url: string; stop: () => void };
let n = 0;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-12-01T00:00:00Z');
const MINUTE = 60_000;
const at = (ms: number) => new Date(ms).toISOString();
const work = (items: [string, number][], next?: number): DueWork => ({
  items: items.map(([key, dueAt]) => ({
    key,
    dueAt: at(dueAt),
    command: { type: 'motion.close' as const, motionId: key },
  })),
  ...(next === undefined ? {} : { next: at(next) }),
});

/** The `i`-th claimed row; a missing one fails the test here. */
function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i} in ${JSON.stringify(list)}`);
  return item;
}

const tables: [string, () => Promise<DueWorkTable>][] = [
  ['SQLite', async () => SqliteDueWork.open(join(dir, `due-${n++}.sqlite`))],
  ['PostgreSQL', async () => PostgresDueWork.open(await createDatabase(cluster.url, `due${n++}`))],
];

describe.each(tables)('the due-work table in %s', (_, open) => {
  it('claims due rows oldest first, with a lease; nobody else gets them until it expires', async () => {
    const table = await open();
    try {
      await table.record(
        'a',
        work(
          [
            ['motion.close:m2', T0 + MINUTE],
            ['motion.close:m1', T0],
          ],
          T0 + 60 * MINUTE,
        ),
      );
      await table.record('b', work([['charge.bill:c:2026-12', T0 - MINUTE]]));
      const first = await table.claim('p1', T0 + MINUTE, 5 * MINUTE, 10);
      expect(first.map((w) => [w.community, w.key, w.attempts])).toEqual([
        ['b', 'charge.bill:c:2026-12', 1],
        ['a', 'motion.close:m1', 1],
        ['a', 'motion.close:m2', 1],
      ]);
      // The check row is not due yet; the leased rows are p1's.
      expect(await table.claim('p2', T0 + 2 * MINUTE, 5 * MINUTE, 10)).toEqual([]);
      await table.complete(nth(first, 0), 'p1', T0 + 2 * MINUTE);
      // p1 stopped answering: at the lease's end the rows it did not finish are p2's, tried a second time.
      const second = await table.claim('p2', T0 + 6 * MINUTE, 5 * MINUTE, 10);
      expect(second.map((w) => [w.key, w.attempts])).toEqual([
        ['motion.close:m1', 2],
        ['motion.close:m2', 2],
      ]);
      // p1's late answers change nothing: the rows are no longer its.
      await table.complete(nth(first, 1), 'p1', T0 + 7 * MINUTE);
      await table.fail(nth(first, 2), 'p1', 'late', T0 + 100 * MINUTE);
      await table.forget(nth(first, 2), 'p1');
      expect((await table.rows('a')).map((r) => [r.key, r.leaseOwner, r.doneAt, r.lastError])).toEqual([
        [CHECK_KEY, null, null, null],
        ['motion.close:m1', 'p2', null, null],
        ['motion.close:m2', 'p2', null, null],
      ]);
    } finally {
      await table.close();
    }
  });

  it('a failure is due again at its retry time with its error; done rows stay done when recorded again', async () => {
    const table = await open();
    try {
      await table.record(
        'a',
        work([
          ['k1', T0],
          ['k2', T0],
        ]),
      );
      const claimedBoth = await table.claim('p1', T0, MINUTE, 10);
      const [k1, k2] = [nth(claimedBoth, 0), nth(claimedBoth, 1)];
      await table.complete(k1, 'p1', T0 + 1);
      await table.fail(k2, 'p1', 'log.unavailable: down', T0 + 10 * MINUTE);
      await table.record(
        'a',
        work([
          ['k1', T0],
          ['k2', T0],
        ]),
      );
      expect(await table.claim('p1', T0 + 9 * MINUTE, MINUTE, 10)).toEqual([]);
      const retried = await table.claim('p1', T0 + 10 * MINUTE, MINUTE, 10);
      expect(retried.map((w) => [w.key, w.attempts])).toEqual([['k2', 2]]);
      const rows = await table.rows('a');
      expect(rows.map((r) => [r.key, r.doneAt, r.lastError])).toEqual([
        ['k1', T0 + 1, null],
        ['k2', null, 'log.unavailable: down'],
      ]);
      await table.forget(nth(retried, 0), 'p1');
      expect((await table.rows('a')).map((r) => r.key)).toEqual(['k1']);
    } finally {
      await table.close();
    }
  });

  it("recording moves the community's check row to the next due instant, and removes it when nothing will fall due", async () => {
    const table = await open();
    try {
      await table.record('a', work([], T0));
      const [check] = await table.claim('p1', T0, MINUTE, 10);
      expect(check?.key).toBe(CHECK_KEY);
      // Recording (what running the check does) gives the row back, due at the new instant.
      await table.record('a', work([], T0 + 30 * MINUTE));
      expect((await table.rows('a')).map((r) => [r.key, r.dueAt, r.leaseOwner, r.attempts])).toEqual([
        [CHECK_KEY, T0 + 30 * MINUTE, null, 0],
      ]);
      await table.record('a', work([]));
      expect(await table.rows('a')).toEqual([]);
    } finally {
      await table.close();
    }
  });
});

describe('claims on PostgreSQL', () => {
  it('skip the rows another transaction holds, without waiting for it', async () => {
    const url = await createDatabase(cluster.url, `due${n++}`);
    const table = await PostgresDueWork.open(url);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await table.record(
        'a',
        work([
          ['k1', T0],
          ['k2', T0 + 1],
          ['k3', T0 + 2],
        ]),
      );
      await holder.query('BEGIN');
      await holder.query("SELECT * FROM linli_due_work WHERE key = 'k1' FOR UPDATE");
      const claimed = await table.claim('p1', T0 + MINUTE, MINUTE, 10);
      expect(claimed.map((w) => w.key)).toEqual(['k2', 'k3']);
      await holder.query('ROLLBACK');
      expect((await table.claim('p2', T0 + MINUTE, MINUTE, 10)).map((w) => w.key)).toEqual(['k1']);
    } finally {
      await holder.end();
      await table.close();
    }
  });

  it('several processes claiming at once each get different rows, and all of them between them', async () => {
    const url = await createDatabase(cluster.url, `due${n++}`);
    const tables = await Promise.all([1, 2, 3, 4].map(() => PostgresDueWork.open(url)));
    try {
      const keys = Array.from({ length: 200 }, (_, i) => `k${String(i).padStart(3, '0')}`);
      await nth(tables, 0).record('a', work(keys.map((k) => [k, T0])));
      const claims = await Promise.all(
        tables.map(async (table, i) => {
          const mine: string[] = [];
          for (;;) {
            const got = await table.claim(`p${i}`, T0, MINUTE, 7);
            if (got.length === 0) return mine;
            mine.push(...got.map((w) => w.key));
          }
        }),
      );
      const all = claims.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(keys);
    } finally {
      await Promise.all(tables.map((t) => t.close()));
    }
  });
});
