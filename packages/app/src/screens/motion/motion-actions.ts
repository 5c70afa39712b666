import type { Motion } from '@linli/core';

/** What the organizer can do to a motion from its page, each behind a confirmation. */
export type MotionAction = 'open' | 'close' | 'extend' | 'cancel';

/**
 * The actions a motion's status admits: a draft opens or is cancelled, an open motion closes, is
 * extended or cancelled, a closed or cancelled one takes none. (The core still decides each: a
 * deadline passed or an office that is not the motion's is refused with its typed error.)
 */
export function actionsFor(status: Motion['status']): readonly MotionAction[] {
  if (status === 'draft') return ['open', 'cancel'];
  if (status === 'open') return ['close', 'extend', 'cancel'];
  return [];
}

/** The command an action sends: `closesAt` for an extension (an ISO instant), `reason` for a cancellation. */
export function actionCommand(
  action: MotionAction,
  motionId: string,
  input: { readonly closesAt?: string; readonly reason?: string },
): Record<string, unknown> {
  switch (action) {
    case 'open':
      return { type: 'motion.open', motionId };
    case 'close':
      return { type: 'motion.close', motionId };
    case 'extend':
      return { type: 'motion.extend', motionId, closesAt: input.closesAt ?? '' };
    case 'cancel': {
      const reason = input.reason?.trim();
      return { type: 'motion.cancel', motionId, ...(reason ? { reason } : {}) };
    }
  }
}

/**
 * A `datetime-local` value (`2026-12-01T20:00`) read as China time (UTC+8, no daylight saving), the
 * time the notice board and the vote widget show whatever the device's zone, as an ISO instant; `''`
 * when it is not a time (the core then refuses the command at `closesAt`).
 */
export function instantOfLocal(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return '';
  const time = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  return Number.isNaN(time.getTime()) ? '' : time.toISOString();
}
