import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { emptyCommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { fundNotice } from './fund-notice.js';
import { summarizeLedger } from './ledger.js';
import { day, entryArb } from './ledger.test-support.js';
import { emptyFundsState } from './state.js';

describe('fundNotice', () => {
  it('its balance is the ledger’s cash balance to the fen, and its households add up to its totals', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), fc.boolean(), day, (entries, related, asOf) => {
        const funds = emptyFundsState();
        funds.funds.set('f', { id: 'f', name: 'f', budget: 0 });
        // Some expenses are an income's related costs: they move between the two expense totals only.
        const tied = entries.map((e) => (related && e.kind === 'expense' ? { ...e, relatedTo: 'x' } : e));
        funds.entries.set('f', tied);
        const notice = fundNotice(emptyCommunityState(), funds, 'f', asOf);
        const summary = summarizeLedger(tied, asOf);
        expect(notice?.totals.balance).toBe(summary.balance);
        expect(notice?.totals.income).toBe(summary.income);
        expect((notice?.totals.expenses ?? 0) + (notice?.totals.relatedCosts ?? 0)).toBe(summary.expenses);
        expect(notice?.totals.share).toBe(notice?.households.reduce((a, h) => a + h.share, 0));
        expect(notice?.totals.paid).toBe(summary.paid - summary.refunded);
        const unitCash = tied
          .filter((e) => e.date <= asOf && e.unitId !== undefined)
          .reduce((a, e) => a + (e.kind === 'payment' ? e.amount : e.kind === 'refund' ? -e.amount : 0), 0);
        expect(notice?.households.reduce((a, h) => a + h.paid, 0)).toBe(unitCash);
        expect(notice?.totals.owed).toBe(summary.arrears);
      }),
    );
  });

  it('shows the ad income with its invoice, costs and the charge it offset; a reversed expense is gone', async () => {
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
        monthlyAmount: 100_000,
        scope: { kind: 'stairwell', id: 's1' },
        start: '2026-11',
      },
      {
        type: 'fund.income',
        fundId: 'upkeep',
        amount: 80_000,
        relatedCosts: 20_000,
        source: '电梯广告位租金 2026-11',
        invoice: '代开发票 0012345',
        offset: { chargeId: 'maint' },
      },
      { type: 'charge.bill', chargeId: 'maint', month: '2026-11' },
      { type: 'fund.pay', fundId: 'upkeep', unitId: 'u101', amount: 3334 },
      { type: 'fund.expense', fundId: 'upkeep', amount: 50_000, receipt: 'R-1', description: '年检' },
      { type: 'fund.expense', fundId: 'upkeep', amount: 999, receipt: 'R-2', description: '录错' },
    );
    const wrong = governance.read((s) => s.funds.entries.get('upkeep')?.at(-1)?.id ?? '');
    await must(governance, { type: 'fund.reverse', fundId: 'upkeep', entryId: wrong, reason: '录错了' });
    const notice = governance.read((s) =>
      fundNotice(s.community, s.funds, 'upkeep', '2026-11-29' as LocalDate),
    );
    expect(notice?.income).toEqual([
      expect.objectContaining({
        source: '电梯广告位租金 2026-11',
        invoice: '代开发票 0012345',
        amount: 80_000,
        relatedCosts: 20_000,
        net: 60_000,
        offset: { kind: 'charge', id: 'maint', name: '电梯维保费' },
      }),
    ]);
    expect(notice?.expenses.map((e) => [e.receipt, e.description, e.amount])).toEqual([
      ['R-1', '年检', 50_000],
    ]);
    // ¥1,000.00 less the ¥600.00 offset: ¥400.00 over 12 households.
    expect(notice?.totals).toEqual({
      income: 80_000,
      relatedCosts: 20_000,
      expenses: 50_000,
      paid: 3334,
      transfersIn: 0,
      transfersOut: 0,
      balance: 80_000 - 20_000 - 50_000 + 3334,
      share: 40_000,
      owed: 40_000 - 3334,
    });
    expect(notice?.households).toHaveLength(12);
  });
});
