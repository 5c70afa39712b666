import type { EventHandler } from '../decide/domain-module.js';
import { LinliException, linliError } from '../errors/linli-error.js';
import { EMPTY_HEAD, type LoggedEvent, type LogHead } from '../log/event.js';
import { type DomainSlices, domains, eventRoutes } from './domains.js';

/** Everything the log says, folded: the last event folded in, and each domain's slice under its key. */
export interface GovernanceState extends DomainSlices {
  /** The last event folded in. */
  head: LogHead;
}

/** The state of an empty log. */
export function emptyState(): GovernanceState {
  const slices = Object.fromEntries(domains.map((domain) => [domain.key, domain.initial()]));
  return { head: EMPTY_HEAD, ...slices } as GovernanceState;
}

/** Event types this version understands; others (from a newer writer) advance the head but change nothing. */
const evolvers = new Map(Object.entries(eventRoutes) as [string, EventHandler<DomainSlices, LoggedEvent>][]);

/**
 * Folds one event into the state, in place. Refuses an event that does not continue the chain (wrong
 * seq or prevHash): state built on a broken chain would be a lie.
 */
export function applyEvent(state: GovernanceState, event: LoggedEvent): void {
  if (event.seq !== state.head.seq + 1 || event.prevHash !== state.head.hash) {
    throw new LinliException(linliError('log.corrupt', [], { seq: state.head.seq + 1, reason: 'bad-link' }));
  }
  evolvers.get(event.type)?.(state, event);
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
