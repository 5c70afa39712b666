import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import type { RoleDefinition, Term } from './roles.js';
import { type RolesState, rolesOn } from './state.js';

/** A seat's holder as the public sees them: a display name and the term, never a contact. */
export interface PublishedHolder {
  readonly termId: string;
  /** The register's name for a resident holder; otherwise the name the appointment gave. */
  readonly name: string;
  readonly from: LocalDate;
  /** The day the term ends (its planned end, or the day it ended early). */
  readonly until: LocalDate;
}

/** One role of a building in the published roster. */
export interface PublishedRole {
  readonly id: string;
  readonly name: RoleDefinition['name'];
  readonly seats: number;
  readonly termMonths: number;
  readonly termLimit?: number;
  readonly holders: readonly PublishedHolder[];
  readonly vacancies: number;
}

/** The roles of one building: who holds each, and which seats are vacant. */
export interface BuildingRoles {
  readonly buildingId: string;
  readonly building: string;
  readonly roles: readonly PublishedRole[];
}

/** A contact a holder consented to share: for signed-in households of the community only. */
export interface RoleContact {
  readonly termId: string;
  readonly roleId: string;
  readonly buildingId: string;
  readonly name: string;
  readonly contact: string;
}

/**
 * The holder's display name. A holder given as a resident id shows the register's name, or the
 * unit's room when the register has no name, so an internal id never reaches the public.
 */
export function holderName(community: CommunityState, holder: string): string {
  const resident = community.residents.get(holder);
  if (!resident) return holder;
  return resident.name ?? community.units.get(resident.unitId)?.room ?? holder;
}

function publishedHolder(community: CommunityState, term: Term): PublishedHolder {
  return {
    termId: term.id,
    name: holderName(community, term.holder),
    from: term.from,
    until: term.endedOn ?? term.until,
  };
}

/**
 * Every building's roles on `date`, in the order the buildings and roles were defined; buildings
 * without roles are left out. Contacts are not part of it (see {@link roleContacts}).
 */
export function rolesRoster(community: CommunityState, roles: RolesState, date: LocalDate): BuildingRoles[] {
  return [...community.buildings.values()].flatMap((building) => {
    const statuses = rolesOn(roles, building.id, date);
    if (statuses.length === 0) return [];
    return [
      {
        buildingId: building.id,
        building: building.name,
        roles: statuses.map(({ role, holders, vacancies }) => ({
          id: role.id,
          name: role.name,
          seats: role.seats,
          termMonths: role.termMonths,
          ...(role.termLimit === undefined ? {} : { termLimit: role.termLimit }),
          holders: holders.map((t) => publishedHolder(community, t)),
          vacancies,
        })),
      },
    ];
  });
}

/** The contacts of holders in office on `date` who consented to share one. */
export function roleContacts(community: CommunityState, roles: RolesState, date: LocalDate): RoleContact[] {
  return rolesRoster(community, roles, date).flatMap((b) =>
    b.roles.flatMap((role) =>
      role.holders.flatMap((h) => {
        const contact = roles.terms.get(h.termId)?.sharedContact;
        return contact === undefined
          ? []
          : [{ termId: h.termId, roleId: role.id, buildingId: b.buildingId, name: h.name, contact }];
      }),
    ),
  );
}
