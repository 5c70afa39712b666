import type pg from 'pg';
import { EVENTS_CHANNEL, PostgresDatabase, sessionsEndedPayload } from '../stores/postgres-database.js';
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
import { migratePostgresAuth } from './postgres-auth-schema.js';
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

/**
 * The {@link AuthStore} for deployments on PostgreSQL: every server process shares the sign-ins.
 * Verified tokens are cached in the process ({@link PostgresDatabase.sessionCache}); every path that
 * ends a session (signing out, ending a household's sessions, revoking an organizer or reissuing its
 * token) announces it on the database's LISTEN channel in the same transaction, so every process
 * forgets the community's cached sessions as soon as the end commits.
 */
export class PostgresAuthStore implements AuthStore {
  private readonly pool: pg.Pool;

  private constructor(
    private readonly database: PostgresDatabase,
    private readonly community: string,
    private readonly deriveKey: DeriveKey,
    /** Whether the store opened its database for itself ({@link PostgresAuthStore.open}): closed with it. */
    private readonly owned: boolean,
  ) {
    this.pool = database.pool;
  }

  /**
   * The sign-ins of `community` on a process's shared `database` (the auth tables created or
   * migrated once per process; a newer schema is refused). Closing the store leaves the database open.
   */
  static async on(
    database: PostgresDatabase,
    community: string,
    options: AuthStoreOptions = {},
  ): Promise<PostgresAuthStore> {
    await database.once('schema auth', migratePostgresAuth);
    return new PostgresAuthStore(database, community, options.deriveKey ?? scryptKey, false);
  }

  /** Connects with a database of its own, closed with the store (one-off commands, tests). */
  static async open(
    connectionString: string,
    community: string,
    options: AuthStoreOptions = {},
  ): Promise<PostgresAuthStore> {
    return PostgresDatabase.owned(connectionString, { poolSize: 4 }, async (database) => {
      await database.once('schema auth', migratePostgresAuth);
      return new PostgresAuthStore(database, community, options.deriveKey ?? scryptKey, true);
    });
  }

  async addOrganizer(name: string, role: OrganizerRole): Promise<IssuedOrganizer> {
    const token = newToken();
    const id = await this.inTransaction(async (client) => {
      // Two processes adding at once: the lock makes them count one after the other.
      await client.query('SELECT pg_advisory_xact_lock(7307, hashtext($1))', [this.community]);
      const { rows } = await client.query<{ n: string }>(
        'SELECT COUNT(*) + 1 AS n FROM linli_auth_organizers WHERE community = $1',
        [this.community],
      );
      const next = organizerId(Number(rows[0]?.n ?? 1));
      await client.query(
        'INSERT INTO linli_auth_organizers (community, id, name, role) VALUES ($1, $2, $3, $4)',
        [this.community, next, name, role],
      );
      await this.insertOrganizerToken(client, next, token);
      return next;
    });
    return { organizer: { id, name, role }, token };
  }

  async organizers(): Promise<readonly Organizer[]> {
    const { rows } = await this.pool.query<OrganizerRow>(
      `SELECT id, name, role, to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS revoked_at
       FROM linli_auth_organizers WHERE community = $1 ORDER BY created_at, id`,
      [this.community],
    );
    return rows.map(organizerOf);
  }

  async reissueOrganizerToken(id: string): Promise<IssuedOrganizer | null> {
    const token = newToken();
    return this.inTransaction(async (client) => {
      const { rows } = await client.query<OrganizerRow>(
        'SELECT id, name, role, NULL AS revoked_at FROM linli_auth_organizers WHERE community = $1 AND id = $2 AND revoked_at IS NULL FOR UPDATE',
        [this.community, id],
      );
      const row = rows[0];
      if (!row) return null;
      await this.endOrganizerTokens(client, id);
      await this.insertOrganizerToken(client, id, token);
      return { organizer: organizerOf(row), token };
    });
  }

  async revokeOrganizer(id: string): Promise<boolean> {
    return this.inTransaction(async (client) => {
      const revoked = await client.query(
        'UPDATE linli_auth_organizers SET revoked_at = now() WHERE community = $1 AND id = $2 AND revoked_at IS NULL',
        [this.community, id],
      );
      if (revoked.rowCount !== 1) return false;
      await this.endOrganizerTokens(client, id);
      return true;
    });
  }

  async issueOrganizerToken(): Promise<string> {
    return (await this.addOrganizer('organizer', 'residents-committee')).token;
  }

  private async insertOrganizerToken(client: pg.PoolClient, id: string, token: string): Promise<void> {
    await client.query(
      "INSERT INTO linli_auth_tokens (community, token_hash, role, organizer_id) VALUES ($1, $2, 'organizer', $3)",
      [this.community, hashToken(token), id],
    );
  }

  private async endOrganizerTokens(client: pg.PoolClient, id: string): Promise<void> {
    await client.query(
      "DELETE FROM linli_auth_tokens WHERE community = $1 AND organizer_id = $2 AND role = 'organizer'",
      [this.community, id],
    );
    await this.announceSessionsEnded(client);
  }

  /**
   * Tells every process (this one included) to forget the community's cached sessions. Sent inside
   * the ending transaction: PostgreSQL delivers it at commit, and not at all after a rollback.
   */
  private async announceSessionsEnded(client: pg.PoolClient): Promise<void> {
    await client.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, sessionsEndedPayload(this.community)]);
  }

  /**
   * Runs `work` in one transaction on one pooled connection. Once it committed, this process's
   * cached sessions of the community are dropped at once (not only when its own notification arrives).
   */
  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      this.database.sessionCache().drop(this.community);
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async issueInviteCode(unitId: string): Promise<string> {
    return this.issueCode(unitId, 'invite', null);
  }

  async issuePairingCode(token: string, ttlMs = PAIRING_CODE_TTL_MS): Promise<PairingCode | null> {
    const unitId = await this.householdOf(this.pool, token);
    if (unitId === undefined) return null;
    const expiresAt = new Date(Date.now() + ttlMs).toISOString();
    return { code: await this.issueCode(unitId, 'pairing', expiresAt), expiresAt };
  }

  /**
   * Issues a code of `kind`: a printed invite replaces every unredeemed code of the household, a code
   * to add a device only the household's earlier such codes; expired codes of the community go too.
   */
  private issueCode(unitId: string, kind: CodeKind, expiresAt: string | null): Promise<string> {
    const taken = async (lookup: string) =>
      (
        await this.pool.query(
          'SELECT 1 FROM linli_auth_codes WHERE community = $1 AND lookup = $2 AND unit_id <> $3 AND NOT redeemed LIMIT 1',
          [this.community, lookup, unitId],
        )
      ).rowCount !== 0;
    // One statement: the old codes go in the same moment the new one arrives, unless another code took
    // the prefix meanwhile. (Two processes issuing the same prefix at the very same moment could both
    // insert; redeeming then costs one derivation per row, still correct.)
    const save = async (lookup: string, hash: string) =>
      (
        await this.pool.query(
          `WITH voided AS (DELETE FROM linli_auth_codes WHERE community = $1 AND NOT redeemed
             AND ((unit_id = $4 AND ($5 = 'invite' OR kind = 'pairing')) OR expires_at <= now()))
           INSERT INTO linli_auth_codes (community, lookup, code_hash, unit_id, kind, expires_at)
           SELECT $1, $2, $3, $4, $5, $6::timestamptz WHERE NOT EXISTS (SELECT 1 FROM linli_auth_codes
             WHERE community = $1 AND lookup = $2 AND unit_id <> $4 AND NOT redeemed)`,
          [this.community, lookup, hash, unitId, kind, expiresAt],
        )
      ).rowCount === 1;
    return issueWithFreePrefix(taken, save, this.deriveKey);
  }

  async redeem(code: string): Promise<Session | null> {
    const { rows } = await this.pool.query<{ id: string; code_hash: string; unit_id: string; kind: string }>(
      `SELECT id, code_hash, unit_id, kind FROM linli_auth_codes WHERE community = $1 AND lookup = $2
       AND NOT redeemed AND (expires_at IS NULL OR expires_at > now())`,
      [this.community, codeLookup(code)],
    );
    const match = await findCode(code, rows, this.deriveKey);
    if (!match) return null;
    const token = newToken();
    const deviceId = newDeviceId();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Two phones (or two server processes) racing with one code: only one UPDATE still sees it unredeemed.
      const claimed = await client.query(
        'UPDATE linli_auth_codes SET redeemed = true WHERE id = $1 AND NOT redeemed',
        [match.id],
      );
      if (claimed.rowCount !== 1) {
        await client.query('ROLLBACK');
        return null;
      }
      await client.query(
        `INSERT INTO linli_auth_tokens (community, token_hash, role, unit_id, device_id, added_at, added_by)
         VALUES ($1, $2, 'household', $3, $4, now(), $5)`,
        [
          this.community,
          hashToken(token),
          match.unit_id,
          deviceId,
          match.kind === 'pairing' ? 'pairing' : 'invite',
        ],
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    return { token, unitId: match.unit_id, deviceId };
  }

  /** The household a live household token belongs to (`FOR UPDATE` inside a transaction). */
  private async householdOf(
    db: pg.Pool | pg.PoolClient,
    token: string,
    lock = '',
  ): Promise<string | undefined> {
    const { rows } = await db.query<{ unit_id: string | null }>(
      `SELECT unit_id FROM linli_auth_tokens WHERE community = $1 AND token_hash = $2 AND role = 'household' ${lock}`,
      [this.community, hashToken(token)],
    );
    return rows[0]?.unit_id ?? undefined;
  }

  private async deviceRows(db: pg.Pool | pg.PoolClient, unitId: string): Promise<DeviceRow[]> {
    const { rows } = await db.query<DeviceRow>(
      `SELECT device_id, to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS added_at,
         added_by, token_hash
       FROM linli_auth_tokens WHERE community = $1 AND unit_id = $2 AND role = 'household'
       ORDER BY added_at NULLS FIRST, token_hash`,
      [this.community, unitId],
    );
    return rows;
  }

  async devices(token: string): Promise<readonly Device[] | null> {
    const unitId = await this.householdOf(this.pool, token);
    if (unitId === undefined) return null;
    const hash = hashToken(token);
    return (await this.deviceRows(this.pool, unitId)).map((row) => deviceOf(row, hash));
  }

  async signOut(token: string, lastConfirmed: boolean): Promise<SignOutOutcome> {
    return this.inTransaction(async (client) => {
      const unitId = await this.householdOf(client, token);
      if (unitId === undefined) return 'not-signed-in';
      // Two devices signing out at once must not both see the other and both go: the household's
      // sessions are counted under a lock of their own.
      await client.query('SELECT pg_advisory_xact_lock(7308, hashtext($1))', [`${this.community}/${unitId}`]);
      if (!lastConfirmed && (await this.deviceRows(client, unitId)).length <= 1) return 'last-device';
      await client.query(
        "DELETE FROM linli_auth_tokens WHERE community = $1 AND token_hash = $2 AND role = 'household'",
        [this.community, hashToken(token)],
      );
      await this.announceSessionsEnded(client);
      return 'ended';
    });
  }

  async endDevice(token: string, deviceId: string): Promise<boolean> {
    return this.inTransaction(async (client) => {
      const unitId = await this.householdOf(client, token);
      if (unitId === undefined) return false;
      const hash = hashToken(token);
      const other = (await this.deviceRows(client, unitId)).find(
        (row) => deviceOf(row, hash).id === deviceId && row.token_hash !== hash,
      );
      if (!other) return false;
      await client.query('DELETE FROM linli_auth_tokens WHERE community = $1 AND token_hash = $2', [
        this.community,
        other.token_hash,
      ]);
      await this.announceSessionsEnded(client);
      return true;
    });
  }

  async principal(token: string): Promise<Principal | null> {
    const hash = hashToken(token);
    const cache = this.database.sessionCache();
    const cached = cache.get(this.community, hash);
    if (cached) return cached;
    const ticket = cache.ticket();
    const { rows } = await this.pool.query<TokenRow>(
      `SELECT t.role, t.unit_id, o.id, o.name, o.role AS organizer_role
       FROM linli_auth_tokens t LEFT JOIN linli_auth_organizers o
         ON o.community = t.community AND o.id = t.organizer_id AND o.revoked_at IS NULL
       WHERE t.community = $1 AND t.token_hash = $2`,
      [this.community, hash],
    );
    const row = rows[0];
    const principal = row ? principalOf(row) : null;
    if (principal) cache.store(this.community, hash, principal, ticket);
    return principal;
  }

  async revoke(token: string): Promise<boolean> {
    return this.inTransaction(async (client) => {
      const result = await client.query(
        "DELETE FROM linli_auth_tokens WHERE community = $1 AND token_hash = $2 AND role = 'household'",
        [this.community, hashToken(token)],
      );
      await this.announceSessionsEnded(client);
      return (result.rowCount ?? 0) > 0;
    });
  }

  async revokeHousehold(unitId: string): Promise<number> {
    return this.inTransaction(async (client) => {
      await client.query(
        'DELETE FROM linli_auth_codes WHERE community = $1 AND unit_id = $2 AND NOT redeemed',
        [this.community, unitId],
      );
      const ended = await client.query(
        "DELETE FROM linli_auth_tokens WHERE community = $1 AND unit_id = $2 AND role = 'household'",
        [this.community, unitId],
      );
      await this.announceSessionsEnded(client);
      return ended.rowCount ?? 0;
    });
  }

  /** Closes the database if the store opened its own; a shared one stays open. */
  async close(): Promise<void> {
    if (this.owned) await this.database.close();
  }
}
