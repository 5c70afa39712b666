import type { DecideContext } from '../decide/context.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import type { Command } from './commands.js';

/**
 * The actor a due-work scheduler acts as, named in every event it causes. It is nobody's account:
 * a server never gives it to a signed-in principal (households act as `household:<unit>`, organizers
 * as `<office>/<id>`).
 */
export const SCHEDULER_ACTOR = 'scheduler';

/**
 * Whether the scheduler may send `command` now: only what falls due by itself — closing a motion
 * (early closes stay the organizer's: the scheduler is not in the organizer's office) and billing a
 * month of a recurring charge that has begun in the community's zone. Anything else it sends is
 * refused, so a scheduler that goes wrong cannot do an organizer's work.
 */
export function checkSchedulerCommand(command: Command, context: DecideContext): LinliError | null {
  if (context.actor !== SCHEDULER_ACTOR) return null;
  if (command.type === 'motion.close') return null;
  if (command.type === 'charge.bill' && command.month <= context.today.slice(0, 7)) return null;
  return linliError('scheduler.not_due_work', [], { type: command.type });
}
