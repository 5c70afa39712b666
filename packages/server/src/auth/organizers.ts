/**
 * The offices an organizer holds in a community, with the names residents know them by: a building
 * head (楼组长), a residents' committee member (居委会干部) or an owners' committee member (业委会委员).
 */
export const ORGANIZER_ROLES = {
  'building-head': { zh: '楼组长', en: 'building head' },
  'residents-committee': { zh: '居委会干部', en: "residents' committee member" },
  'owners-committee': { zh: '业委会委员', en: "owners' committee member" },
} as const;

/** One of {@link ORGANIZER_ROLES}. */
export type OrganizerRole = keyof typeof ORGANIZER_ROLES;

/** Whether a string (from a command line or a request) names an organizer role. */
export function isOrganizerRole(role: string): role is OrganizerRole {
  return Object.hasOwn(ORGANIZER_ROLES, role);
}

/** A named organizer account of one community. */
export interface Organizer {
  /** Stable within the community (`org-1`, `org-2`, …; `organizer` for the token of an older database). */
  readonly id: string;
  readonly name: string;
  readonly role: OrganizerRole;
  /** When it was revoked (ISO 8601), if it was: a revoked organizer's tokens no longer sign in. */
  readonly revokedAt?: string;
}

/** An organizer account just created or re-issued, with its token shown this once. */
export interface IssuedOrganizer {
  readonly organizer: Organizer;
  readonly token: string;
}

/** The row shape both stores read organizers from. */
export interface OrganizerRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly revoked_at: string | null;
}

/** An organizer from its row (an unknown role, written by hand, reads as a residents' committee member). */
export function organizerOf(row: OrganizerRow): Organizer {
  const role = isOrganizerRole(row.role) ? row.role : 'residents-committee';
  const base = { id: row.id, name: row.name, role };
  return row.revoked_at === null ? base : { ...base, revokedAt: row.revoked_at };
}

/** The id the `n`-th organizer of a community gets. */
export const organizerId = (n: number): string => `org-${n}`;

/**
 * What an organizer's token acts as in the log: `<office>/<organizer id>`. The office is the
 * community's organizer actor (the one its motions were drafted by), so @linli/core's `officeOf` lets
 * every organizer close a colleague's motion early while the event still names the person who did.
 */
export const organizerActor = (office: string, id: string): string => `${office}/${id}`;
