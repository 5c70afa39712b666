import type { Motion, Tally } from '@linli/core';

/** The common string key of a motion's status badge. */
export type MotionStatusKey = 'statusDraft' | 'statusCancelled' | 'statusClosed' | 'statusOpen';

/**
 * A motion's status as a badge says it: an open motion past its deadline reads as closed (its tally is
 * final) before the close is recorded, and a cancelled one as cancelled, never as open.
 */
export function motionStatusKey(m: Motion, tally: Tally | undefined): MotionStatusKey {
  if (m.status === 'draft') return 'statusDraft';
  if (m.status === 'cancelled') return 'statusCancelled';
  return (tally?.final ?? m.status === 'closed') ? 'statusClosed' : 'statusOpen';
}
