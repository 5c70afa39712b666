import type { Attachment } from '../attachments/attachment.js';
import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { type FundRow, fundView } from './fund-view.js';
import { type Entry, summarizeLedger } from './ledger.js';
import type { FundsState } from './state.js';

/** What an income's net amount offset, by name. */
export type NoticeOffset =
  | { readonly kind: 'charge'; readonly id: string; readonly name: string }
  | { readonly kind: 'scheme'; readonly id: string; readonly name: string };

/** One income in the 公示: its gross amount, its related costs and what the rest went to. */
export interface NoticeIncome {
  readonly entryId: string;
  readonly date: LocalDate;
  readonly source: string;
  /** The invoice number (e.g. the tax bureau's 代开发票). */
  readonly invoice?: string;
  readonly amount: number;
  readonly relatedCosts: number;
  /** amount − relatedCosts. */
  readonly net: number;
  readonly offset?: NoticeOffset;
  readonly attachments: readonly Attachment[];
}

/** One expense in the 公示 (an income's related costs are shown with the income, not here). */
export interface NoticeExpense {
  readonly entryId: string;
  readonly date: LocalDate;
  readonly receipt: string;
  readonly description: string;
  readonly amount: number;
  readonly attachments: readonly Attachment[];
}

/** The figures of a fund's 公示, as the print screen, the exports and the books screen show them. */
export interface FundNotice {
  readonly fundId: string;
  readonly name: string;
  readonly budget: number;
  readonly asOf: LocalDate;
  /** Income not reversed, in ledger order. */
  readonly income: readonly NoticeIncome[];
  /** Expenses not reversed, other than incomes' related costs, in ledger order. */
  readonly expenses: readonly NoticeExpense[];
  /** Every household's share (pledges less credits), net payments and what it still owes. */
  readonly households: readonly FundRow[];
  readonly totals: {
    readonly income: number;
    readonly relatedCosts: number;
    /** Expenses other than related costs. */
    readonly expenses: number;
    /** Payments less refunds. */
    readonly paid: number;
    readonly transfersIn: number;
    readonly transfersOut: number;
    /** income − relatedCosts − expenses + paid + transfersIn − transfersOut: the cash in the fund. */
    readonly balance: number;
    readonly share: number;
    readonly owed: number;
  };
}

function offsetOf(funds: FundsState, entry: Entry): NoticeOffset | undefined {
  const offset = entry.offset;
  if (!offset) return undefined;
  if ('chargeId' in offset)
    return {
      kind: 'charge',
      id: offset.chargeId,
      name: funds.charges.get(offset.chargeId)?.name ?? offset.chargeId,
    };
  const versions = funds.schemes.get(offset.schemeId);
  const version =
    offset.version === undefined ? versions?.at(-1) : versions?.find((v) => v.version === offset.version);
  return { kind: 'scheme', id: offset.schemeId, name: version?.spec.name ?? offset.schemeId };
}

/** Sums entries dated up to `asOf` by kind; reversals carry negated amounts, so they cancel. */
function sums(entries: readonly Entry[], asOf: LocalDate) {
  const s = { income: 0, relatedCosts: 0, expenses: 0, transfersIn: 0, transfersOut: 0 };
  for (const e of entries) {
    if (e.date > asOf) continue;
    if (e.kind === 'income') s.income += e.amount;
    else if (e.kind === 'expense' && e.relatedTo !== undefined) s.relatedCosts += e.amount;
    else if (e.kind === 'expense') s.expenses += e.amount;
    else if (e.kind === 'transferIn') s.transfersIn += e.amount;
    else if (e.kind === 'transferOut') s.transfersOut += e.amount;
  }
  return s;
}

/** The income and expense lines dated up to `asOf` that stand (neither reversed nor a reversal). */
function lines(funds: FundsState, entries: readonly Entry[], asOf: LocalDate) {
  const standing = entries.filter(
    (e) => e.date <= asOf && e.reverses === undefined && !funds.reversed.has(e.id),
  );
  const costs = new Map<string, number>();
  for (const e of standing)
    if (e.kind === 'expense' && e.relatedTo !== undefined)
      costs.set(e.relatedTo, (costs.get(e.relatedTo) ?? 0) + e.amount);
  const income = standing
    .filter((e) => e.kind === 'income')
    .map((e): NoticeIncome => {
      const relatedCosts = costs.get(e.id) ?? 0;
      const offset = offsetOf(funds, e);
      return {
        entryId: e.id,
        date: e.date,
        source: e.note ?? '',
        ...(e.reference === undefined ? {} : { invoice: e.reference }),
        amount: e.amount,
        relatedCosts,
        net: e.amount - relatedCosts,
        ...(offset ? { offset } : {}),
        attachments: e.attachments ?? [],
      };
    });
  const expenses = standing
    .filter((e) => e.kind === 'expense' && e.relatedTo === undefined)
    .map(
      (e): NoticeExpense => ({
        entryId: e.id,
        date: e.date,
        receipt: e.reference ?? '',
        description: e.note ?? '',
        amount: e.amount,
        attachments: e.attachments ?? [],
      }),
    );
  return { income, expenses };
}

/**
 * The 公示 of a fund as of `asOf`: its income (each with its invoice, related costs and what it
 * offset), its expenses, every household's share, payments and arrears, and totals whose balance is
 * the ledger's cash balance to the fen. Reversed entries and their reversals are left out of the
 * lines and cancel in the totals. Undefined for an unknown fund.
 */
export function fundNotice(
  community: CommunityState,
  funds: FundsState,
  fundId: string,
  asOf: LocalDate,
): FundNotice | undefined {
  const view = fundView(community, funds, fundId, asOf);
  const entries = funds.entries.get(fundId);
  if (!view || !entries) return undefined;
  const s = sums(entries, asOf);
  const ledger = summarizeLedger(entries, asOf);
  const paid = ledger.paid - ledger.refunded;
  return {
    fundId,
    name: view.name,
    budget: view.budget,
    asOf,
    ...lines(funds, entries, asOf),
    households: view.rows,
    totals: {
      ...s,
      paid,
      balance: s.income - s.relatedCosts - s.expenses + paid + s.transfersIn - s.transfersOut,
      share: view.totals.share,
      owed: view.totals.arrears,
    },
  };
}
