import type { Scope } from '../community/queries.js';
import type { LocalDate } from '../time/local-date.js';
import type { Recurrence } from './recurrence.js';
import type { AssignmentPolicy, ReentryRule } from './schedule.js';

/** What to do with a slot that falls on a statutory holiday. */
export type HolidayHandling = 'ignore' | 'skip' | 'nextWorkday';

/** A recurring duty (值日 / 轮值), e.g. cleaning the elevator every Monday at 08:00. */
export interface DutyDefinition {
  readonly name: string;
  readonly recurrence: Recurrence;
  /** Local start time `HH:MM`. */
  readonly time: string;
  readonly durationMinutes: number;
  /** IANA zone of `time` (default Asia/Shanghai). */
  readonly timeZone: string;
  /** People (households) per slot. */
  readonly teamSize: number;
  readonly holidays: HolidayHandling;
  readonly policy: AssignmentPolicy;
  readonly reentry: ReentryRule;
  /** Households whose every resident is at least this old on the slot date are exempt (e.g. 80). */
  readonly exemptAge?: number;
  /** Where the members (households) come from. */
  readonly scope: Scope;
  /** Whether swaps also need the building head's approval. */
  readonly swapNeedsApproval: boolean;
}

/** A member's absence (away, ill): not eligible from `from` to `to`, inclusive. */
export interface Absence {
  readonly memberId: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reason: string;
}

/**
 * Where a swap stands: `proposed` (the second household has not answered), `agreed` (accepted; in
 * effect unless the duty needs approval), `approved`, or ended without effect: `declined` (by the
 * second household, or the building head refusing approval) or `withdrawn` (by the first).
 */
export type SwapStatus = 'proposed' | 'agreed' | 'approved' | 'declined' | 'withdrawn';

/** Two members trade turns: each takes the other's slot. */
export interface Swap {
  readonly id: string;
  readonly first: { readonly date: LocalDate; readonly memberId: string };
  readonly second: { readonly date: LocalDate; readonly memberId: string };
  readonly status: SwapStatus;
}

/** A one-off cover: `coverId` serves `memberId`'s slot; the debt is repaid at the coverer's next turn. */
export interface Cover {
  readonly date: LocalDate;
  readonly memberId: string;
  readonly coverId: string;
}

/** A duty with everything recorded about it. */
export interface Duty extends DutyDefinition {
  readonly id: string;
  /** Unit ids, in roster order. */
  readonly members: readonly string[];
  readonly absences: readonly Absence[];
  readonly swaps: readonly Swap[];
  readonly covers: readonly Cover[];
  readonly overrides: readonly {
    readonly date: LocalDate;
    readonly assignees: readonly string[];
    readonly reason: string;
  }[];
}
