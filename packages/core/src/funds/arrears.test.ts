import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { emptyCommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { fundArrears } from './arrears.js';
import { type Ageing, summarizeLedger } from './ledger.js';
import { day, entryArb } from './ledger.test-support.js';
import { emptyFundsState } from './state.js';

const aged = (a: Ageing) => a.current + a.days1to30 + a.days31to60 + a.days61to90 + a.over90;

describe('fundArrears', () => {
  it('each household’s buckets add up to what it owes, and agree with the ledger’s own ageing', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), day, (entries, asOf) => {
        const funds = emptyFundsState();
        funds.funds.set('f', { id: 'f', name: 'f', budget: 0 });
        funds.entries.set('f', entries);
        const arrears = fundArrears(emptyCommunityState(), funds, 'f', asOf);
        const summary = summarizeLedger(entries, asOf);
        expect(arrears?.outstanding).toBe(summary.arrears);
        expect(aged(arrears?.ageing ?? summary.ageing)).toBe(summary.arrears);
        let sum = 0;
        for (const h of arrears?.households ?? []) {
          expect(h.outstanding).toBeGreaterThan(0);
          expect(aged(h.ageing)).toBe(h.outstanding);
          expect(h.ageing).toEqual(summary.units.find((u) => u.unitId === h.unitId)?.ageing);
          expect(h.unpaid.reduce((a, d) => a + d.unpaid, 0)).toBeLessThanOrEqual(h.outstanding);
          sum += h.outstanding;
        }
        expect(sum).toBe(summary.arrears);
      }),
    );
  });

  it('names each household, what it owes for, and since when', async () => {
    const { governance } = await building96();
    for (let floor = 1; floor <= 6; floor++)
      for (const s of ['01', '02'])
        await must(governance, { type: 'resident.moveIn', unitId: `u${floor}${s}`, date: '2015-03-01' });
    await must(
      governance,
      { type: 'fund.open', id: 'upkeep', name: '电梯维保', budget: 1_200_000 },
      {
        type: 'charge.define',
        id: 'maint',
        fundId: 'upkeep',
        name: '电梯维保费',
        monthlyAmount: 120_000,
        scope: { kind: 'stairwell', id: 's1' },
        split: 'equal',
        start: '2026-08',
        dueDay: 10,
      },
      { type: 'charge.bill', chargeId: 'maint', month: '2026-08' },
      { type: 'charge.bill', chargeId: 'maint', month: '2026-09' },
      { type: 'charge.bill', chargeId: 'maint', month: '2026-10' },
      { type: 'charge.bill', chargeId: 'maint', month: '2026-11' },
      { type: 'fund.pay', fundId: 'upkeep', unitId: 'u101', amount: 20_000 },
    );
    const arrears = governance.read((s) =>
      fundArrears(s.community, s.funds, 'upkeep', '2026-11-29' as LocalDate),
    );
    const u101 = arrears?.households.find((h) => h.room === '101');
    // Billed ¥100.00 a month from August, each month's share due on its last day; ¥200.00 paid
    // settles August and September.
    expect(u101).toMatchObject({
      outstanding: 20_000,
      since: '2026-10-31',
      ageing: { current: 10_000, days1to30: 10_000, days31to60: 0, days61to90: 0, over90: 0 },
    });
    expect(u101?.unpaid.map((d) => [d.due, d.unpaid, d.daysLate, d.for])).toEqual([
      ['2026-11-30', 10_000, -1, { kind: 'charge', chargeId: 'maint', name: '电梯维保费', month: '2026-11' }],
      ['2026-10-31', 10_000, 29, { kind: 'charge', chargeId: 'maint', name: '电梯维保费', month: '2026-10' }],
    ]);
    // Nothing paid: 90 days after 31 August is still the 61–90 bucket; the 91st day is over 90.
    const u102 = arrears?.households.find((h) => h.room === '102');
    expect(u102).toMatchObject({
      outstanding: 40_000,
      since: '2026-08-31',
      ageing: { current: 10_000, days1to30: 10_000, days31to60: 10_000, days61to90: 10_000, over90: 0 },
    });
    expect(arrears?.households.map((h) => h.room)).toEqual(
      [...(arrears?.households.map((h) => h.room) ?? [])].sort((a, b) => Number(a) - Number(b)),
    );
  });
});
