import type pg from 'pg';
import { AUTH_SCHEMA_VERSION, MIGRATED_ORGANIZER, NewerAuthSchemaError } from './schema.js';

const { id, name, role } = MIGRATED_ORGANIZER;

/** Step `i` brings a database from version `i` to `i + 1`. */
const MIGRATIONS: readonly string[] = [
  // 1: the layout before named organizers (a database made before versions were kept already has it).
  `CREATE TABLE IF NOT EXISTS linli_auth_tokens (
     community text NOT NULL, token_hash text NOT NULL, role text NOT NULL, unit_id text,
     PRIMARY KEY (community, token_hash));
   CREATE TABLE IF NOT EXISTS linli_auth_codes (
     id bigserial PRIMARY KEY, community text NOT NULL, lookup text NOT NULL, code_hash text NOT NULL,
     unit_id text NOT NULL, redeemed boolean NOT NULL DEFAULT false);
   CREATE INDEX IF NOT EXISTS linli_auth_codes_lookup ON linli_auth_codes (community, lookup) WHERE NOT redeemed;`,
  // 2: organizer accounts; the one unnamed organizer's tokens become an account's.
  `CREATE TABLE linli_auth_organizers (
     community text NOT NULL, id text NOT NULL, name text NOT NULL, role text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(), revoked_at timestamptz, PRIMARY KEY (community, id));
   ALTER TABLE linli_auth_tokens ADD COLUMN organizer_id text;
   INSERT INTO linli_auth_organizers (community, id, name, role)
     SELECT DISTINCT community, '${id}', '${name}', '${role}' FROM linli_auth_tokens WHERE role = 'organizer';
   UPDATE linli_auth_tokens SET organizer_id = '${id}' WHERE role = 'organizer';`,
  // 3: a household's devices (each session a device, named by a public id, with when and how it was
  // added) and short-lived codes a signed-in device shows to add another.
  `ALTER TABLE linli_auth_tokens ADD COLUMN device_id text;
   ALTER TABLE linli_auth_tokens ADD COLUMN added_at timestamptz;
   ALTER TABLE linli_auth_tokens ADD COLUMN added_by text;
   UPDATE linli_auth_tokens SET device_id = substr(md5(random()::text || token_hash), 1, 16) WHERE role = 'household';
   ALTER TABLE linli_auth_codes ADD COLUMN kind text NOT NULL DEFAULT 'invite';
   ALTER TABLE linli_auth_codes ADD COLUMN expires_at timestamptz;`,
];

/**
 * Brings the sign-in tables to {@link AUTH_SCHEMA_VERSION} in one transaction under an advisory lock
 * (several server processes starting together migrate once), or refuses newer ones.
 */
export async function migratePostgresAuth(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock(7306)');
  try {
    await client.query('BEGIN');
    await client.query('CREATE TABLE IF NOT EXISTS linli_auth_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM linli_auth_schema');
    const found = rows[0]?.version ?? 0;
    if (found > AUTH_SCHEMA_VERSION) throw new NewerAuthSchemaError(found);
    for (let version = found; version < AUTH_SCHEMA_VERSION; version += 1)
      await client.query(MIGRATIONS[version] ?? '');
    await client.query('DELETE FROM linli_auth_schema');
    await client.query('INSERT INTO linli_auth_schema (version) VALUES ($1)', [AUTH_SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7306)');
  }
}
