import type { DecideContext } from '../decide/context.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { dueDateOf } from '../funds/recurring.js';
import type { FundsState } from '../funds/state.js';
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
 * month of a recurring charge whose due date (its day of month) has come in the community's zone.
 * Anything else it sends is refused, so a scheduler that goes wrong cannot do an organizer's work.
 */
export function checkSchedulerCommand(
  command: Command,
  context: DecideContext,
  funds: FundsState,
): LinliError | null {
  if (context.actor !== SCHEDULER_ACTOR) return null;
  if (command.type === 'motion.close') return null;
  // An unknown charge falls due on the 1st here; its own decision then refuses it as not found.
  const charge = command.type === 'charge.bill' ? (funds.charges.get(command.chargeId) ?? {}) : undefined;
  if (command.type === 'charge.bill' && charge && dueDateOf(charge, command.month) <= context.today)
    return null;
  return linliError('scheduler.not_due_work', [], { type: command.type });
}
