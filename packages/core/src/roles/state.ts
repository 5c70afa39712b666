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
}

/** A roles event body. */
export type RolesEvent = {
  [K in keyof RolesEventPayloads]: { readonly type: K; readonly payload: RolesEventPayloads[K] };
}[keyof RolesEventPayloads];

/** Every roles event type, for routing. */
export const rolesEventTypes: readonly (keyof RolesEventPayloads)[] = [
  'role.defined',
  'role.termStarted',
  'role.termEnded',
];

/** Applies one roles event, in place. */
export function evolveRoles(state: RolesState, event: RolesEvent): void {
  switch (event.type) {
    case 'role.defined':
      state.roles.set(event.payload.id, event.payload);
      return;
    case 'role.termStarted':
      state.terms.set(event.payload.id, event.payload);
      return;
    case 'role.termEnded': {
      const term = state.terms.get(event.payload.termId);
      if (term)
        state.terms.set(term.id, {
          ...term,
          endedOn: event.payload.endedOn,
          endReason: event.payload.reason,
        });
      return;
    }
  }
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
