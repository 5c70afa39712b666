import { type DomainModule, eventTypesOf } from '../decide/domain-module.js';
import { communityCommandSchemas } from './commands.js';
import { type CommunityReads, communityDeciders } from './decide.js';
import type { CommunityEvent } from './events.js';
import { householdsOn, residentsOn, unitsIn } from './queries.js';
import { type CommunityState, communityEvolvers, emptyCommunityState } from './state.js';

const communityQueries = { unitsIn, residentsOn, householdsOn } as const;

/** The community (小区) in the one shape governance composes: buildings, units, owners and residents. */
export const communityModule: DomainModule<
  'community',
  CommunityState,
  CommunityReads,
  typeof communityCommandSchemas,
  CommunityEvent,
  typeof communityQueries
> = {
  key: 'community',
  commands: communityCommandSchemas,
  events: eventTypesOf(communityEvolvers),
  decide: communityDeciders,
  evolve: communityEvolvers,
  initial: emptyCommunityState,
  queries: communityQueries,
};
