import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import type { AuthStore } from './auth-store.js';
import { PostgresAuthStore } from './postgres-auth-store.js';
import { AUTH_SCHEMA_VERSION } from './schema.js';
import { SqliteAuthStore } from './sqlite-auth-store.js';

/** What the fixtures were made with: the one organizer token, a redeemed session, an unused code. */
const secrets = JSON.parse(
  readFileSync(new URL('./fixtures/auth-v1.secrets.json', import.meta.url), 'utf8'),
) as {
  organizer: string;
  household: string;
  unusedCode: string;
};

const dir = mkdtempSync(join(tmpdir(), 'linli-auth-schema-'));
let cluster: { url: string; stop: () => void } | undefined;
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the committed version-1 SQLite database, so the fixture itself never changes. */
function sqliteV1(): string {
  const path = join(dir, `v1-${Date.now()}-${Math.random()}.sqlite`);
  copyFileSync(new URL('./fixtures/auth-v1.sqlite', import.meta.url), path);
  return path;
}

/** A fresh PostgreSQL database loaded from the committed version-1 dump. */
async function postgresV1(): Promise<string> {
  cluster ??= await startPostgres();
  const url = await createDatabase(cluster.url, `linli_auth_v1_${Date.now()}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(readFileSync(new URL('./fixtures/auth-v1.postgres.sql', import.meta.url), 'utf8'));
  await client.end();
  return url;
}

/** Everything a version-1 database held still works after the migration, and the token has a name. */
async function expectMigrated(auth: AuthStore) {
  expect(await auth.principal(secrets.organizer)).toEqual({
    kind: 'organizer',
    id: 'organizer',
    name: 'organizer',
    role: 'residents-committee',
  });
  expect(await auth.principal(secrets.household)).toEqual({ kind: 'household', unitId: 'u102' });
  expect(await auth.organizers()).toEqual([
    { id: 'organizer', name: 'organizer', role: 'residents-committee' },
  ]);
  const added = await auth.addOrganizer('王阿姨', 'building-head');
  expect(added.organizer.id).toBe('org-2');
  expect(await auth.principal(secrets.organizer)).not.toBeNull(); // adding a colleague rotates nobody out
  expect(await auth.revokeOrganizer('organizer')).toBe(true);
  expect(await auth.principal(secrets.organizer)).toBeNull();
  expect(await auth.redeem(secrets.unusedCode)).toMatchObject({ unitId: 'u602' });
}

describe('the sign-in database schema on SQLite', () => {
  it('migrates a database made before named organizers: the old token becomes organizer "organizer"', async () => {
    const path = sqliteV1();
    const auth = SqliteAuthStore.open(path, 'xfkl');
    await expectMigrated(auth);
    await auth.close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(AUTH_SCHEMA_VERSION);
    db.close();
    // Opening again migrates nothing twice.
    const again = SqliteAuthStore.open(path, 'xfkl');
    expect((await again.organizers()).map((o) => o.id)).toEqual(['organizer', 'org-2']);
    await again.close();
  });

  it('refuses a database written by newer code, with a clear message, and leaves it alone', () => {
    const path = join(dir, 'newer.sqlite');
    void SqliteAuthStore.open(path, 'xfkl').close();
    const db = new Database(path);
    db.pragma(`user_version = ${AUTH_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => SqliteAuthStore.open(path, 'xfkl')).toThrow(
      `schema version ${AUTH_SCHEMA_VERSION + 1}, newer than this linli-server knows (${AUTH_SCHEMA_VERSION})`,
    );
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(AUTH_SCHEMA_VERSION + 1);
    after.close();
  });
});

describe('the sign-in database schema on PostgreSQL', () => {
  it('migrates the committed version-1 dump, and two processes opening it together migrate once', async () => {
    const url = await postgresV1();
    const [auth, other] = await Promise.all([
      PostgresAuthStore.open(url, 'xfkl'),
      PostgresAuthStore.open(url, 'xfkl'),
    ]);
    await expectMigrated(auth);
    // Another server process on the same database accepts the organizer added through the first.
    const added = await auth.addOrganizer('李伟', 'owners-committee');
    expect(await other.principal(added.token)).toMatchObject({ kind: 'organizer', name: '李伟' });
    await Promise.all([auth.close(), other.close()]);
  });

  it('refuses tables written by newer code', async () => {
    const url = await postgresV1();
    await (await PostgresAuthStore.open(url, 'xfkl')).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE linli_auth_schema SET version = version + 1');
    await client.end();
    await expect(PostgresAuthStore.open(url, 'xfkl')).rejects.toThrow('newer than this linli-server knows');
  });
});
