import type { Attachment } from '../attachments/attachment.js';
import type { LocalDate } from '../time/local-date.js';
import type { PaymentMethod } from './receipts.js';

/** What a ledger entry records. Amounts are signed fen; a reversal carries the negated amount. */
export type EntryKind =
  /** A unit's share to pay (from a scheme or a recurring charge). */
  | 'pledge'
  /** Money owed back to a unit (e.g. its part of distributed ad income). */
  | 'credit'
  /** A unit paid (an instalment, or more as explicit credit). */
  | 'payment'
  /** Money paid back to a unit. */
  | 'refund'
  /** Money spent, with a receipt. */
  | 'expense'
  /** Money received, e.g. elevator ad revenue. */
  | 'income'
  | 'transferIn'
  | 'transferOut';

/** One immutable ledger line. Corrections are new entries that reverse old ones. */
export interface Entry {
  readonly id: string;
  readonly fundId: string;
  readonly kind: EntryKind;
  /** Signed fen: positive for the entry itself, negative in a reversal. */
  readonly amount: number;
  readonly date: LocalDate;
  readonly unitId?: string;
  /** Pledges: when payment is due, for ageing. */
  readonly due?: LocalDate;
  /** Receipt number, bank reference, paper reference… */
  readonly reference?: string;
  /** Payments: how it was paid. */
  readonly method?: PaymentMethod;
  /** Payments: the receipt number (收据号), unique in its fund. */
  readonly receiptNo?: string;
  /** Payments: the actor who recorded it, for the receipt. */
  readonly recordedBy?: string;
  readonly note?: string;
  /** Photos or scans of its receipt or invoice, by content hash (the bytes are in the blob store). */
  readonly attachments?: readonly Attachment[];
  /** A reversal: the entry it cancels. */
  readonly reverses?: string;
  /** Where a pledge came from. */
  readonly source?:
    | { readonly schemeId: string; readonly version: number }
    | { readonly chargeId: string; readonly month: string };
  /** The other fund of a transfer. */
  readonly counterpart?: string;
  /** Income: what its net amount offsets (a recurring charge's pool, or credits by a scheme). */
  readonly offset?: IncomeOffset;
  /** An income's related costs: the income entry they were paid out of. */
  readonly relatedTo?: string;
}

/** Where an income's net amount went (Art. 282): a charge's offset pool, or credits by a scheme. */
export type IncomeOffset =
  | { readonly chargeId: string }
  | { readonly schemeId: string; readonly version?: number };

/** Days past due, bucketed the way committees report arrears. */
export interface Ageing {
  /** Owed but not yet due. */
  readonly current: number;
  readonly days1to30: number;
  readonly days31to60: number;
  readonly days61to90: number;
  readonly over90: number;
}

/** One unit's account with a fund. */
export interface UnitStatement {
  readonly unitId: string;
  /** Pledges less credits. */
  readonly owed: number;
  readonly paid: number;
  readonly refunded: number;
  /** owed − paid + refunded when positive. */
  readonly arrears: number;
  /** paid − refunded − owed when positive (explicit overpayment). */
  readonly credit: number;
  readonly ageing: Ageing;
}

/** A fund's totals and every unit's statement, as of a date. */
export interface LedgerSummary {
  readonly pledged: number;
  readonly credited: number;
  readonly paid: number;
  readonly refunded: number;
  readonly expenses: number;
  readonly income: number;
  readonly transfersIn: number;
  readonly transfersOut: number;
  /** Cash: paid − refunded − expenses + income + transfers in − transfers out. */
  readonly balance: number;
  readonly arrears: number;
  readonly ageing: Ageing;
  readonly units: readonly UnitStatement[];
}

const DAY = 86_400_000;

interface UnitAccumulator {
  owed: number;
  paid: number;
  refunded: number;
  /** Pledges (and credits, negative) with their due dates. */
  dues: { due: LocalDate; amount: number }[];
}

/** The fund's running totals by kind of entry. */
type Totals = Record<
  'pledged' | 'credited' | 'paid' | 'refunded' | 'expenses' | 'income' | 'transfersIn' | 'transfersOut',
  number
>;

/** Adds up the entries dated up to `asOf`: the fund's totals, and per unit what it owes and paid. */
function accumulate(entries: readonly Entry[], asOf: LocalDate) {
  const t: Totals = {
    pledged: 0,
    credited: 0,
    paid: 0,
    refunded: 0,
    expenses: 0,
    income: 0,
    transfersIn: 0,
    transfersOut: 0,
  };
  const units = new Map<string, UnitAccumulator>();
  const unit = (id: string) => {
    let u = units.get(id);
    if (!u) {
      u = { owed: 0, paid: 0, refunded: 0, dues: [] };
      units.set(id, u);
    }
    return u;
  };
  for (const e of entries) {
    if (e.date > asOf) continue;
    const a = e.amount;
    switch (e.kind) {
      case 'pledge':
      case 'credit': {
        const signed = e.kind === 'pledge' ? a : -a;
        if (e.kind === 'pledge') t.pledged += a;
        else t.credited += a;
        if (e.unitId !== undefined) {
          const u = unit(e.unitId);
          u.owed += signed;
          u.dues.push({ due: e.due ?? e.date, amount: signed });
        }
        break;
      }
      case 'payment':
        t.paid += a;
        if (e.unitId !== undefined) unit(e.unitId).paid += a;
        break;
      case 'refund':
        t.refunded += a;
        if (e.unitId !== undefined) unit(e.unitId).refunded += a;
        break;
      case 'expense':
        t.expenses += a;
        break;
      case 'income':
        t.income += a;
        break;
      case 'transferIn':
        t.transfersIn += a;
        break;
      case 'transferOut':
        t.transfersOut += a;
        break;
    }
  }
  return { totals: t, units };
}

/** Ageing buckets with nothing in them yet. */
export const noAgeing = (): { -readonly [K in keyof Ageing]: number } => ({
  current: 0,
  days1to30: 0,
  days31to60: 0,
  days61to90: 0,
  over90: 0,
});

/**
 * The bucket of a due `late` days past: not yet due (0 or fewer), 1–30, 31–60, 61–90, over 90 days.
 * The day a payment falls due counts as not yet late.
 */
export function ageingBucket(late: number): keyof Ageing {
  if (late <= 0) return 'current';
  if (late <= 30) return 'days1to30';
  if (late <= 60) return 'days31to60';
  return late <= 90 ? 'days61to90' : 'over90';
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** A due with the part of it still unpaid. */
export interface UnpaidPart<T> {
  readonly of: T;
  readonly unpaid: number;
}

/**
 * Which dues a unit `owing` has not paid: payments settle the oldest dues first, so the unpaid part
 * is the newest positive dues. `rest` is what owing exceeds them by (credits in view can cause it).
 */
export function unpaidDues<T extends { readonly due: LocalDate; readonly amount: number }>(
  dues: readonly T[],
  owing: number,
): { readonly parts: readonly UnpaidPart<T>[]; readonly rest: number } {
  const parts: UnpaidPart<T>[] = [];
  if (owing <= 0) return { parts, rest: 0 };
  const newestFirst = [...dues].sort((x, y) => (x.due < y.due ? 1 : x.due > y.due ? -1 : 0));
  let left = owing;
  for (const d of newestFirst) {
    if (left <= 0) break;
    if (d.amount <= 0) continue;
    const part = Math.min(left, d.amount);
    left -= part;
    parts.push({ of: d, unpaid: part });
  }
  return { parts, rest: left };
}

/** Ages what a unit `owing` still owes, each unpaid part bucketed by days past its due date. */
function ageArrears(dues: UnitAccumulator['dues'], owing: number, asOf: LocalDate): Ageing {
  const ageing = noAgeing();
  const { parts, rest } = unpaidDues(dues, owing);
  for (const p of parts) ageing[ageingBucket(daysBetween(p.of.due, asOf))] += p.unpaid;
  // Credits can leave owing larger than the positive dues in view; keep the rest current.
  ageing.current += rest;
  return ageing;
}

/**
 * Sums a fund's entries as of `asOf` and ages every unit's arrears: payments settle the oldest dues
 * first, so what is still unpaid is the newest, and each unpaid part is bucketed by days past its due
 * date. One pass over the entries, then one small sort per unit with dues.
 */
export function summarizeLedger(entries: readonly Entry[], asOf: LocalDate): LedgerSummary {
  const { totals: t, units } = accumulate(entries, asOf);
  const total = noAgeing();
  let arrears = 0;
  const statements: UnitStatement[] = [];
  for (const id of [...units.keys()].sort()) {
    const u = units.get(id) as UnitAccumulator;
    const balance = u.owed - u.paid + u.refunded;
    const owing = Math.max(0, balance);
    const ageing = ageArrears(u.dues, owing, asOf);
    for (const k of Object.keys(total) as (keyof Ageing)[]) total[k] += ageing[k];
    arrears += owing;
    statements.push({
      unitId: id,
      owed: u.owed,
      paid: u.paid,
      refunded: u.refunded,
      arrears: owing,
      credit: Math.max(0, -balance),
      ageing,
    });
  }
  return {
    ...t,
    balance: t.paid - t.refunded - t.expenses + t.income + t.transfersIn - t.transfersOut,
    arrears,
    ageing: total,
    units: statements,
  };
}
