import { effectiveArea } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { type ChargeBilling, fundChargeBillings } from './charge-billing.js';
import { summarizeLedger } from './ledger.js';
import { coefficientOf } from './shares.js';
import type { FundsState } from './state.js';

/** One unit's line in a fund's public table. */
export interface FundRow {
  readonly unitId: string;
  readonly room: string;
  readonly floor: number;
  /** Hundredths of m². */
  readonly area: number;
  /** The floor coefficient (hundredths) of the scheme the unit's pledges came from, if it uses one. */
  readonly coefficient: number | null;
  /** What the unit owes the fund (pledges less credits). */
  readonly share: number;
  readonly paid: number;
  readonly arrears: number;
}

/** A unit its fund's scheme exempts from paying, and why (e.g. 低保户), as the scheme records it. */
export interface FundExemption {
  readonly unitId: string;
  readonly room: string;
  readonly reason: string;
}

/** A fund as a public notice shows it: every unit's row, totals that reconcile to the fen, and income. */
export interface FundView {
  readonly fundId: string;
  readonly name: string;
  readonly budget: number;
  readonly rows: readonly FundRow[];
  readonly totals: { readonly share: number; readonly paid: number; readonly arrears: number };
  /** paid ÷ share as a fraction of plain integers, for a progress bar. */
  readonly collected: { readonly numerator: number; readonly denominator: number };
  /** Income received (e.g. ads) and what was spent on it. */
  readonly income: number;
  readonly expenses: number;
  readonly balance: number;
  /** The recurring charges billed into the fund: last billed month and next due date of each. */
  readonly charges: readonly ChargeBilling[];
  /**
   * Units the schemes behind the fund's shares exempt, with the reason: they have no share (and no
   * row), and a household should read that it is exempt and why. Absent from views published before.
   */
  readonly exempt?: readonly FundExemption[];
}

/** Builds the public view of a fund as of `asOf`, or undefined for an unknown fund. */
export function fundView(
  community: CommunityState,
  funds: FundsState,
  fundId: string,
  asOf: LocalDate,
): FundView | undefined {
  const fund = funds.funds.get(fundId);
  const entries = funds.entries.get(fundId);
  if (!fund || !entries) return undefined;
  const summary = summarizeLedger(entries, asOf);
  // The coefficient of each unit, from the scheme version its pledges came from.
  const coefficients = new Map<string, number>();
  const exempt = new Map<string, string>();
  for (const e of entries) {
    if (e.kind !== 'pledge' || !e.unitId || !e.source || !('schemeId' in e.source)) continue;
    const { schemeId, version } = e.source;
    const scheme = funds.schemes.get(schemeId)?.find((v) => v.version === version);
    for (const x of scheme?.spec.exemptions ?? []) exempt.set(x.unitId, x.reason);
    const basis = scheme?.spec.basis;
    const unit = community.units.get(e.unitId);
    if (basis?.kind === 'floorCoefficients' && unit)
      coefficients.set(e.unitId, coefficientOf(basis, unit.floor));
  }
  const rows: FundRow[] = summary.units.map((u) => {
    const unit = community.units.get(u.unitId);
    return {
      unitId: u.unitId,
      room: unit?.room ?? u.unitId,
      floor: unit?.floor ?? 0,
      area: unit ? effectiveArea(unit).area : 0,
      coefficient: coefficients.get(u.unitId) ?? null,
      share: u.owed,
      paid: u.paid - u.refunded,
      arrears: u.arrears,
    };
  });
  const totals = {
    share: rows.reduce((s, r) => s + r.share, 0),
    paid: rows.reduce((s, r) => s + r.paid, 0),
    arrears: rows.reduce((s, r) => s + r.arrears, 0),
  };
  return {
    fundId,
    name: fund.name,
    budget: fund.budget,
    rows,
    totals,
    collected: { numerator: Math.min(totals.paid, totals.share), denominator: Math.max(1, totals.share) },
    income: summary.income,
    expenses: summary.expenses,
    balance: summary.balance,
    charges: fundChargeBillings(funds, fundId),
    exempt: [...exempt]
      // A unit that pays after all (a later scheme without its exemption) is not exempt.
      .filter(([unitId]) => !rows.some((r) => r.unitId === unitId && r.share > 0))
      .map(([unitId, reason]) => ({ unitId, room: community.units.get(unitId)?.room ?? unitId, reason }))
      .sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true })),
  };
}
