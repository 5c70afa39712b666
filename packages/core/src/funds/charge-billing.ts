import type { LocalDate } from '../time/local-date.js';
import { billedKey } from './evolve.js';
import { DEFAULT_DUE_DAY, dueDateOf } from './recurring.js';
import type { Charge, FundsState } from './state.js';

/** A recurring charge's billing state, as the organizer's money screen shows it. */
export interface ChargeBilling {
  /** The charge's id (`charge.define`'s `id`). */
  readonly chargeId: string;
  /** Its name, e.g. 门卫工资. */
  readonly name: string;
  /** Fen per month, before any income offset. */
  readonly monthlyAmount: number;
  /** How each month is split: equally per household, or by area; either way by days lived. */
  readonly split: 'equal' | 'area';
  /** The day of the month bills fall due (1–31; the last day in a shorter month). */
  readonly dueDay: number;
  /** The first month billed (`YYYY-MM`). */
  readonly start: string;
  /** The last month billed, or null when none is. */
  readonly lastBilled: string | null;
  /** The month billed next and the date it falls due; null once the charge has ended. */
  readonly next: { readonly month: string; readonly dueDate: LocalDate } | null;
  /** The charge's last month, if it ends. */
  readonly end?: string;
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The latest billed month of `charge`, or undefined when none is. */
export function lastBilledMonth(funds: FundsState, charge: Charge): string | undefined {
  const prefix = billedKey(charge.id, '');
  let last: string | undefined;
  for (const key of funds.billed) {
    if (!key.startsWith(prefix)) continue;
    const month = key.slice(prefix.length);
    if (last === undefined || month > last) last = month;
  }
  return last;
}

/**
 * Where `charge` stands: its last billed month, and the month after it (or its start month, when
 * nothing is billed yet) with that month's due date, unless that month is past the charge's end.
 */
export function chargeBilling(funds: FundsState, charge: Charge): ChargeBilling {
  const last = lastBilledMonth(funds, charge);
  const month = last === undefined ? charge.start : nextMonth(last);
  const ended = charge.end !== undefined && month > charge.end;
  return {
    chargeId: charge.id,
    name: charge.name,
    monthlyAmount: charge.monthlyAmount,
    split: charge.split,
    dueDay: charge.dueDay ?? DEFAULT_DUE_DAY,
    start: charge.start,
    lastBilled: last ?? null,
    next: ended ? null : { month, dueDate: dueDateOf(charge, month) },
    ...(charge.end === undefined ? {} : { end: charge.end }),
  };
}

/** The billing state of every charge booked into `fundId`, in definition order. */
export function fundChargeBillings(funds: FundsState, fundId: string): ChargeBilling[] {
  return [...funds.charges.values()].filter((c) => c.fundId === fundId).map((c) => chargeBilling(funds, c));
}
