import { billMonth, type Charge, type GovernanceState } from '@linli/core';

/** One household's line of a billed month. */
export interface PeriodLine {
  readonly unitId: string;
  readonly room: string;
  /** Days someone lived there that month (what the share was prorated by). */
  readonly days: number;
  /** Fen, as the ledger holds it. */
  readonly share: number;
}

/** One billed month of a charge: every household's share as booked, and the total. */
export interface ChargePeriod {
  readonly month: string;
  readonly total: number;
  readonly lines: readonly PeriodLine[];
}

/**
 * The months `charge` has billed, newest first, from the fund's ledger (the pledges each bill
 * booked). The days lived are the core's proration of that month, recomputed from the register.
 */
export function chargePeriods(state: Readonly<GovernanceState>, charge: Charge): ChargePeriod[] {
  const byMonth = new Map<string, Map<string, number>>();
  for (const entry of state.funds.entries.get(charge.fundId) ?? []) {
    const source = entry.source;
    if (entry.kind !== 'pledge' || !entry.unitId || !source || !('chargeId' in source)) continue;
    if (source.chargeId !== charge.id) continue;
    const month = byMonth.get(source.month) ?? new Map<string, number>();
    month.set(entry.unitId, (month.get(entry.unitId) ?? 0) + entry.amount);
    byMonth.set(source.month, month);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, shares]) => {
      const total = [...shares.values()].reduce((a, b) => a + b, 0);
      const days = new Map(billMonth(state.community, charge, month, total).map((l) => [l.unitId, l.days]));
      const lines = [...shares.entries()].map(([unitId, share]) => ({
        unitId,
        room: state.community.units.get(unitId)?.room ?? unitId,
        days: days.get(unitId) ?? 0,
        share,
      }));
      lines.sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));
      return { month, total, lines };
    });
}
