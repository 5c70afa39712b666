import type Database from 'better-sqlite3';
import { AUTH_SCHEMA_VERSION, MIGRATED_ORGANIZER, NewerAuthSchemaError } from './schema.js';

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const { id, name, role } = MIGRATED_ORGANIZER;

/** Step `i` brings a database from version `i` to `i + 1`. */
const MIGRATIONS: readonly string[] = [
  // 1: the layout before named organizers (a database made before versions were kept already has it).
  `CREATE TABLE IF NOT EXISTS auth_tokens (community TEXT NOT NULL, token_hash TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT, PRIMARY KEY (community, token_hash));
   CREATE TABLE IF NOT EXISTS auth_codes (community TEXT NOT NULL, id INTEGER NOT NULL, lookup TEXT NOT NULL, code_hash TEXT NOT NULL, unit_id TEXT NOT NULL, redeemed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (community, id));
   CREATE INDEX IF NOT EXISTS auth_codes_lookup ON auth_codes (community, lookup) WHERE redeemed = 0;`,
  // 2: organizer accounts; the one unnamed organizer's tokens become an account's.
  `CREATE TABLE auth_organizers (community TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT, PRIMARY KEY (community, id));
   ALTER TABLE auth_tokens ADD COLUMN organizer_id TEXT;
   INSERT INTO auth_organizers (community, id, name, role, created_at)
     SELECT DISTINCT community, '${id}', '${name}', '${role}', ${NOW} FROM auth_tokens WHERE role = 'organizer';
   UPDATE auth_tokens SET organizer_id = '${id}' WHERE role = 'organizer';`,
  // 3: a household's devices (each session a device, named by a public id, with when and how it was
  // added) and short-lived codes a signed-in device shows to add another.
  `ALTER TABLE auth_tokens ADD COLUMN device_id TEXT;
   ALTER TABLE auth_tokens ADD COLUMN added_at TEXT;
   ALTER TABLE auth_tokens ADD COLUMN added_by TEXT;
   UPDATE auth_tokens SET device_id = lower(hex(randomblob(8))) WHERE role = 'household';
   ALTER TABLE auth_codes ADD COLUMN kind TEXT NOT NULL DEFAULT 'invite';
   ALTER TABLE auth_codes ADD COLUMN expires_at TEXT;`,
];

/**
 * Brings the sign-in database to {@link AUTH_SCHEMA_VERSION} in one immediate transaction (a server
 * and an administrative command opening it together migrate it once), or refuses a newer one.
 */
export function migrateSqliteAuth(db: Database.Database): void {
  db.transaction(() => {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > AUTH_SCHEMA_VERSION) throw new NewerAuthSchemaError(found);
    for (let version = found; version < AUTH_SCHEMA_VERSION; version += 1) db.exec(MIGRATIONS[version] ?? '');
    if (found !== AUTH_SCHEMA_VERSION) db.pragma(`user_version = ${AUTH_SCHEMA_VERSION}`);
  }).immediate();
}
