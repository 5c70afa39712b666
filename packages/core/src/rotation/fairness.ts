import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import type { Duty } from './duty.js';
import { type MemberStats, memberStats, type RosterSlot } from './roster.js';

/** Why a household is left out of the spread: it could not serve on some day of the window. */
export type FairnessExclusion = 'exempt-age' | 'vacant' | 'away';

/** One household's turns in the window, and why it is left out of the spread, if it is. */
export interface HouseholdTurns extends MemberStats {
  /** Absent when it could serve on every day of the window, so its turns count in the spread. */
  readonly excluded?: FairnessExclusion;
}

/** How evenly a duty's turns fall on its households over a window. */
export interface DutyFairness {
  /** The window's first day. */
  readonly from: LocalDate;
  /** The window's last day (inclusive). */
  readonly to: LocalDate;
  /** Every member household, in roster order. */
  readonly households: readonly HouseholdTurns[];
  /**
   * Most turns minus fewest turns among the households that could serve throughout the window
   * (0 when fewer than two could); a household exempt, away or vacant on any day is listed with
   * its reason instead, because its count is lower by design, not by unfairness.
   */
  readonly spread: number;
  /** The fewest turns among the counted households (0 when none is counted). */
  readonly fewest: number;
  /** The most turns among the counted households (0 when none is counted). */
  readonly most: number;
}

/** The first reason a household could not serve throughout the window: age, then vacancy, then absence. */
function exclusion(stats: MemberStats): FairnessExclusion | undefined {
  if (stats.exemptDays > 0) return 'exempt-age';
  if (stats.vacantDays > 0) return 'vacant';
  if (stats.awayDays > 0) return 'away';
  return undefined;
}

/**
 * The fairness statistics of `duty` between `from` and `to` (inclusive) on its `roster` (holidays,
 * swaps and covers applied): turns per household and the spread between the most and fewest turns.
 * A pure query: the same roster and community give the same figures.
 */
export function dutyFairness(
  community: CommunityState,
  duty: Duty,
  roster: readonly RosterSlot[],
  from: LocalDate,
  to: LocalDate,
): DutyFairness {
  const households = memberStats(community, duty, roster, from, to).map((stats): HouseholdTurns => {
    const excluded = exclusion(stats);
    return excluded === undefined ? stats : { ...stats, excluded };
  });
  const counted = households.filter((h) => h.excluded === undefined).map((h) => h.served);
  const most = counted.length > 0 ? Math.max(...counted) : 0;
  const fewest = counted.length > 0 ? Math.min(...counted) : 0;
  return { from, to, households, spread: most - fewest, fewest, most };
}
