import { type DomainModule, eventTypesOf } from '../decide/domain-module.js';
import { votingCommandSchemas } from './commands.js';
import { type VotingReads, votingDeciders } from './decide.js';
import type { VotingEvent } from './events.js';
import { emptyVotingState, type VotingState, votingEvolvers } from './state.js';
import { tallyMotion } from './tally.js';

const votingQueries = { tallyMotion } as const;

/** Voting (表决) in the one shape governance composes: motions, proxies and ballots. */
export const votingModule: DomainModule<
  'voting',
  VotingState,
  VotingReads,
  typeof votingCommandSchemas,
  VotingEvent,
  typeof votingQueries
> = {
  key: 'voting',
  commands: votingCommandSchemas,
  events: eventTypesOf(votingEvolvers),
  decide: votingDeciders,
  evolve: votingEvolvers,
  initial: emptyVotingState,
  queries: votingQueries,
};
