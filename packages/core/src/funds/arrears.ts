import { ownersOn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import {
  type Ageing,
  ageingBucket,
  daysBetween,
  type Entry,
  noAgeing,
  summarizeLedger,
  unpaidDues,
} from './ledger.js';
import type { FundsState } from './state.js';

/** What an unpaid due was for: a scheme's share, or one month of a recurring charge. */
export type DueFor =
  | { readonly kind: 'scheme'; readonly schemeId: string; readonly name: string }
  | { readonly kind: 'charge'; readonly chargeId: string; readonly name: string; readonly month: string }
  | { readonly kind: 'other' };

/** One due a household has not (fully) paid. */
export interface UnpaidDue {
  readonly entryId: string;
  readonly due: LocalDate;
  /** Fen still unpaid of it. */
  readonly unpaid: number;
  /** Whole days past due on the query's date (0 or fewer: not yet due). */
  readonly daysLate: number;
  readonly for: DueFor;
}

/** One household's arrears with a fund, aged. */
export interface HouseholdArrears {
  readonly unitId: string;
  readonly room: string;
  /** The owners' names on the query's date. */
  readonly owners: readonly string[];
  /** Fen owed and unpaid: the sum of {@link ageing}'s buckets. */
  readonly outstanding: number;
  readonly ageing: Ageing;
  /** The due date of the oldest unpaid due (what a reminder says "since"). */
  readonly since: LocalDate | undefined;
  /** The unpaid dues, newest first. */
  readonly unpaid: readonly UnpaidDue[];
}

/** A fund's arrears on a date: every household that owes, and the totals by age. */
export interface FundArrears {
  readonly fundId: string;
  readonly name: string;
  readonly asOf: LocalDate;
  readonly outstanding: number;
  readonly ageing: Ageing;
  /** Households that owe, in room order. */
  readonly households: readonly HouseholdArrears[];
}

function dueFor(funds: FundsState, entry: Entry): DueFor {
  const source = entry.source;
  if (source && 'chargeId' in source) {
    const name = funds.charges.get(source.chargeId)?.name ?? source.chargeId;
    return { kind: 'charge', chargeId: source.chargeId, name, month: source.month };
  }
  if (source) {
    const version = funds.schemes.get(source.schemeId)?.find((v) => v.version === source.version);
    return { kind: 'scheme', schemeId: source.schemeId, name: version?.spec.name ?? source.schemeId };
  }
  return { kind: 'other' };
}

function ownerNames(community: CommunityState, unitId: string, asOf: LocalDate): string[] {
  const unit = community.units.get(unitId);
  if (!unit) return [];
  return ownersOn(unit, asOf).map((id) => community.owners.get(id)?.name ?? id);
}

/**
 * The arrears of a fund as of `asOf`, per household, in the ledger's ageing buckets: not yet due,
 * 1–30, 31–60, 61–90 and over 90 days past due. Payments settle the oldest dues first (as
 * {@link summarizeLedger} does), so what is unpaid is the newest dues; each household's buckets add
 * up to what it owes, and so do the fund's. Undefined for an unknown fund.
 */
export function fundArrears(
  community: CommunityState,
  funds: FundsState,
  fundId: string,
  asOf: LocalDate,
): FundArrears | undefined {
  const fund = funds.funds.get(fundId);
  const entries = funds.entries.get(fundId);
  if (!fund || !entries) return undefined;
  const summary = summarizeLedger(entries, asOf);
  const dues = new Map<string, { due: LocalDate; amount: number; entry: Entry }[]>();
  for (const e of entries) {
    if (e.date > asOf || e.unitId === undefined || (e.kind !== 'pledge' && e.kind !== 'credit')) continue;
    const list = dues.get(e.unitId) ?? [];
    list.push({ due: e.due ?? e.date, amount: e.kind === 'pledge' ? e.amount : -e.amount, entry: e });
    dues.set(e.unitId, list);
  }
  const households: HouseholdArrears[] = [];
  for (const statement of summary.units) {
    if (statement.arrears <= 0) continue;
    const { parts, rest } = unpaidDues(dues.get(statement.unitId) ?? [], statement.arrears);
    const ageing = noAgeing();
    const unpaid = parts.map((p): UnpaidDue => {
      const daysLate = daysBetween(p.of.due, asOf);
      ageing[ageingBucket(daysLate)] += p.unpaid;
      return {
        entryId: p.of.entry.id,
        due: p.of.due,
        unpaid: p.unpaid,
        daysLate,
        for: dueFor(funds, p.of.entry),
      };
    });
    ageing.current += rest;
    households.push({
      unitId: statement.unitId,
      room: community.units.get(statement.unitId)?.room ?? statement.unitId,
      owners: ownerNames(community, statement.unitId, asOf),
      outstanding: statement.arrears,
      ageing,
      since: unpaid.at(-1)?.due,
      unpaid,
    });
  }
  households.sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));
  return {
    fundId,
    name: fund.name,
    asOf,
    outstanding: summary.arrears,
    ageing: summary.ageing,
    households,
  };
}
