import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { openMotionCommands } from '../testing/motion.js';
import { stairwellCommands } from '../testing/stairwell.js';
import { dueWork } from './due-work.js';
import type { Governance } from './governance.js';
import { SCHEDULER_ACTOR } from './scheduler-actor.js';

const HOUR = 3_600_000;

/** A stairwell of four lived-in households with a fund `f`, at 2026-11-29 10:00 Shanghai time. */
async function community() {
  const setup = await freshGovernance('2026-11-29T02:00:00Z');
  await must(
    setup.governance,
    ...stairwellCommands({ households: 4, residents: true, since: '2020-01-01' }),
    { type: 'fund.open', id: 'f', name: '保洁费', budget: 0 },
  );
  return setup;
}

const charge = (id: string, start: string, end?: string) => ({
  type: 'charge.define',
  id,
  fundId: 'f',
  name: '保洁',
  monthlyAmount: 40_000,
  scope: { kind: 'stairwell', id: 's1' },
  start,
  ...(end === undefined ? {} : { end }),
});

const due = (governance: Governance, now: Date) => governance.read((s) => dueWork(s, now));

/** Runs every due item as the scheduler would: its key is the command's idempotency key. */
async function runDue(governance: Governance, now: Date) {
  const { items } = due(governance, now);
  const answers = [];
  for (const item of items)
    answers.push(await governance.execute(item.command, { actor: SCHEDULER_ACTOR, requestKey: item.key }));
  return { items, answers };
}

describe('dueWork: what falls due by itself', () => {
  it('an open motion is due at its deadline, not before; the next due instant is the deadline', async () => {
    const { governance, clock } = await community();
    await must(
      governance,
      ...openMotionCommands({
        id: 'm1',
        title: '装门禁',
        kind: 'proposal',
        closesAt: '2026-11-30T12:00:00Z',
      }),
    );
    expect(due(governance, new Date('2026-11-30T11:59:59.999Z'))).toEqual({
      items: [],
      next: '2026-11-30T12:00:00.000Z',
    });
    expect(due(governance, new Date('2026-11-30T12:00:00Z'))).toEqual({
      items: [
        {
          key: 'motion.close:m1',
          dueAt: '2026-11-30T12:00:00.000Z',
          command: { type: 'motion.close', motionId: 'm1' },
        },
      ],
    });
    clock.set('2026-11-30T12:00:00Z');
    const closed = await governance.execute(
      { type: 'motion.close', motionId: 'm1' },
      { actor: SCHEDULER_ACTOR },
    );
    expect(closed.ok).toBe(true);
    expect(due(governance, clock.now())).toEqual({ items: [] });
  });

  it('a month of a charge falls due at its first midnight in Asia/Shanghai (16:00 UTC the day before)', async () => {
    const { governance } = await community();
    await must(governance, charge('c', '2026-10', '2027-01'));
    const before = due(governance, new Date('2026-11-30T15:59:59.999Z'));
    expect(before.items.map((i) => [i.key, i.dueAt])).toEqual([
      ['charge.bill:c:2026-10', '2026-09-30T16:00:00.000Z'],
      ['charge.bill:c:2026-11', '2026-10-31T16:00:00.000Z'],
    ]);
    expect(before.next).toBe('2026-11-30T16:00:00.000Z');
    const after = due(governance, new Date('2026-11-30T16:00:00Z'));
    expect(after.items.map((i) => i.key)).toContain('charge.bill:c:2026-12');
    // After the charge's last month nothing more will fall due.
    expect(due(governance, new Date('2027-03-01T00:00:00Z')).next).toBeUndefined();
    // The zone is the community's: in UTC December begins eight hours later.
    expect(governance.read((s) => dueWork(s, new Date('2026-11-30T16:00:00Z'), 'UTC')).next).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('a charge that has not begun is due at its start; a month nobody lived in is never due', async () => {
    const { governance } = await community();
    await must(
      governance,
      charge('later', '2027-02'),
      {
        type: 'charge.define',
        id: 'empty',
        fundId: 'f',
        name: '空单元',
        monthlyAmount: 100,
        scope: { kind: 'units', ids: ['u101'] },
        start: '2026-11',
      },
      { type: 'resident.moveOut', residentId: 'r101', date: '2026-10-01' },
    );
    const now = new Date('2026-11-29T02:00:00Z');
    expect(due(governance, now)).toEqual({ items: [], next: '2026-11-30T16:00:00.000Z' });
  });
});

describe('the scheduler actor', () => {
  it('may close a motion past its deadline and bill a month that has begun, nothing else; a refusal changes nothing', async () => {
    const { governance, clock } = await community();
    await must(
      governance,
      charge('c', '2026-11'),
      ...openMotionCommands({
        id: 'm1',
        title: '装门禁',
        kind: 'proposal',
        closesAt: '2026-11-30T12:00:00Z',
      }),
      {
        type: 'motion.draft',
        id: 'm2',
        title: '草稿',
        kind: 'proposal',
        scope: { kind: 'stairwell', id: 's1' },
        basis: 'owners',
        rule: 'civilCode278.ordinary',
        closesAt: '2026-12-20T10:00:00Z',
      },
    );
    const asScheduler = { actor: SCHEDULER_ACTOR };
    const refused = async (command: unknown, code: string) => {
      const head = governance.head.value;
      const answer = await governance.execute(command, asScheduler);
      expect(answer.ok ? 'accepted' : answer.error.code).toBe(code);
      expect(governance.head.value).toEqual(head);
    };
    // Early: the deadline is the organizer's to bring forward, not the scheduler's.
    await refused({ type: 'motion.close', motionId: 'm1' }, 'motion.not_organizer');
    await refused({ type: 'charge.bill', chargeId: 'c', month: '2026-12' }, 'scheduler.not_due_work');
    await refused({ type: 'motion.open', motionId: 'm2' }, 'scheduler.not_due_work');
    await refused({ type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 100 }, 'scheduler.not_due_work');
    await refused(
      { type: 'resident.moveOut', residentId: 'r101', date: '2026-11-29' },
      'scheduler.not_due_work',
    );
    await refused(charge('c2', '2026-11'), 'scheduler.not_due_work');
    expect(
      (await governance.execute({ type: 'charge.bill', chargeId: 'c', month: '2026-11' }, asScheduler)).ok,
    ).toBe(true);
    clock.set('2026-11-30T12:00:00Z');
    const closed = await governance.execute({ type: 'motion.close', motionId: 'm1' }, asScheduler);
    expect(closed.ok && closed.value.map((e) => [e.type, e.actor])).toEqual([
      ['motion.closed', SCHEDULER_ACTOR],
    ]);
  });
});

/** A random timeline: charges over a few months, motions closing over a few days, instants to look at. */
const timeline = fc.record({
  households: fc.integer({ min: 1, max: 5 }),
  charges: fc.array(
    fc.record({
      start: fc.integer({ min: -3, max: 3 }),
      length: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  motions: fc.array(fc.integer({ min: 1, max: 96 }), { maxLength: 4 }),
  steps: fc.array(fc.integer({ min: 0, max: 40 * 24 }), { minLength: 1, maxLength: 4 }),
});

const monthOffset = (offset: number) => {
  const d = new Date(Date.UTC(2026, 10 + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

describe('dueWork: property', () => {
  it('after running all due work nothing is due, and running it again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(timeline, async (t) => {
        const { governance, clock } = await freshGovernance('2026-11-29T02:00:00Z');
        await must(
          governance,
          ...stairwellCommands({ households: t.households, residents: true, since: '2020-01-01' }),
          {
            type: 'fund.open',
            id: 'f',
            name: '保洁费',
            budget: 0,
          },
        );
        for (const [i, c] of t.charges.entries())
          await must(
            governance,
            charge(
              `c${i}`,
              monthOffset(c.start),
              c.length === undefined ? undefined : monthOffset(c.start + c.length),
            ),
          );
        for (const [i, hours] of t.motions.entries())
          await must(
            governance,
            ...openMotionCommands({
              id: `m${i}`,
              title: `议题${i}`,
              kind: 'proposal',
              closesAt: new Date(clock.now().getTime() + hours * HOUR).toISOString(),
            }),
          );
        for (const hours of t.steps) {
          clock.advance(hours * HOUR);
          const now = clock.now();
          const first = await runDue(governance, now);
          for (const answer of first.answers) expect(answer.ok).toBe(true);
          expect(due(governance, now).items).toEqual([]);
          const next = due(governance, now).next;
          if (next !== undefined) expect(Date.parse(next)).toBeGreaterThan(now.getTime());
          // The same items again, as a second process whose lease expired would send them.
          const head = governance.head.value;
          for (const item of first.items) {
            const again = await governance.execute(item.command, {
              actor: SCHEDULER_ACTOR,
              requestKey: item.key,
            });
            expect(again.ok).toBe(true);
          }
          expect(governance.head.value).toEqual(head);
        }
      }),
      { numRuns: 40 },
    );
  });
});
