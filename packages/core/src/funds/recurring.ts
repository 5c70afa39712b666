import { effectiveArea, unitsIn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import { allocate } from '../numbers/allocate.js';
import type { LocalDate } from '../time/local-date.js';
import type { Charge } from './state.js';

/** One household's part of a monthly bill. */
export interface BillLine {
  /** The household's unit. */
  readonly unitId: string;
  /** Days in the month the unit had at least one resident. */
  readonly days: number;
  /** Its part of the month's amount, in fen (largest remainder by days lived, times area for `area`). */
  readonly share: number;
}

/** How many days the month `YYYY-MM` has (28–31). */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The days of a month `YYYY-MM`, as local dates. */
export function daysOfMonth(month: string): LocalDate[] {
  return Array.from(
    { length: daysInMonth(month) },
    (_, i) => `${month}-${String(i + 1).padStart(2, '0')}` as LocalDate,
  );
}

/** The day of the month a charge's bill falls due when none was given: the first. */
export const DEFAULT_DUE_DAY = 1;

/**
 * The date `month`'s bill of `charge` falls due: its day of month, or the month's last day when the
 * month is shorter (a charge due on the 31st falls due on 30 April, 28 February, and 29 February in
 * a leap year), so every month has exactly one due date and none slips into the next month.
 */
export function dueDateOf(charge: Pick<Charge, 'dueDay'>, month: string): LocalDate {
  const day = Math.min(charge.dueDay ?? DEFAULT_DUE_DAY, daysInMonth(month));
  return `${month}-${String(day).padStart(2, '0')}` as LocalDate;
}

/**
 * Splits `amount` over the households of a charge's scope for one month, each weighted by the days it
 * was lived in (a resident who moves out on the 16th leaves 15 days) times 1 or its area. A move-out
 * date is the first day not lived there.
 */
export function billMonth(
  community: CommunityState,
  charge: Charge,
  month: string,
  amount: number,
): BillLine[] {
  const days = daysOfMonth(month);
  const first = days[0] as LocalDate;
  const last = days.at(-1) as LocalDate;
  const units = unitsIn(community, charge.scope);
  const inScope = new Set(units.map((u) => u.id));
  // Per unit, the set of days with someone living there.
  const lived = new Map<string, Set<string>>();
  for (const r of community.residents.values()) {
    if (!inScope.has(r.unitId)) continue;
    if (r.movedIn > last || (r.movedOut !== undefined && r.movedOut <= first)) continue;
    let set = lived.get(r.unitId);
    if (!set) {
      set = new Set();
      lived.set(r.unitId, set);
    }
    for (const d of days) if (r.movedIn <= d && (r.movedOut === undefined || r.movedOut > d)) set.add(d);
  }
  const rows = units.filter((u) => (lived.get(u.id)?.size ?? 0) > 0);
  const weights = rows.map((u) => {
    const n = lived.get(u.id)?.size ?? 0;
    return charge.split === 'area' ? BigInt(n) * BigInt(effectiveArea(u).area) : BigInt(n);
  });
  if (rows.length === 0) return [];
  const shares = allocate(amount, weights, { keys: rows.map((u) => u.id) }).shares;
  return rows.map((u, i) => ({ unitId: u.id, days: lived.get(u.id)?.size ?? 0, share: shares[i] as number }));
}
