import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../time/local-date.js';
import { type Entry, type EntryKind, summarizeLedger } from './ledger.js';
import { day, entryArb } from './ledger.test-support.js';

describe('ledger invariants', () => {
  it('balance is the exact sum of cash entries; statements reconcile to the totals; ageing adds up', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), day, (entries, asOf) => {
        const s = summarizeLedger(entries, asOf);
        const seen = entries.filter((e) => e.date <= asOf);
        const sum = (k: EntryKind) => seen.filter((e) => e.kind === k).reduce((a, e) => a + e.amount, 0);
        expect(s.balance).toBe(
          sum('payment') -
            sum('refund') -
            sum('expense') +
            sum('income') +
            sum('transferIn') -
            sum('transferOut'),
        );
        const unitPaid = seen
          .filter((e) => e.kind === 'payment' && e.unitId)
          .reduce((a, e) => a + e.amount, 0);
        expect(s.units.reduce((a, u) => a + u.paid, 0)).toBe(unitPaid);
        const unitOwed = seen
          .filter((e) => (e.kind === 'pledge' || e.kind === 'credit') && e.unitId)
          .reduce((a, e) => a + (e.kind === 'pledge' ? e.amount : -e.amount), 0);
        expect(s.units.reduce((a, u) => a + u.owed, 0)).toBe(unitOwed);
        for (const u of s.units) {
          expect(u.arrears).toBe(Math.max(0, u.owed - u.paid + u.refunded));
          expect(u.credit).toBe(Math.max(0, u.paid - u.refunded - u.owed));
          const aged =
            u.ageing.current +
            u.ageing.days1to30 +
            u.ageing.days31to60 +
            u.ageing.days61to90 +
            u.ageing.over90;
          expect(aged).toBe(u.arrears);
        }
        expect(s.arrears).toBe(s.units.reduce((a, u) => a + u.arrears, 0));
      }),
    );
  });

  it('ages arrears by due date, newest unpaid first', () => {
    const e = (id: string, kind: EntryKind, amount: number, date: string, due?: string): Entry => ({
      id,
      fundId: 'f',
      kind,
      amount,
      date: date as LocalDate,
      unitId: 'u1',
      ...(due ? { due: due as LocalDate } : {}),
    });
    const s = summarizeLedger(
      [
        e('1', 'pledge', 1000, '2026-01-01', '2026-01-31'),
        e('2', 'pledge', 1000, '2026-06-01', '2026-06-30'),
        e('3', 'payment', 1500, '2026-03-01'),
      ],
      '2026-07-15' as LocalDate,
    );
    // The January pledge is paid in full; 500 of June's is outstanding, 15 days late.
    expect(s.units[0]).toMatchObject({ arrears: 500, ageing: { days1to30: 500, over90: 0 } });
  });
});
