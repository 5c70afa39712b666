import { type DecideContext, decideCommunity } from '../community/decide.js';
import type { CommunityEvent } from '../community/events.js';
import type { LinliError } from '../errors/linli-error.js';
import type { Result } from '../errors/result.js';
import type { Command } from './commands.js';
import type { GovernanceState } from './state.js';

export type { DecideContext } from '../community/decide.js';

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
