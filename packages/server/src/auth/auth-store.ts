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
  /** The new device's public id (see {@link Device}). */
  readonly deviceId: string;
}

/** Which kind of code a household's device signed in with. */
export type CodeKind = 'invite' | 'pairing';

/** One device (session) a household is signed in on, as the household's own devices screen lists it. */
export interface Device {
  /** A public id for the device: random, unrelated to its token. */
  readonly id: string;
  /** When it signed in (ISO 8601), or null for a session from before devices were recorded. */
  readonly addedAt: string | null;
  /** With the printed invite code or a code another device showed; null before devices were recorded. */
  readonly addedBy: CodeKind | null;
  /** Whether this is the device asking. */
  readonly current: boolean;
}

/** A one-time code a signed-in device shows to add another phone to its household. */
export interface PairingCode {
  readonly code: string;
  /** When it stops working (ISO 8601). */
  readonly expiresAt: string;
}

/** How long a code to add a device works: long enough to type it in, short enough not to linger. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

/**
 * What signing out did: the session ended; or nothing, because it is the household's last device and
 * the resident has not confirmed (see `auth.last_device`); or nothing, because the token was not live.
 */
export type SignOutOutcome = 'ended' | 'last-device' | 'not-signed-in';

/** A device row as both stores read it. */
export interface DeviceRow {
  readonly device_id: string | null;
  readonly added_at: string | null;
  readonly added_by: string | null;
  readonly token_hash: string;
}

/** A household's device, from its row; `currentHash` is the asking token's hash. */
export function deviceOf(row: DeviceRow, currentHash: string): Device {
  return {
    id: row.device_id ?? row.token_hash.slice(0, 16),
    addedAt: row.added_at,
    addedBy: row.added_by === 'invite' || row.added_by === 'pairing' ? row.added_by : null,
    current: row.token_hash === currentHash,
  };
}

/**
 * Named organizers and their tokens, household invite codes and sessions for one community, hashed at rest (codes with
 * scrypt behind a non-secret lookup prefix, tokens with SHA-256). A code is redeemed once, even when two
 * phones race with it. A household may be signed in on several devices: a printed invite signs in the
 * first, and a signed-in device shows a short-lived one-time code for the next. `SqliteAuthStore` is the embedded default; `PostgresAuthStore` lets several server
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
  /**
   * Exchanges an unredeemed, unexpired code (a printed invite or a code to add a device) for a new
   * household session (a device), or null.
   */
  redeem(code: string): Promise<Session | null>;
  /**
   * A one-time code that signs another phone into the household of `token` (a household session),
   * working for `ttlMs`; it replaces that household's earlier such codes, not its printed invite. Null
   * when `token` is not a live household session.
   */
  issuePairingCode(token: string, ttlMs?: number): Promise<PairingCode | null>;
  /** The devices the household of `token` is signed in on, oldest first; null if `token` is not one. */
  devices(token: string): Promise<readonly Device[] | null>;
  /**
   * Signs the device of `token` out. Its household's last device signs out only with `lastConfirmed`
   * (the resident was told how to get back in); checked and ended in one transaction.
   */
  signOut(token: string, lastConfirmed: boolean): Promise<SignOutOutcome>;
  /** Ends another device (by its public id) of the household of `token`; false if it has none such. */
  endDevice(token: string, deviceId: string): Promise<boolean>;
  /** Who a bearer token belongs to, or null. */
  principal(token: string): Promise<Principal | null>;
  /** Ends one session (signing out); true if the token was live. */
  revoke(token: string): Promise<boolean>;
  /** Ends every session of a household and voids its unredeemed codes (a lost phone); how many sessions ended. */
  revokeHousehold(unitId: string): Promise<number>;
  /** Releases the connection or file. */
  close(): Promise<void>;
}
