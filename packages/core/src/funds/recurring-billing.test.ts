import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { dueWork } from '../governance/due-work.js';
import type { Governance } from '../governance/governance.js';
import { SCHEDULER_ACTOR } from '../governance/scheduler-actor.js';
import { stairwellCommands } from '../testing/stairwell.js';
import type { LocalDate } from '../time/local-date.js';
import { chargeBilling, nextMonth } from './charge-billing.js';
import { billMonth, dueDateOf } from './recurring.js';

const DAY = 86_400_000;

/** Four lived-in households with a fund `f`; u102 moves out on 2028-02-16. */
async function community(at = '2027-12-01T00:00:00Z') {
  const setup = await freshGovernance(at);
  await must(
    setup.governance,
    ...stairwellCommands({ households: 4, residents: true, since: '2020-01-01' }),
    { type: 'fund.open', id: 'f', name: '门卫工资', budget: 0 },
  );
  return setup;
}

const wage = (extra: Record<string, unknown> = {}) => ({
  type: 'charge.define',
  id: 'wage',
  fundId: 'f',
  name: '门卫工资',
  monthlyAmount: 300_000,
  scope: { kind: 'stairwell', id: 's1' },
  start: '2028-01',
  ...extra,
});

/** Runs every item due at `now` as the scheduler does (its key as the idempotency key). */
async function runDue(governance: Governance, now: Date): Promise<string[]> {
  const { items } = governance.read((s) => dueWork(s, now));
  for (const item of items) {
    const answer = await governance.execute(item.command, { actor: SCHEDULER_ACTOR, requestKey: item.key });
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
  }
  return items.map((i) => i.key);
}

describe('a charge falls due on its day of the month', () => {
  it('a day past the month end falls on the month’s last day: 31 → 29 Feb 2028 (leap), 28 Feb 2027, 30 Apr', () => {
    const charge = { dueDay: 31 };
    expect(dueDateOf(charge, '2028-02')).toBe('2028-02-29');
    expect(dueDateOf(charge, '2027-02')).toBe('2027-02-28');
    expect(dueDateOf(charge, '2028-04')).toBe('2028-04-30');
    expect(dueDateOf(charge, '2028-05')).toBe('2028-05-31');
    expect(dueDateOf({ dueDay: 30 }, '2100-02')).toBe('2100-02-28');
    expect(dueDateOf({}, '2028-02')).toBe('2028-02-01');
  });

  it('is not due before its due day’s midnight in Asia/Shanghai, and is due from then on', async () => {
    const { governance } = await community();
    await must(governance, wage({ dueDay: 31 }));
    const due = (iso: string) => governance.read((s) => dueWork(s, new Date(iso)));
    // 29 Feb 2028 00:00 in Shanghai is 28 Feb 16:00 UTC: January is due, February not yet.
    expect(due('2028-02-28T15:59:59.999Z').items.map((i) => i.key)).toEqual(['charge.bill:wage:2028-01']);
    expect(due('2028-02-28T15:59:59.999Z').next).toBe('2028-02-28T16:00:00.000Z');
    expect(due('2028-02-28T16:00:00Z').items.map((i) => i.key)).toEqual([
      'charge.bill:wage:2028-01',
      'charge.bill:wage:2028-02',
    ]);
    expect(due('2028-02-28T16:00:00Z').items[1]?.dueAt).toBe('2028-02-28T16:00:00.000Z');
  });

  it('the scheduler may not bill a month before its due day, even once the month has begun', async () => {
    const { governance, clock } = await community();
    await must(governance, wage({ dueDay: 25 }));
    clock.set('2028-01-10T02:00:00Z');
    const head = governance.head.value.seq;
    const early = await governance.execute(
      { type: 'charge.bill', chargeId: 'wage', month: '2028-01' },
      { actor: SCHEDULER_ACTOR },
    );
    expect(early.ok || early.error.code).toBe('scheduler.not_due_work');
    expect(governance.head.value.seq).toBe(head);
    clock.set('2028-01-24T16:00:00Z'); // 25 January, 00:00 in Shanghai
    expect(await runDue(governance, clock.now())).toEqual(['charge.bill:wage:2028-01']);
  });

  it('refuses a day of month outside 1–31 with a typed error, and nothing changes', async () => {
    const { governance } = await community();
    const head = governance.head.value.seq;
    for (const dueDay of [0, 32, 1.5]) {
      const answer = await governance.execute(wage({ dueDay }));
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.path).toEqual(['dueDay']);
    }
    expect(governance.head.value.seq).toBe(head);
  });
});

describe('charge.end', () => {
  it('stops billing after the end month; an end before a billed month is refused and changes nothing', async () => {
    const { governance, clock } = await community();
    await must(governance, wage({ dueDay: 10 }));
    clock.set('2028-03-15T00:00:00Z');
    expect(await runDue(governance, clock.now())).toEqual([
      'charge.bill:wage:2028-01',
      'charge.bill:wage:2028-02',
      'charge.bill:wage:2028-03',
    ]);
    const head = governance.head.value.seq;
    const early = await governance.execute({ type: 'charge.end', chargeId: 'wage', end: '2028-02' });
    expect(early.ok || early.error).toMatchObject({ code: 'charge.ends_before_billed', path: ['end'] });
    const unknown = await governance.execute({ type: 'charge.end', chargeId: 'nope', end: '2028-04' });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'entity.not_found' });
    const beforeStart = await governance.execute({ type: 'charge.end', chargeId: 'wage', end: '2027-12' });
    expect(beforeStart.ok || beforeStart.error).toMatchObject({ code: 'charge.ends_before_start' });
    expect(governance.head.value.seq).toBe(head);

    await must(governance, { type: 'charge.end', chargeId: 'wage', end: '2028-04' });
    const billing = () =>
      governance.read((s) => chargeBilling(s.funds, s.funds.charges.get('wage') as never));
    expect(billing()).toMatchObject({
      lastBilled: '2028-03',
      next: { month: '2028-04', dueDate: '2028-04-10' },
    });
    clock.set('2028-12-31T00:00:00Z');
    expect(await runDue(governance, clock.now())).toEqual(['charge.bill:wage:2028-04']);
    expect(governance.read((s) => dueWork(s, new Date('2029-06-01T00:00:00Z')))).toEqual({ items: [] });
    expect(billing()).toMatchObject({ lastBilled: '2028-04', next: null, end: '2028-04' });
    expect(governance.fundView('f', '2028-12-31' as LocalDate)?.charges).toEqual([billing()]);
  });
});

describe('catching up after any restarts and clock jumps', () => {
  it('bills each month exactly once, in order, and each household owes the core’s own computation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 31 }),
        // Instants at which a server process runs its due work (restarts, long downtimes, repeats).
        fc.array(fc.integer({ min: 0, max: 420 * DAY }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        async (dueDay, offsets, repeats) => {
          const { governance, clock } = await community();
          await must(governance, wage({ dueDay }), {
            type: 'resident.moveOut',
            residentId: 'r102',
            date: '2028-02-16',
          });
          const start = Date.parse('2027-12-20T00:00:00Z');
          const instants = [...offsets].sort((a, b) => a - b).map((o) => new Date(start + o));
          const billedKeys: string[] = [];
          for (const at of instants) {
            clock.set(at);
            for (let i = 0; i <= repeats % 2; i++) billedKeys.push(...(await runDue(governance, at)));
          }
          expect(new Set(billedKeys).size).toBe(billedKeys.length);
          expect(billedKeys).toEqual([...billedKeys].sort());
          // Every month due by the last instant is billed; none later.
          const last = instants.at(-1) as Date;
          const expected: string[] = [];
          for (
            let m = '2028-01';
            Date.parse(`${dueDateOf({ dueDay }, m)}T00:00:00+08:00`) <= last.getTime();
            m = nextMonth(m)
          )
            expected.push(m);
          expect(billedKeys.map((k) => k.slice(-7))).toEqual(expected);
          // Household totals equal billMonth over the billed months.
          const owed = new Map<string, number>();
          governance.read((s) => {
            const charge = s.funds.charges.get('wage');
            if (!charge) throw new Error('no charge');
            for (const m of expected)
              for (const line of billMonth(s.community, charge, m, charge.monthlyAmount))
                owed.set(line.unitId, (owed.get(line.unitId) ?? 0) + line.share);
          });
          const view = governance.fundView('f', '2029-12-31' as LocalDate);
          expect(Object.fromEntries((view?.rows ?? []).map((r) => [r.unitId, r.share]))).toEqual(
            Object.fromEntries(owed),
          );
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
