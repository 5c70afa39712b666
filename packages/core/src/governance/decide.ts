import { decideCommunity } from '../community/decide.js';
import type { CommunityEvent } from '../community/events.js';
import type { LinliError } from '../errors/linli-error.js';
import type { Result } from '../errors/result.js';
import { decideVoting } from '../voting/decide.js';
import type { VotingEvent } from '../voting/events.js';
import type { Command } from './commands.js';
import type { DecideContext } from './context.js';
import type { GovernanceState } from './state.js';

export type { DecideContext } from './context.js';

/** An event body decided from a command, before the log gives it a seq, time and actor. */
export type DecidedEvent = CommunityEvent | VotingEvent;

/** Routes a validated command to its domain's pure decide function. */
export function decide(
  state: GovernanceState,
  command: Command,
  context: DecideContext,
): Result<DecidedEvent[], LinliError> {
  switch (command.type) {
    case 'motion.draft':
    case 'motion.revise':
    case 'motion.proposeAmendment':
    case 'motion.acceptAmendment':
    case 'motion.open':
    case 'motion.close':
    case 'proxy.grant':
    case 'proxy.revoke':
    case 'ballot.cast':
      return decideVoting(state.community, state.voting, command, context);
    default:
      return decideCommunity(state.community, command, context);
  }
}
