import { type EventHandlers, type EventOf, evolveBy } from '../decide/domain-module.js';
import type { LocalDate } from '../time/local-date.js';
import type { RoleDefinition, RoleStatus, Term } from './roles.js';
import { termActiveOn } from './roles.js';

/** The roles slice of governance state. */
export interface RolesState {
  readonly roles: Map<string, RoleDefinition>;
  /** Every term ever, in order: the history. */
  readonly terms: Map<string, Term>;
}

/** An empty roles state. */
export function emptyRolesState(): RolesState {
  return { roles: new Map(), terms: new Map() };
}

/** The payload of each roles event type. */
export interface RolesEventPayloads {
  'role.defined': RoleDefinition;
  'role.termStarted': Term;
  'role.termEnded': { termId: string; endedOn: LocalDate; reason: string };
  'role.contactShared': { termId: string; contact: string };
  'role.contactWithdrawn': { termId: string };
}

/** A roles event body. */
export type RolesEvent = EventOf<RolesEventPayloads>;

type Evt<K extends RolesEvent['type']> = Extract<RolesEvent, { type: K }>;

/** How each roles event changes the state, in place; an event type without one does not compile. */
export const rolesEvolvers = {
  'role.defined': (state: RolesState, event: Evt<'role.defined'>) => {
    state.roles.set(event.payload.id, event.payload);
  },
  'role.termStarted': (state: RolesState, event: Evt<'role.termStarted'>) => {
    state.terms.set(event.payload.id, event.payload);
  },
  'role.termEnded': (state: RolesState, event: Evt<'role.termEnded'>) => {
    const term = state.terms.get(event.payload.termId);
    if (term)
      state.terms.set(term.id, { ...term, endedOn: event.payload.endedOn, endReason: event.payload.reason });
  },
  'role.contactShared': (state: RolesState, event: Evt<'role.contactShared'>) => {
    const term = state.terms.get(event.payload.termId);
    if (term) state.terms.set(term.id, { ...term, sharedContact: event.payload.contact });
  },
  'role.contactWithdrawn': (state: RolesState, event: Evt<'role.contactWithdrawn'>) => {
    const term = state.terms.get(event.payload.termId);
    if (term) {
      const { sharedContact: _withdrawn, ...rest } = term;
      state.terms.set(term.id, rest);
    }
  },
} satisfies EventHandlers<RolesState, RolesEvent>;

/** Applies one roles event, in place. */
export function evolveRoles(state: RolesState, event: RolesEvent): void {
  evolveBy(rolesEvolvers, state, event);
}

/** Every role of a building on a date: its holders and vacancies. */
export function rolesOn(state: RolesState, buildingId: string, date: LocalDate): RoleStatus[] {
  return [...state.roles.values()]
    .filter((r) => r.buildingId === buildingId)
    .map((role) => {
      const holders = [...state.terms.values()].filter((t) => t.roleId === role.id && termActiveOn(t, date));
      return { role, holders, vacancies: Math.max(0, role.seats - holders.length) };
    });
}
