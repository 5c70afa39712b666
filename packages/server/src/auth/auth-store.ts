/** Who a request acts as. */
export type Principal =
  | { readonly kind: 'organizer' }
  | { readonly kind: 'household'; readonly unitId: string };

/** A household session, returned once when an invite code is redeemed. */
export interface Session {
  readonly token: string;
  readonly unitId: string;
}

/**
 * Organizer tokens, household invite codes and sessions for one community, hashed at rest (codes with
 * scrypt behind a non-secret lookup prefix, tokens with SHA-256). A code is redeemed once, even when two
 * phones race with it. `SqliteAuthStore` is the embedded default; `PostgresAuthStore` lets several server
 * processes share sign-ins.
 */
export interface AuthStore {
  /** Creates an organizer token; returns it once (only its hash is kept). */
  issueOrganizerToken(): Promise<string>;
  /** Creates an organizer token and, in the same transaction, ends every other one; returns it once. */
  rotateOrganizerToken(): Promise<string>;
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
