import pg from 'pg';
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

/** The {@link AuthStore} for deployments on PostgreSQL: every server process shares the sign-ins. */
export class PostgresAuthStore implements AuthStore {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly community: string,
    private readonly deriveKey: DeriveKey,
  ) {}

  /** Connects (creating the auth tables if needed). */
  static async open(
    connectionString: string,
    community: string,
    options: AuthStoreOptions = {},
  ): Promise<PostgresAuthStore> {
    const pool = new pg.Pool({ connectionString, max: 4 });
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7306)'); // one schema change at a time
      await client.query(`CREATE TABLE IF NOT EXISTS linli_auth_tokens (
        community text NOT NULL, token_hash text NOT NULL, role text NOT NULL, unit_id text,
        PRIMARY KEY (community, token_hash))`);
      await client.query(`CREATE TABLE IF NOT EXISTS linli_auth_codes (
        id bigserial PRIMARY KEY, community text NOT NULL, lookup text NOT NULL, code_hash text NOT NULL,
        unit_id text NOT NULL, redeemed boolean NOT NULL DEFAULT false)`);
      await client.query(
        'CREATE INDEX IF NOT EXISTS linli_auth_codes_lookup ON linli_auth_codes (community, lookup) WHERE NOT redeemed',
      );
    } finally {
      await client.query('SELECT pg_advisory_unlock(7306)');
      client.release();
    }
    return new PostgresAuthStore(pool, community, options.deriveKey ?? scryptKey);
  }

  async issueOrganizerToken(): Promise<string> {
    const token = newToken();
    await this.pool.query('INSERT INTO linli_auth_tokens (community, token_hash, role) VALUES ($1, $2, $3)', [
      this.community,
      hashToken(token),
      'organizer',
    ]);
    return token;
  }

  async rotateOrganizerToken(): Promise<string> {
    const token = newToken();
    // One statement: the old tokens go in the same moment the new one arrives.
    await this.pool.query(
      `WITH ended AS (DELETE FROM linli_auth_tokens WHERE community = $1 AND role = 'organizer')
       INSERT INTO linli_auth_tokens (community, token_hash, role) VALUES ($1, $2, 'organizer')`,
      [this.community, hashToken(token)],
    );
    return token;
  }

  async issueInviteCode(unitId: string): Promise<string> {
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
          `WITH voided AS (DELETE FROM linli_auth_codes WHERE community = $1 AND unit_id = $4 AND NOT redeemed)
           INSERT INTO linli_auth_codes (community, lookup, code_hash, unit_id)
           SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM linli_auth_codes
             WHERE community = $1 AND lookup = $2 AND unit_id <> $4 AND NOT redeemed)`,
          [this.community, lookup, hash, unitId],
        )
      ).rowCount === 1;
    return issueWithFreePrefix(taken, save, this.deriveKey);
  }

  async redeem(code: string): Promise<Session | null> {
    const { rows } = await this.pool.query<{ id: string; code_hash: string; unit_id: string }>(
      'SELECT id, code_hash, unit_id FROM linli_auth_codes WHERE community = $1 AND lookup = $2 AND NOT redeemed',
      [this.community, codeLookup(code)],
    );
    const match = await findCode(code, rows, this.deriveKey);
    if (!match) return null;
    const token = newToken();
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
        'INSERT INTO linli_auth_tokens (community, token_hash, role, unit_id) VALUES ($1, $2, $3, $4)',
        [this.community, hashToken(token), 'household', match.unit_id],
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    return { token, unitId: match.unit_id };
  }

  async principal(token: string): Promise<Principal | null> {
    const { rows } = await this.pool.query<{ role: string; unit_id: string | null }>(
      'SELECT role, unit_id FROM linli_auth_tokens WHERE community = $1 AND token_hash = $2',
      [this.community, hashToken(token)],
    );
    const row = rows[0];
    if (!row) return null;
    return row.role === 'organizer'
      ? { kind: 'organizer' }
      : { kind: 'household', unitId: row.unit_id ?? '' };
  }

  async revoke(token: string): Promise<boolean> {
    const result = await this.pool.query(
      "DELETE FROM linli_auth_tokens WHERE community = $1 AND token_hash = $2 AND role = 'household'",
      [this.community, hashToken(token)],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async revokeHousehold(unitId: string): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'DELETE FROM linli_auth_codes WHERE community = $1 AND unit_id = $2 AND NOT redeemed',
        [this.community, unitId],
      );
      const ended = await client.query(
        "DELETE FROM linli_auth_tokens WHERE community = $1 AND unit_id = $2 AND role = 'household'",
        [this.community, unitId],
      );
      await client.query('COMMIT');
      return ended.rowCount ?? 0;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
