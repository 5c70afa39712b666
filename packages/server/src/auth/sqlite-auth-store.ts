import type Database from 'better-sqlite3';
import { leaseSqlite, type SqliteLease } from '../stores/shared-sqlite.js';
import {
  type AuthStore,
  type CodeKind,
  type Device,
  type DeviceRow,
  deviceOf,
  PAIRING_CODE_TTL_MS,
  type PairingCode,
  type Principal,
  principalOf,
  type Session,
  type SignOutOutcome,
  type TokenRow,
} from './auth-store.js';
import {
  type IssuedOrganizer,
  type Organizer,
  type OrganizerRole,
  type OrganizerRow,
  organizerId,
  organizerOf,
} from './organizers.js';
import {
  type AuthStoreOptions,
  codeLookup,
  type DeriveKey,
  findCode,
  hashToken,
  issueWithFreePrefix,
  newDeviceId,
  newToken,
  scryptKey,
} from './secrets.js';
import { migrateSqliteAuth } from './sqlite-auth-schema.js';

/** The embedded {@link AuthStore}: one SQLite file (WAL, `synchronous = FULL`). */
export class SqliteAuthStore implements AuthStore {
  /** Every request looks its token up, so the statement is prepared once. */
  private readonly principalStmt: Database.Statement<[string, string], TokenRow>;
  private readonly organizerRow: Database.Statement<[string, string], OrganizerRow>;
  private readonly endOrganizerTokens: Database.Statement<[string, string]>;

  private readonly voidCodes: Database.Statement<[string, string]>;
  private readonly nextCodeId: Database.Statement<[string]>;
  private readonly prefixTaken: Database.Statement<[string, string, string]>;

  private readonly db: Database.Database;

  private constructor(
    private readonly lease: SqliteLease,
    private readonly community: string,
    private readonly deriveKey: DeriveKey,
  ) {
    const db = lease.db;
    this.db = db;
    this.principalStmt = db.prepare(`SELECT t.role, t.unit_id, o.id, o.name, o.role AS organizer_role
      FROM auth_tokens t LEFT JOIN auth_organizers o
        ON o.community = t.community AND o.id = t.organizer_id AND o.revoked_at IS NULL
      WHERE t.community = ? AND t.token_hash = ?`);
    this.organizerRow = db.prepare(
      'SELECT id, name, role, revoked_at FROM auth_organizers WHERE community = ? AND id = ?',
    );
    this.endOrganizerTokens = db.prepare(
      "DELETE FROM auth_tokens WHERE community = ? AND organizer_id = ? AND role = 'organizer'",
    );
    this.voidCodes = db.prepare(
      'DELETE FROM auth_codes WHERE community = ? AND unit_id = ? AND redeemed = 0',
    );
    this.nextCodeId = db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM auth_codes WHERE community = ?');
    this.prefixTaken = db.prepare(
      'SELECT 1 FROM auth_codes WHERE community = ? AND lookup = ? AND unit_id <> ? AND redeemed = 0 LIMIT 1',
    );
  }

  /** Opens (creating or migrating if needed) the auth tables in the SQLite file at `path`. */
  static open(path: string, community: string, options: AuthStoreOptions = {}): SqliteAuthStore {
    // The communities of one file share its connection (see leaseSqlite); it is set up once.
    const lease = leaseSqlite(path, 'auth', (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      migrateSqliteAuth(db);
    });
    return new SqliteAuthStore(lease, community, options.deriveKey ?? scryptKey);
  }

  async addOrganizer(name: string, role: OrganizerRole): Promise<IssuedOrganizer> {
    const token = newToken();
    const organizer = this.db
      .transaction(() => {
        const { n } = this.db
          .prepare('SELECT COUNT(*) + 1 AS n FROM auth_organizers WHERE community = ?')
          .get(this.community) as { n: number };
        const id = organizerId(n);
        this.db
          .prepare(
            'INSERT INTO auth_organizers (community, id, name, role, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(this.community, id, name, role, new Date().toISOString());
        this.insertOrganizerToken(id, token);
        return { id, name, role };
      })
      .immediate();
    return { organizer, token };
  }

  async organizers(): Promise<readonly Organizer[]> {
    const rows = this.db
      .prepare('SELECT id, name, role, revoked_at FROM auth_organizers WHERE community = ? ORDER BY rowid')
      .all(this.community) as OrganizerRow[];
    return rows.map(organizerOf);
  }

  async reissueOrganizerToken(id: string): Promise<IssuedOrganizer | null> {
    const token = newToken();
    return this.db
      .transaction(() => {
        const row = this.organizerRow.get(this.community, id);
        if (!row || row.revoked_at !== null) return null;
        this.endOrganizerTokens.run(this.community, id);
        this.insertOrganizerToken(id, token);
        return { organizer: organizerOf(row), token };
      })
      .immediate();
  }

  async revokeOrganizer(id: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const row = this.organizerRow.get(this.community, id);
        if (!row || row.revoked_at !== null) return false;
        this.endOrganizerTokens.run(this.community, id);
        this.db
          .prepare('UPDATE auth_organizers SET revoked_at = ? WHERE community = ? AND id = ?')
          .run(new Date().toISOString(), this.community, id);
        return true;
      })
      .immediate();
  }

  async issueOrganizerToken(): Promise<string> {
    return (await this.addOrganizer('organizer', 'residents-committee')).token;
  }

  private insertOrganizerToken(id: string, token: string): void {
    this.db
      .prepare('INSERT INTO auth_tokens (community, token_hash, role, organizer_id) VALUES (?, ?, ?, ?)')
      .run(this.community, hashToken(token), 'organizer', id);
  }

  /** Creates an invite code for a household (unit); returns it once. */
  async issueInviteCode(unitId: string): Promise<string> {
    return this.issueCode(unitId, 'invite', null);
  }

  async issuePairingCode(token: string, ttlMs = PAIRING_CODE_TTL_MS): Promise<PairingCode | null> {
    const unitId = this.householdOf(token);
    if (unitId === undefined) return null;
    const expiresAt = new Date(Date.now() + ttlMs).toISOString();
    return { code: await this.issueCode(unitId, 'pairing', expiresAt), expiresAt };
  }

  /**
   * Issues a code of `kind` for a household. A printed invite replaces every unredeemed code of the
   * household (a reprinted notice makes a lost one worthless); a code to add a device replaces only
   * the household's earlier such codes. Expired codes of the community go at the same time.
   */
  private issueCode(unitId: string, kind: CodeKind, expiresAt: string | null): Promise<string> {
    const taken = (lookup: string) => this.prefixTaken.get(this.community, lookup, unitId) !== undefined;
    return issueWithFreePrefix(
      taken,
      (lookup, hash) =>
        this.db.transaction(() => {
          if (taken(lookup)) return false; // another code took the prefix while this one was hashed
          this.db
            .prepare('DELETE FROM auth_codes WHERE community = ? AND redeemed = 0 AND expires_at <= ?')
            .run(this.community, new Date().toISOString());
          if (kind === 'invite') this.voidCodes.run(this.community, unitId);
          else
            this.db
              .prepare(
                "DELETE FROM auth_codes WHERE community = ? AND unit_id = ? AND redeemed = 0 AND kind = 'pairing'",
              )
              .run(this.community, unitId);
          const next = (this.nextCodeId.get(this.community) as { n: number }).n;
          this.db
            .prepare(
              'INSERT INTO auth_codes (community, id, lookup, code_hash, unit_id, kind, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(this.community, next, lookup, hash, unitId, kind, expiresAt);
          return true;
        })(),
      this.deriveKey,
    );
  }

  /** Exchanges an unredeemed, unexpired code for a household session token, or null. */
  async redeem(code: string): Promise<Session | null> {
    // The lookup prefix narrows the search to (almost always) one row, so a guess costs one scrypt, not one per household.
    const rows = this.db
      .prepare(
        `SELECT id, code_hash, unit_id, kind FROM auth_codes
         WHERE community = ? AND lookup = ? AND redeemed = 0 AND (expires_at IS NULL OR expires_at > ?)`,
      )
      .all(this.community, codeLookup(code), new Date().toISOString()) as {
      id: number;
      code_hash: string;
      unit_id: string;
      kind: string;
    }[];
    const match = await findCode(code, rows, this.deriveKey);
    if (!match) return null;
    const token = newToken();
    const deviceId = newDeviceId();
    const won = this.db.transaction(() => {
      // Two phones racing with one code: only the UPDATE that still sees `redeemed = 0` wins.
      const claimed = this.db
        .prepare('UPDATE auth_codes SET redeemed = 1 WHERE community = ? AND id = ? AND redeemed = 0')
        .run(this.community, match.id);
      if (claimed.changes !== 1) return false;
      this.db
        .prepare(
          'INSERT INTO auth_tokens (community, token_hash, role, unit_id, device_id, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          this.community,
          hashToken(token),
          'household',
          match.unit_id,
          deviceId,
          new Date().toISOString(),
          match.kind === 'pairing' ? 'pairing' : 'invite',
        );
      return true;
    })();
    return won ? { token, unitId: match.unit_id, deviceId } : null;
  }

  /** The household a live household token belongs to. */
  private householdOf(token: string): string | undefined {
    const row = this.db
      .prepare(
        "SELECT unit_id FROM auth_tokens WHERE community = ? AND token_hash = ? AND role = 'household'",
      )
      .get(this.community, hashToken(token)) as { unit_id: string | null } | undefined;
    return row?.unit_id ?? undefined;
  }

  private deviceRows(unitId: string): DeviceRow[] {
    return this.db
      .prepare(
        `SELECT device_id, added_at, added_by, token_hash FROM auth_tokens
         WHERE community = ? AND unit_id = ? AND role = 'household' ORDER BY added_at IS NOT NULL, added_at, rowid`,
      )
      .all(this.community, unitId) as DeviceRow[];
  }

  async devices(token: string): Promise<readonly Device[] | null> {
    const unitId = this.householdOf(token);
    if (unitId === undefined) return null;
    const hash = hashToken(token);
    return this.deviceRows(unitId).map((row) => deviceOf(row, hash));
  }

  async signOut(token: string, lastConfirmed: boolean): Promise<SignOutOutcome> {
    return this.db
      .transaction((): SignOutOutcome => {
        const unitId = this.householdOf(token);
        if (unitId === undefined) return 'not-signed-in';
        if (!lastConfirmed && this.deviceRows(unitId).length <= 1) return 'last-device';
        this.db
          .prepare("DELETE FROM auth_tokens WHERE community = ? AND token_hash = ? AND role = 'household'")
          .run(this.community, hashToken(token));
        return 'ended';
      })
      .immediate();
  }

  async endDevice(token: string, deviceId: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const unitId = this.householdOf(token);
        if (unitId === undefined) return false;
        const hash = hashToken(token);
        const other = this.deviceRows(unitId).find(
          (row) => deviceOf(row, hash).id === deviceId && row.token_hash !== hash,
        );
        if (!other) return false;
        this.db
          .prepare('DELETE FROM auth_tokens WHERE community = ? AND token_hash = ?')
          .run(this.community, other.token_hash);
        return true;
      })
      .immediate();
  }

  /** Who a bearer token belongs to, or null. */
  async principal(token: string): Promise<Principal | null> {
    const row = this.principalStmt.get(this.community, hashToken(token));
    return row ? principalOf(row) : null;
  }

  async revoke(token: string): Promise<boolean> {
    return (
      this.db
        .prepare("DELETE FROM auth_tokens WHERE community = ? AND token_hash = ? AND role = 'household'")
        .run(this.community, hashToken(token)).changes > 0
    );
  }

  async revokeHousehold(unitId: string): Promise<number> {
    return this.db.transaction(() => {
      this.voidCodes.run(this.community, unitId);
      return this.db
        .prepare("DELETE FROM auth_tokens WHERE community = ? AND unit_id = ? AND role = 'household'")
        .run(this.community, unitId).changes;
    })();
  }

  /** Lets go of the database file (closed when no other community of this process uses it). */
  async close(): Promise<void> {
    this.lease.release();
  }
}
