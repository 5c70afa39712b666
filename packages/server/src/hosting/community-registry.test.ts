import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LinliException } from '@linli/core';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION_TABLE } from '../stores/migrations.js';
import { SqliteStore } from '../stores/sqlite-store.js';
import { createDatabase, loadSqlFile, startPostgres } from '../testing/postgres-cluster.js';
import type { CommunityRegistry } from './community-registry.js';
import { PostgresCommunityRegistry } from './postgres-community-registry.js';
import { SqliteCommunityRegistry } from './sqlite-community-registry.js';

const fixtures = resolve(import.meta.dirname, '../stores/fixtures');
const dir = mkdtempSync(join(tmpdir(), 'linli-registry-'));
let n = 0;
let cluster: { url: string; stop: () => void };
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** When 新福康里 was founded in the committed fixture: its first event's time (read from a copy, never the fixture). */
async function foundedAt(): Promise<string> {
  const copy = join(dir, `founded-${n++}.sqlite`);
  copyFileSync(join(fixtures, 'unversioned.sqlite'), copy);
  const store = SqliteStore.open(copy, 'xfkl');
  try {
    return (await store.read())[0]?.at ?? '';
  } finally {
    store.close();
  }
}

/** What every registry does with origins and registrations, whatever keeps it. */
async function editsAndRegisters(registry: CommunityRegistry) {
  expect(await registry.register({ id: 'xfkl', name: 'again', created: '2027-01-01T00:00:00.000Z' })).toBe(
    false,
  );
  expect(
    await registry.register({ id: 'lane7', name: '幸福里7号', created: '2027-01-01T00:00:00.000Z' }),
  ).toBe(true);
  // Two operators editing at once both keep their change.
  await Promise.all([
    registry.editOrigins('xfkl', (o) => [...o, 'https://a.example']),
    registry.editOrigins('xfkl', (o) => [...o, 'https://b.example']),
  ]);
  expect(await registry.editOrigins('nowhere', () => ['https://x.example'])).toBeUndefined();
  const listed = await registry.list();
  expect(listed.map((c) => c.id)).toEqual(['lane7', 'xfkl']);
  expect([...(listed[1]?.origins ?? [])].sort()).toEqual(['https://a.example', 'https://b.example']);
  expect(listed[1]?.name).toBe('新福康里');
}

describe('SqliteCommunityRegistry beside a log written before the registry (the committed fixture)', () => {
  it('lists every community of the log, named and dated as founded, at version 1; then edits and registers', async () => {
    const folder = join(dir, `s${n++}`);
    mkdirSync(folder);
    const events = join(folder, 'linli.sqlite');
    copyFileSync(join(fixtures, 'unversioned.sqlite'), events);
    const file = join(folder, 'communities.sqlite');
    const registry = SqliteCommunityRegistry.open(file, events);
    expect(await registry.list()).toEqual([
      { id: 'xfkl', name: '新福康里', created: await foundedAt(), origins: [] },
    ]);
    await editsAndRegisters(registry);
    await registry.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
    // Opening again finds nothing to do and keeps every change.
    const again = SqliteCommunityRegistry.open(file, events);
    expect((await again.list()).map((c) => c.id)).toEqual(['lane7', 'xfkl']);
    await again.close();
  });

  it('starts empty beside no log, and refuses a registry newer than the code, untouched', async () => {
    const folder = join(dir, `s${n++}`);
    mkdirSync(folder);
    const file = join(folder, 'communities.sqlite');
    const registry = SqliteCommunityRegistry.open(file, join(folder, 'linli.sqlite'));
    expect(await registry.list()).toEqual([]);
    await registry.close();
    const db = new Database(file);
    db.pragma('user_version = 2');
    db.close();
    const before = readFileSync(file);
    let thrown: unknown;
    try {
      SqliteCommunityRegistry.open(file, join(folder, 'linli.sqlite'));
    } catch (e) {
      thrown = e;
    }
    expect((thrown as LinliException).error.code).toBe('log.schema_too_new');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('PostgresCommunityRegistry on a database written before the registry (the committed dump)', () => {
  it('lists every community of linli_events, at version 1 even when several processes open it at once', async () => {
    const url = await createDatabase(cluster.url, `r${n++}`);
    loadSqlFile(url, join(fixtures, 'unversioned.sql'));
    const registries = await Promise.all([1, 2, 3].map(() => PostgresCommunityRegistry.open(url)));
    const [registry] = registries;
    if (!registry) throw new Error('no registry');
    expect(await registry.list()).toEqual([
      { id: 'xfkl', name: '新福康里', created: expect.stringMatching(/^\d{4}-/), origins: [] },
    ]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const versions = await client.query(`SELECT version FROM ${VERSION_TABLE} WHERE part = 'communities'`);
    expect(versions.rows).toEqual([{ version: 1 }]);
    await editsAndRegisters(registry);
    await client.query(`UPDATE ${VERSION_TABLE} SET version = 2 WHERE part = 'communities'`);
    await client.end();
    const refused = await PostgresCommunityRegistry.open(url).catch((e: unknown) => e);
    expect((refused as LinliException).error.code).toBe('log.schema_too_new');
    await Promise.all(registries.map((r) => r.close()));
  });

  it('starts empty on an empty database', async () => {
    const url = await createDatabase(cluster.url, `r${n++}`);
    const registry = await PostgresCommunityRegistry.open(url);
    expect(await registry.list()).toEqual([]);
    await registry.close();
  });
});
