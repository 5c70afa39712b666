import type { HouseholdMotion, Motion, Tally } from '@linli/core';

/** Where a motion sits on the household's list. */
export type MotionGroup = 'open' | 'upcoming' | 'closed';

/**
 * A draft is still to come; an open motion is open until its tally is final (its deadline passed,
 * even before the close is logged); closed and cancelled ones are over.
 */
export function groupOf(
  motion: Pick<Motion, 'status'>,
  tally: Pick<Tally, 'final'> | undefined,
): MotionGroup {
  if (motion.status === 'draft') return 'upcoming';
  if (motion.status === 'open' && tally?.final !== true) return 'open';
  return 'closed';
}

/** How many ballots the household may still cast on a motion (its own voters' and its proxies'). */
export const ballotsToCast = (mine: Pick<HouseholdMotion, 'seats'>): number =>
  mine.seats.filter((s) => !s.voted).length;
