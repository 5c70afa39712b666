import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { type AccountLine, householdStatement } from './household-statement.js';
import { summarizeLedger } from './ledger.js';
import { dueDateOf } from './recurring.js';
import type { SchemeBasis, Subsidy } from './scheme.js';
import { coefficientOf } from './shares.js';
import type { FundsState, SchemeVersion } from './state.js';

/**
 * How one cost-sharing scheme (分摊方案) treated the household: the scheme's rule and the household's
 * own figures in it, so a page can say why its share is what it is without computing anything.
 */
export interface ShareBasisLine {
  readonly schemeId: string;
  readonly version: number;
  readonly schemeName: string;
  /** The scheme's basis: equal, by area, floor coefficient × area, the elevator rule, or combined. */
  readonly basis: SchemeBasis['kind'];
  /** The household's floor and area (hundredths of m²) as the scheme froze them. */
  readonly floor: number;
  readonly area: number;
  /** Its floor coefficient in hundredths where the basis is floor coefficients; null otherwise. */
  readonly coefficient: number | null;
  /** The government subsidy taken off the whole cost before it was split; null when none. */
  readonly subsidy: Subsidy | null;
  /** Why it pays nothing under this scheme: the exemption's reason as the organizer recorded it. */
  readonly exempt?: string;
  /** A set amount (fen) instead of a computed share, with why. */
  readonly fixed?: { readonly amount: number; readonly reason: string };
  /** A manual change (fen) with why. */
  readonly adjustment?: { readonly amount: number; readonly reason: string };
  /** The most it pays under this scheme (fen), when a cap applies to it. */
  readonly cap?: number;
  /** Its share from this scheme: the pledges booked from it, fen (0 when exempt or weighted 0). */
  readonly share: number;
  /** When its share falls due (the pledge's due date); null when none was set or nothing is owed. */
  readonly due: LocalDate | null;
}

/** One month of a recurring charge billed to the household, with its due date. */
export interface BillDue {
  readonly chargeId: string;
  readonly chargeName: string;
  readonly month: string;
  /** Fen billed to the household for the month. */
  readonly amount: number;
  readonly due: LocalDate;
  /** How the charge's monthly amount is split: equally per household, or by area. */
  readonly split: 'equal' | 'area';
  /** The whole charge for a month, before splitting, fen. */
  readonly monthlyAmount: number;
}

/** The household's account with one fund, as its own home page shows it. */
export interface FundAccount {
  readonly fundId: string;
  readonly fundName: string;
  /** Its share (pledges less credits), paid, refunded and what it still owes, fen. */
  readonly share: number;
  readonly paid: number;
  readonly refunded: number;
  /** share − paid + refunded: owed (positive) or credit (negative). */
  readonly balance: number;
  /** The part of what it owes that is past its due date, fen. */
  readonly overdue: number;
  /** Whether it owes nothing to this fund because every scheme that shared it exempted or weighted it 0. */
  readonly pays: boolean;
  /** How each scheme of the fund treated it. */
  readonly schemes: readonly ShareBasisLine[];
  /** Its recurring charges' monthly bills, oldest first. */
  readonly bills: readonly BillDue[];
  /** Its payments and refunds (with receipt numbers), and their reversals, in log order. */
  readonly payments: readonly AccountLine[];
}

/** The scheme versions a fund's pledges came from, each once, in the order first used. */
function schemesOf(funds: FundsState, fundId: string): SchemeVersion[] {
  const seen = new Map<string, SchemeVersion>();
  for (const e of funds.entries.get(fundId) ?? []) {
    if (e.kind !== 'pledge' || !e.source || !('schemeId' in e.source)) continue;
    const { schemeId, version } = e.source;
    const key = `${schemeId}␟${version}`;
    const scheme = funds.schemes.get(schemeId)?.find((v) => v.version === version);
    if (scheme && !seen.has(key)) seen.set(key, scheme);
  }
  return [...seen.values()];
}

function basisLine(
  funds: FundsState,
  fundId: string,
  scheme: SchemeVersion,
  unitId: string,
): ShareBasisLine | undefined {
  const unit = scheme.units.find((u) => u.unitId === unitId);
  if (!unit) return undefined;
  const { spec } = scheme;
  const pledges = (funds.entries.get(fundId) ?? []).filter(
    (e) =>
      e.kind === 'pledge' &&
      e.unitId === unitId &&
      e.source !== undefined &&
      'schemeId' in e.source &&
      e.source.schemeId === scheme.schemeId &&
      e.source.version === scheme.version,
  );
  const live = pledges.filter((e) => !funds.reversed.has(e.id) && e.reverses === undefined);
  const share = pledges.reduce((sum, e) => sum + e.amount, 0);
  const exempt = spec.exemptions?.find((e) => e.unitId === unitId);
  const fixed = spec.fixed?.find((f) => f.unitId === unitId);
  const adjustment = spec.adjustments?.find((a) => a.unitId === unitId);
  const cap = spec.caps?.find((c) => c.unitId === unitId) ?? spec.caps?.find((c) => c.unitId === undefined);
  return {
    schemeId: scheme.schemeId,
    version: scheme.version,
    schemeName: spec.name,
    basis: spec.basis.kind,
    floor: unit.floor,
    area: unit.area,
    coefficient: spec.basis.kind === 'floorCoefficients' ? coefficientOf(spec.basis, unit.floor) : null,
    subsidy: spec.subsidy ?? null,
    ...(exempt ? { exempt: exempt.reason } : {}),
    ...(fixed ? { fixed: { amount: fixed.amount, reason: fixed.reason } } : {}),
    ...(adjustment ? { adjustment: { amount: adjustment.amount, reason: adjustment.reason } } : {}),
    ...(cap ? { cap: cap.max } : {}),
    share,
    due: share > 0 ? (live.find((e) => e.due !== undefined)?.due ?? null) : null,
  };
}

function billsOf(funds: FundsState, fundId: string, unitId: string): BillDue[] {
  const bills: BillDue[] = [];
  for (const e of funds.entries.get(fundId) ?? []) {
    if (e.kind !== 'pledge' || e.unitId !== unitId || !e.source || !('chargeId' in e.source)) continue;
    const charge = funds.charges.get(e.source.chargeId);
    if (!charge) continue;
    bills.push({
      chargeId: charge.id,
      chargeName: charge.name,
      month: e.source.month,
      amount: e.amount,
      due: dueDateOf(charge, e.source.month),
      split: charge.split,
      monthlyAmount: charge.monthlyAmount,
    });
  }
  return bills.sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * What one household owes each fund that concerns it, and why, as of `asOf`: for every fund where it
 * has an entry or sits in a scheme that shared the fund's cost, its share, payments (receipt numbers
 * included), balance and overdue part from the same ledger summary as its statement and the fund's
 * table; how each scheme treated it (basis, coefficient, area, subsidy, exemption with its reason,
 * set amount, adjustment, cap); its recurring bills with their due dates. Only this household's
 * lines: nothing of another household's payments. Pure: reads the state, nothing else.
 */
export function householdAccounts(
  community: CommunityState,
  funds: FundsState,
  unitId: string,
  asOf: LocalDate,
): FundAccount[] {
  const accounts: FundAccount[] = [];
  for (const fund of funds.funds.values()) {
    const schemes = schemesOf(funds, fund.id).flatMap((s) => basisLine(funds, fund.id, s, unitId) ?? []);
    const statement = householdStatement(community, funds, fund.id, unitId, asOf);
    if (!statement || (statement.lines.length === 0 && schemes.length === 0)) continue;
    const mine = (funds.entries.get(fund.id) ?? []).filter((e) => e.unitId === unitId && e.date <= asOf);
    const ageing = summarizeLedger(mine, asOf).units[0]?.ageing;
    const overdue = ageing ? ageing.days1to30 + ageing.days31to60 + ageing.days61to90 + ageing.over90 : 0;
    accounts.push({
      fundId: fund.id,
      fundName: fund.name,
      share: statement.share,
      paid: statement.paid,
      refunded: statement.refunded,
      balance: statement.balance,
      overdue,
      pays: statement.lines.some((l) => l.kind === 'pledge') || schemes.some((s) => s.share !== 0),
      schemes,
      bills: billsOf(funds, fund.id, unitId),
      payments: statement.lines.filter((l) => l.kind === 'payment' || l.kind === 'refund'),
    });
  }
  return accounts;
}
