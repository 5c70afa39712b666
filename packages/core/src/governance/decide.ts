import { decideCommunity } from '../community/decide.js';
import type { CommunityEvent } from '../community/events.js';
import type { LinliError } from '../errors/linli-error.js';
import { err, type Result } from '../errors/result.js';
import type { FundsCommand } from '../funds/commands.js';
import { decideFunds } from '../funds/decide.js';
import type { FundsEvent } from '../funds/events.js';
import type { RolesCommand } from '../roles/commands.js';
import { decideRoles } from '../roles/decide.js';
import type { RolesEvent } from '../roles/state.js';
import type { RotationCommand } from '../rotation/commands.js';
import { decideRotation } from '../rotation/decide.js';
import type { RotationEvent } from '../rotation/events.js';
import type { VotingCommand } from '../voting/commands.js';
import { decideVoting } from '../voting/decide.js';
import type { VotingEvent } from '../voting/events.js';
import type { Command } from './commands.js';
import type { DecideContext } from './context.js';
import { checkDateWindow } from './date-window.js';
import type { GovernanceState } from './state.js';

export type { DecideContext } from './context.js';

/** An event body decided from a command, before the log gives it a seq, time and actor. */
export type DecidedEvent = CommunityEvent | VotingEvent | FundsEvent | RotationEvent | RolesEvent;

/** Routes a validated command to its domain's pure decide function. */
export function decide(
  state: GovernanceState,
  command: Command,
  context: DecideContext,
): Result<DecidedEvent[], LinliError> {
  const late = checkDateWindow(command, context.today);
  if (late) return err(late);
  if (isVotingCommand(command)) return decideVoting(state.community, state.voting, command, context);
  if (isFundsCommand(command)) return decideFunds(state.community, state.funds, command, context);
  if (isRotationCommand(command)) return decideRotation(state.community, state.rotation, command, context);
  if (isRolesCommand(command))
    return decideRoles(state.community, state.roles, state.voting, command, context);
  return decideCommunity(state.community, command, context);
}

function isVotingCommand(command: Command): command is VotingCommand {
  return /^(motion|proxy|ballot)\./.test(command.type);
}

function isFundsCommand(command: Command): command is FundsCommand {
  return /^(scheme|fund|charge)\./.test(command.type);
}

function isRotationCommand(command: Command): command is RotationCommand {
  return command.type.startsWith('duty.');
}

function isRolesCommand(command: Command): command is RolesCommand {
  return command.type.startsWith('role.');
}
