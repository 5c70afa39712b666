import { type DecideContext, decideCommunity } from '../community/decide';
import type { CommunityEvent } from '../community/events';
import type { LinliError } from '../errors/linli-error';
import type { Result } from '../errors/result';
import type { Command } from './commands';
import type { GovernanceState } from './state';

export type { DecideContext } from '../community/decide';

/** An event body decided from a command, before the log gives it a seq, time and actor. */
export type DecidedEvent = CommunityEvent;

/** Routes a validated command to its domain's pure decide function. */
export function decide(
  state: GovernanceState,
  command: Command,
  context: DecideContext,
): Result<DecidedEvent[], LinliError> {
  return decideCommunity(state.community, command, context);
}
