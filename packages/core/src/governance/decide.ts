import { communityModule } from '../community/module.js';
import type { DecideContext } from '../decide/context.js';
import { type CommandHandlers, decideBy } from '../decide/domain-module.js';
import type { LinliError } from '../errors/linli-error.js';
import { err, type Result } from '../errors/result.js';
import { fundsModule } from '../funds/module.js';
import { rolesModule } from '../roles/module.js';
import { rotationModule } from '../rotation/module.js';
import { votingModule } from '../voting/module.js';
import type { Command } from './commands.js';
import { checkDateWindow } from './date-window.js';
import type { DecidedEvent } from './domains.js';
import type { GovernanceState } from './state.js';

export type { DecideContext } from '../decide/context.js';
export type { DecidedEvent } from './domains.js';

/**
 * The decision for every command type Linli accepts, taken from the domain that owns it. A command
 * type in {@link Command} that no domain decides does not compile.
 */
export const commandRoutes = {
  ...communityModule.decide,
  ...votingModule.decide,
  ...fundsModule.decide,
  ...rotationModule.decide,
  ...rolesModule.decide,
} satisfies CommandHandlers<GovernanceState, Command, DecidedEvent>;

/** Routes a validated command to its domain's pure decision. */
export function decide(
  state: GovernanceState,
  command: Command,
  context: DecideContext,
): Result<DecidedEvent[], LinliError> {
  const late = checkDateWindow(command, context.today);
  if (late) return err(late);
  return decideBy<GovernanceState, Command, DecidedEvent>(commandRoutes, state, command, context);
}
