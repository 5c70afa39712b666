import Database from 'better-sqlite3';
import type { AuthStore, Principal, Session } from './auth-store.js';
import {
  type AuthStoreOptions,
  codeLookup,
  type DeriveKey,
  findCode,
  hashToken,
  issueWithFreePrefix,
  newToken,
  scryptKey,
} from './secrets.js';

/** The embedded {@link AuthStore}: one SQLite file (WAL, `synchronous = FULL`). */
export class SqliteAuthStore implements AuthStore {
  /** Every request looks its token up, so the statement is prepared once. */
  private readonly principalStmt: Database.Statement<
    [string, string],
    { role: string; unit_id: string | null }
  >;

  private readonly voidCodes: Database.Statement<[string, string]>;
  private readonly nextCodeId: Database.Statement<[string]>;
  private readonly prefixTaken: Database.Statement<[string, string, string]>;

  private constructor(
    private readonly db: Database.Database,
    private readonly community: string,
    private readonly deriveKey: DeriveKey,
  ) {
    this.principalStmt = db.prepare(
      'SELECT role, unit_id FROM auth_tokens WHERE community = ? AND token_hash = ?',
    );
    this.voidCodes = db.prepare(
      'DELETE FROM auth_codes WHERE community = ? AND unit_id = ? AND redeemed = 0',
    );
    this.nextCodeId = db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM auth_codes WHERE community = ?');
    this.prefixTaken = db.prepare(
      'SELECT 1 FROM auth_codes WHERE community = ? AND lookup = ? AND unit_id <> ? AND redeemed = 0 LIMIT 1',
    );
  }

  /** Opens (creating if needed) the auth tables in the SQLite file at `path`. */
  static open(path: string, community: string, options: AuthStoreOptions = {}): SqliteAuthStore {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS auth_tokens (community TEXT NOT NULL, token_hash TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT, PRIMARY KEY (community, token_hash));
      CREATE TABLE IF NOT EXISTS auth_codes (community TEXT NOT NULL, id INTEGER NOT NULL, lookup TEXT NOT NULL, code_hash TEXT NOT NULL, unit_id TEXT NOT NULL, redeemed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (community, id));
      CREATE INDEX IF NOT EXISTS auth_codes_lookup ON auth_codes (community, lookup) WHERE redeemed = 0;
    `);
    return new SqliteAuthStore(db, community, options.deriveKey ?? scryptKey);
  }

  /** Creates an organizer token; returns it once (only its hash is kept). */
  async issueOrganizerToken(): Promise<string> {
    const token = newToken();
    this.db
      .prepare('INSERT INTO auth_tokens (community, token_hash, role) VALUES (?, ?, ?)')
      .run(this.community, hashToken(token), 'organizer');
    return token;
  }

  async rotateOrganizerToken(): Promise<string> {
    const token = newToken();
    this.db.transaction(() => {
      this.db
        .prepare("DELETE FROM auth_tokens WHERE community = ? AND role = 'organizer'")
        .run(this.community);
      this.db
        .prepare('INSERT INTO auth_tokens (community, token_hash, role) VALUES (?, ?, ?)')
        .run(this.community, hashToken(token), 'organizer');
    })();
    return token;
  }

  /** Creates an invite code for a household (unit); returns it once. */
  async issueInviteCode(unitId: string): Promise<string> {
    const taken = (lookup: string) => this.prefixTaken.get(this.community, lookup, unitId) !== undefined;
    return issueWithFreePrefix(
      taken,
      (lookup, hash) =>
        this.db.transaction(() => {
          if (taken(lookup)) return false; // another code took the prefix while this one was hashed
          this.voidCodes.run(this.community, unitId);
          const next = (this.nextCodeId.get(this.community) as { n: number }).n;
          this.db
            .prepare(
              'INSERT INTO auth_codes (community, id, lookup, code_hash, unit_id) VALUES (?, ?, ?, ?, ?)',
            )
            .run(this.community, next, lookup, hash, unitId);
          return true;
        })(),
      this.deriveKey,
    );
  }

  /** Exchanges an unredeemed code for a household session token, or null. */
  async redeem(code: string): Promise<Session | null> {
    // The lookup prefix narrows the search to (almost always) one row, so a guess costs one scrypt, not one per household.
    const rows = this.db
      .prepare(
        'SELECT id, code_hash, unit_id FROM auth_codes WHERE community = ? AND lookup = ? AND redeemed = 0',
      )
      .all(this.community, codeLookup(code)) as {
      id: number;
      code_hash: string;
      unit_id: string;
    }[];
    const match = await findCode(code, rows, this.deriveKey);
    if (!match) return null;
    const token = newToken();
    const won = this.db.transaction(() => {
      // Two phones racing with one code: only the UPDATE that still sees `redeemed = 0` wins.
      const claimed = this.db
        .prepare('UPDATE auth_codes SET redeemed = 1 WHERE community = ? AND id = ? AND redeemed = 0')
        .run(this.community, match.id);
      if (claimed.changes !== 1) return false;
      this.db
        .prepare('INSERT INTO auth_tokens (community, token_hash, role, unit_id) VALUES (?, ?, ?, ?)')
        .run(this.community, hashToken(token), 'household', match.unit_id);
      return true;
    })();
    return won ? { token, unitId: match.unit_id } : null;
  }

  /** Who a bearer token belongs to, or null. */
  async principal(token: string): Promise<Principal | null> {
    const row = this.principalStmt.get(this.community, hashToken(token));
    if (!row) return null;
    return row.role === 'organizer'
      ? { kind: 'organizer' }
      : { kind: 'household', unitId: row.unit_id as string };
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

  /** Closes the database. */
  async close(): Promise<void> {
    this.db.close();
  }
}
