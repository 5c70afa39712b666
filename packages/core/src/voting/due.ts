import { type DueItem, type DuePart, earlier } from '../decide/due-item.js';
import type { VotingCommand } from './commands.js';
import type { VotingState } from './state.js';

type CloseCommand = Extract<VotingCommand, { type: 'motion.close' }>;

/**
 * Voting's due work at `now`: every open motion whose deadline has passed is closed (`motion.close`,
 * which anyone may send once `closesAt` is reached). The next due instant is the earliest deadline
 * of the motions still open before it.
 */
export function dueMotionCloses(voting: VotingState, now: Date): DuePart<CloseCommand> {
  const items: DueItem<CloseCommand>[] = [];
  let next: number | undefined;
  for (const { motion } of voting.motions.values()) {
    if (motion.status !== 'open') continue;
    const closesAt = Date.parse(motion.closesAt);
    if (closesAt <= now.getTime())
      items.push({
        key: `motion.close:${motion.id}`,
        dueAt: new Date(closesAt).toISOString(),
        command: { type: 'motion.close', motionId: motion.id },
      });
    else next = earlier(next, closesAt);
  }
  return { items, next };
}
