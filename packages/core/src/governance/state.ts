import type { CommunityEvent, CommunityEventType } from '../community/events.js';
import { type CommunityState, emptyCommunityState, evolveCommunity } from '../community/state.js';
import { LinliException, linliError } from '../errors/linli-error.js';
import { type FundsEvent, fundsEventTypes } from '../funds/events.js';
import { evolveFunds } from '../funds/evolve.js';
import { emptyFundsState, type FundsState } from '../funds/state.js';
import { EMPTY_HEAD, type LoggedEvent, type LogHead } from '../log/event.js';
import {
  emptyRolesState,
  evolveRoles,
  type RolesEvent,
  type RolesState,
  rolesEventTypes,
} from '../roles/state.js';
import { type RotationEvent, rotationEventTypes } from '../rotation/events.js';
import { emptyRotationState, evolveRotation, type RotationState } from '../rotation/state.js';
import { type VotingEvent, votingEventTypes } from '../voting/events.js';
import { emptyVotingState, evolveVoting, type VotingState } from '../voting/state.js';

/**
 * Everything the log says, folded. One slice per domain; voting, funds and rotation add theirs next
 * to `community` and route their events in {@link applyEvent}.
 */
export interface GovernanceState {
  /** The last event folded in. */
  head: LogHead;
  readonly community: CommunityState;
  readonly voting: VotingState;
  readonly funds: FundsState;
  readonly rotation: RotationState;
  readonly roles: RolesState;
}

/** The state of an empty log. */
export function emptyState(): GovernanceState {
  return {
    head: EMPTY_HEAD,
    community: emptyCommunityState(),
    voting: emptyVotingState(),
    funds: emptyFundsState(),
    rotation: emptyRotationState(),
    roles: emptyRolesState(),
  };
}

const communityEventTypes: ReadonlySet<string> = new Set<CommunityEventType>([
  'community.founded',
  'building.added',
  'stairwell.added',
  'unit.added',
  'unit.areaRecorded',
  'owner.registered',
  'unit.transferred',
  'resident.movedIn',
  'resident.movedOut',
]);

/** Event types this version understands; others (from a newer writer) advance the head but change nothing. */
function isCommunityEvent(event: LoggedEvent): event is LoggedEvent & CommunityEvent {
  return communityEventTypes.has(event.type);
}

const votingTypes: ReadonlySet<string> = new Set(votingEventTypes);

const fundsTypes: ReadonlySet<string> = new Set(fundsEventTypes);
const rotationTypes: ReadonlySet<string> = new Set(rotationEventTypes);
const rolesTypes: ReadonlySet<string> = new Set(rolesEventTypes);

function isFundsEvent(event: LoggedEvent): event is LoggedEvent & FundsEvent {
  return fundsTypes.has(event.type);
}

function isVotingEvent(event: LoggedEvent): event is LoggedEvent & VotingEvent {
  return votingTypes.has(event.type);
}

/**
 * Folds one event into the state, in place. Refuses an event that does not continue the chain (wrong
 * seq or prevHash): state built on a broken chain would be a lie.
 */
export function applyEvent(state: GovernanceState, event: LoggedEvent): void {
  if (event.seq !== state.head.seq + 1 || event.prevHash !== state.head.hash) {
    throw new LinliException(linliError('log.corrupt', [], { seq: state.head.seq + 1, reason: 'bad-link' }));
  }
  if (isCommunityEvent(event)) evolveCommunity(state.community, event);
  else if (isVotingEvent(event)) evolveVoting(state.voting, event);
  else if (isFundsEvent(event)) evolveFunds(state.funds, event);
  else if (rotationTypes.has(event.type))
    evolveRotation(state.rotation, event as LoggedEvent & RotationEvent);
  else if (rolesTypes.has(event.type)) evolveRoles(state.roles, event as LoggedEvent & RolesEvent);
  state.head = { seq: event.seq, hash: event.hash };
}

/**
 * Folds events into the state, skipping any it already has (a writer sees its own events twice: from
 * append and from subscribe). Returns how many were new.
 */
export function applyEvents(state: GovernanceState, events: readonly LoggedEvent[]): number {
  let applied = 0;
  for (const event of events) {
    if (event.seq <= state.head.seq) continue;
    applyEvent(state, event);
    applied += 1;
  }
  return applied;
}

/** The state a whole log describes. Replaying the log always gives exactly the live state. */
export function replay(events: readonly LoggedEvent[]): GovernanceState {
  const state = emptyState();
  applyEvents(state, events);
  return state;
}
