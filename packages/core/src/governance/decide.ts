import type { DecideContext } from '../decide/context.js';
import { decideBy } from '../decide/domain-module.js';
import type { LinliError } from '../errors/linli-error.js';
import { err, type Result } from '../errors/result.js';
import type { Command } from './commands.js';
import { checkDateWindow } from './date-window.js';
import { commandRoutes, type DecidedEvent, type DomainSlices } from './domains.js';
import { checkSchedulerCommand } from './scheduler-actor.js';
import type { GovernanceState } from './state.js';

export type { DecideContext } from '../decide/context.js';
export type { DecidedEvent } from './domains.js';

/** Routes a validated command to its domain's pure decision. */
export function decide(
  state: GovernanceState,
  command: Command,
  context: DecideContext,
): Result<DecidedEvent[], LinliError> {
  const refused =
    checkSchedulerCommand(command, context, state.funds) ?? checkDateWindow(command, context.today);
  if (refused) return err(refused);
  return decideBy<DomainSlices, Command, DecidedEvent>(commandRoutes, state, command, context);
}
