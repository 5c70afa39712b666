import type { IssuedOrganizer, Organizer, OrganizerRole } from './organizers.js';
import { isOrganizerRole } from './organizers.js';

/** Who a request acts as: a named organizer (id, name, role), or a household. */
export type Principal =
  | {
      readonly kind: 'organizer';
      readonly id: string;
      readonly name: string;
      readonly role: OrganizerRole;
    }
  | { readonly kind: 'household'; readonly unitId: string };

/** A token's row joined with its organizer's (null for a household, or a revoked organizer). */
export interface TokenRow {
  readonly role: string;
  readonly unit_id: string | null;
  readonly id: string | null;
  readonly name: string | null;
  readonly organizer_role: string | null;
}

/** Whose a token is, from its row: a revoked organizer's token belongs to nobody. */
export function principalOf(row: TokenRow): Principal | null {
  if (row.role !== 'organizer') return { kind: 'household', unitId: row.unit_id ?? '' };
  if (row.id === null || row.name === null) return null;
  const role =
    row.organizer_role !== null && isOrganizerRole(row.organizer_role)
      ? row.organizer_role
      : 'residents-committee';
  return { kind: 'organizer', id: row.id, name: row.name, role };
}

/** A household session, returned once when an invite code is redeemed. */
export interface Session {
  readonly token: string;
  readonly unitId: string;
}

/**
 * Named organizers and their tokens, household invite codes and sessions for one community, hashed at rest (codes with
 * scrypt behind a non-secret lookup prefix, tokens with SHA-256). A code is redeemed once, even when two
 * phones race with it. `SqliteAuthStore` is the embedded default; `PostgresAuthStore` lets several server
 * processes share sign-ins.
 */
export interface AuthStore {
  /** Creates a named organizer account with its token, returned once (only its hash is kept). */
  addOrganizer(name: string, role: OrganizerRole): Promise<IssuedOrganizer>;
  /** The community's organizers, revoked ones included, in the order they were added. */
  organizers(): Promise<readonly Organizer[]>;
  /** A new token for a live organizer, ending its other tokens (a lost token); null if none is live. */
  reissueOrganizerToken(id: string): Promise<IssuedOrganizer | null>;
  /** Revokes an organizer: its tokens end at once, its account stays listed; false if none was live. */
  revokeOrganizer(id: string): Promise<boolean>;
  /** Adds an organizer named `organizer` (a residents' committee member) and returns its token once. */
  issueOrganizerToken(): Promise<string>;
  /**
   * Creates an invite code for a household (unit id); returns it once. It replaces the household's
   * unredeemed codes, so a reprinted notice makes a lost one worthless.
   */
  issueInviteCode(unitId: string): Promise<string>;
  /** Exchanges an unredeemed code for a household session, or null. */
  redeem(code: string): Promise<Session | null>;
  /** Who a bearer token belongs to, or null. */
  principal(token: string): Promise<Principal | null>;
  /** Ends one session (signing out); true if the token was live. */
  revoke(token: string): Promise<boolean>;
  /** Ends every session of a household and voids its unredeemed codes (a lost phone); how many sessions ended. */
  revokeHousehold(unitId: string): Promise<number>;
  /** Releases the connection or file. */
  close(): Promise<void>;
}
