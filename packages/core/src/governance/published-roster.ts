import { addMonths } from '../roles/roles.js';
import type { RosterSlot } from '../rotation/roster.js';
import type { LocalDate } from '../time/local-date.js';
import type { Governance } from './governance.js';

/** How many months before its day a published view's rosters begin. */
export const PUBLISHED_ROSTER_MONTHS_BACK = 3;
/** How many months after its day a published view's rosters end at the latest. */
export const PUBLISHED_ROSTER_MONTHS_AHEAD = 12;

/**
 * The dates a published view's rosters cover: 3 months before `asOf` to the earlier of `rosterUntil`
 * and 12 months after it. A duty that started decades ago then publishes as much as one started last
 * month, so the view's size (and the time to build it on every change) stays bounded; the whole
 * roster stays available from a live governance (`roster`, `rosterToICal`).
 */
export function publishedRosterWindow(
  asOf: LocalDate,
  rosterUntil: LocalDate,
): { readonly from: LocalDate; readonly to: LocalDate } {
  const latest = addMonths(asOf, PUBLISHED_ROSTER_MONTHS_AHEAD);
  return {
    from: addMonths(asOf, -PUBLISHED_ROSTER_MONTHS_BACK),
    to: rosterUntil < latest ? rosterUntil : latest,
  };
}

/** A duty's roster as a published view shows it: the slots within {@link publishedRosterWindow}. */
export function publishedRoster(
  gov: Pick<Governance, 'roster'>,
  dutyId: string,
  window: { readonly from: LocalDate; readonly to: LocalDate },
): readonly RosterSlot[] {
  const roster = gov.roster(dutyId, window.to);
  // Slots are in date order: find the first one in the window by bisection.
  let lo = 0;
  for (let hi = roster.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if ((roster[mid] as RosterSlot).date < window.from) lo = mid + 1;
    else hi = mid;
  }
  return roster.slice(lo);
}
