import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGovernance, fixedClock, SCHEDULER_ACTOR } from '@linli/core';
import { executeAll, openMotionCommands, stairwellCommands } from '@linli/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../stores/sqlite-store.js';
import { CHECK_KEY } from './due-work-table.js';
import { recordDueWork } from './record-due-work.js';
import { DueWorkScheduler, type DueWorkSchedulerOptions, type RunInCommunity } from './scheduler.js';
import { SqliteDueWork } from './sqlite-due-work.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-scheduler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const MINUTE = 60_000;

/** A community `a` on a SQLite log: four households, a charge from November, a motion closing at noon UTC. */
async function setup() {
  const file = join(dir, `log-${n}.sqlite`);
  const table = SqliteDueWork.open(join(dir, `due-${n++}.sqlite`));
  const clock = fixedClock('2026-11-29T02:00:00Z');
  const open = async () => {
    const store = SqliteStore.open(file, 'a');
    const governance = await createGovernance({
      store,
      clock,
      actor: 'residents-committee',
      groupCommit: false,
    });
    return { store, governance };
  };
  const { store, governance } = await open();
  await executeAll(governance, [
    ...stairwellCommands({ households: 4, residents: true, since: '2020-01-01' }),
    { type: 'fund.open', id: 'f', name: '保洁费', budget: 0 },
    {
      type: 'charge.define',
      id: 'c',
      fundId: 'f',
      name: '保洁',
      monthlyAmount: 40_000,
      scope: { kind: 'stairwell', id: 's1' },
      start: '2026-11',
    },
    ...openMotionCommands({ id: 'm1', title: '装门禁', kind: 'proposal', closesAt: '2026-11-30T12:00:00Z' }),
  ]);
  const run: RunInCommunity = (_community, work) => work(governance);
  const scheduler = (options: Partial<DueWorkSchedulerOptions> = {}) =>
    new DueWorkScheduler({ table, run, clock, intervalMs: MINUTE, leaseMs: 5 * MINUTE, ...options });
  const close = async () => {
    governance.dispose();
    store.close();
    await table.close();
  };
  return { table, clock, governance, store, run, scheduler, open, close };
}

const byScheduler = async (store: SqliteStore) =>
  (await store.read()).filter((e) => e.actor === SCHEDULER_ACTOR).map((e) => e.type);

describe('the due-work scheduler', () => {
  it('bills the month begun, closes the motion at its deadline and bills the next month when it begins', async () => {
    const s = await setup();
    try {
      await recordDueWork(s.table, 'a', s.governance, s.clock);
      expect(await s.scheduler().runDue()).toBe(1);
      expect(await byScheduler(s.store)).toEqual(['fund.recorded', 'charge.billed']);
      // Nothing more until the deadline, which the check row holds.
      expect(await s.scheduler().runDue()).toBe(0);
      s.clock.set('2026-11-30T12:00:00Z');
      expect(await s.scheduler().runDue()).toBe(2); // the check row, then the close it found
      expect((await byScheduler(s.store)).at(-1)).toBe('motion.closed');
      expect(s.governance.motions.value.find((m) => m.id === 'm1')?.status).toBe('closed');
      // December begins at 16:00 UTC in Shanghai.
      s.clock.set('2026-11-30T16:00:00Z');
      await s.scheduler().runDue();
      const rows = await s.table.rows('a');
      expect(rows.filter((r) => r.doneAt !== null).map((r) => r.key)).toEqual([
        'charge.bill:c:2026-11',
        'charge.bill:c:2026-12',
        'motion.close:m1',
      ]);
      expect(rows.find((r) => r.key === CHECK_KEY)?.dueAt).toBe(Date.parse('2026-12-31T16:00:00Z'));
      expect((await byScheduler(s.store)).filter((t) => t === 'charge.billed').length).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('retries a failure after a backoff that doubles, keeping the last error, then does it once', async () => {
    const s = await setup();
    try {
      await recordDueWork(s.table, 'a', s.governance, s.clock);
      let failures = 2;
      const flaky: RunInCommunity = (community, work) =>
        failures-- > 0 ? Promise.reject(new Error('database is locked')) : s.run(community, work);
      const errors: string[] = [];
      const scheduler = s.scheduler({ run: flaky, onError: (_, e) => errors.push(e) });
      await scheduler.runDue();
      const [failed] = await s.table.rows('a');
      expect(failed).toMatchObject({
        key: 'charge.bill:c:2026-11',
        attempts: 1,
        lastError: 'database is locked',
      });
      expect(failed?.dueAt).toBe(s.clock.now().getTime() + MINUTE);
      s.clock.advance(MINUTE);
      await scheduler.runDue();
      expect((await s.table.rows('a'))[0]).toMatchObject({
        attempts: 2,
        dueAt: s.clock.now().getTime() + 2 * MINUTE,
      });
      s.clock.advance(MINUTE);
      expect(await scheduler.runDue()).toBe(0);
      s.clock.advance(MINUTE);
      await scheduler.runDue();
      expect((await s.table.rows('a'))[0]).toMatchObject({ attempts: 3, lastError: null });
      expect((await s.table.rows('a'))[0]?.doneAt).not.toBeNull();
      expect(errors).toEqual(['database is locked', 'database is locked']);
      expect((await byScheduler(s.store)).filter((t) => t === 'charge.billed').length).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('forgets an item that is no longer due: a motion the organizer closed early', async () => {
    const s = await setup();
    try {
      s.clock.set('2026-11-30T12:00:00Z');
      await recordDueWork(s.table, 'a', s.governance, s.clock);
      // Another process's organizer closes it after the work was recorded; this process has not heard yet.
      const other = await s.open();
      await executeAll(other.governance, [{ type: 'motion.close', motionId: 'm1' }]);
      other.governance.dispose();
      other.store.close();
      await s.scheduler().runDue();
      expect((await s.table.rows('a')).map((r) => r.key)).toEqual(['charge.bill:c:2026-11', CHECK_KEY]);
      expect((await s.store.read()).filter((e) => e.type === 'motion.closed').length).toBe(1);
    } finally {
      await s.close();
    }
  });

  it("a lease that expired mid-run: the next process's run gets the first run's events, appended once", async () => {
    const s = await setup();
    try {
      s.clock.set('2026-11-30T12:00:00Z');
      await recordDueWork(s.table, 'a', s.governance, s.clock);
      // A first process claims the close, appends it, and dies before marking it done.
      const doomed = await s.open();
      const claimed = await s.table.claim('doomed', s.clock.now().getTime(), 5 * MINUTE, 1);
      expect(claimed.map((w) => w.key)).toEqual(['charge.bill:c:2026-11']);
      const first = await doomed.governance.execute(
        { type: 'charge.bill', chargeId: 'c', month: '2026-11' },
        { actor: SCHEDULER_ACTOR, requestKey: 'charge.bill:c:2026-11' },
      );
      expect(first.ok).toBe(true);
      doomed.governance.dispose();
      doomed.store.close();
      // This process has not heard of that append: the key, kept with the events, answers for it.
      const head = s.governance.head.value;
      const again = await s.governance.execute(
        { type: 'charge.bill', chargeId: 'c', month: '2026-11' },
        { actor: SCHEDULER_ACTOR, requestKey: 'charge.bill:c:2026-11' },
      );
      expect(again.ok && again.value.map((e) => e.seq)).toEqual(first.ok && first.value.map((e) => e.seq));
      expect(s.governance.head.value.seq).toBe(head.seq + (first.ok ? first.value.length : 0));
      // Before the lease ends nobody touches the row; after, the scheduler finishes it without a second bill.
      expect(await s.scheduler().runDue()).toBe(1); // the motion close only
      s.clock.advance(5 * MINUTE);
      await s.scheduler().runDue();
      // Its run answered with the first run's events: done, on the second attempt, by this process.
      const bill = (await s.table.rows('a')).find((r) => r.key === 'charge.bill:c:2026-11');
      expect(bill).toMatchObject({ attempts: 2, leaseUntil: null, lastError: null });
      expect(bill?.doneAt).not.toBeNull();
      expect(bill?.leaseOwner).not.toBe('doomed');
      expect((await s.store.read()).filter((e) => e.type === 'charge.billed').length).toBe(1);
    } finally {
      await s.close();
    }
  });
});
