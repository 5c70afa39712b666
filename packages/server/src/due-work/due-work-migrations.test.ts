import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LinliException, verify } from '@linli/core';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION_TABLE } from '../stores/migrations.js';
import { PostgresStore } from '../stores/postgres-store.js';
import { binDir, createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { CHECK_KEY } from './due-work-table.js';
import { PostgresDueWork, postgresDueWorkMigrations } from './postgres-due-work.js';
import { SqliteDueWork, sqliteDueWorkMigrations } from './sqlite-due-work.js';

const fixtures = resolve(import.meta.dirname, '../stores/fixtures');
const dir = mkdtempSync(join(tmpdir(), 'linli-due-migrate-'));
let cluster: { url: string; stop: () => void };
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-12-01T00:00:00Z');

function fixtureCopy(name: string): string {
  const file = join(dir, name);
  copyFileSync(join(fixtures, 'due-work-v1.sqlite'), file);
  return file;
}

describe('the due-work file written by version 1', () => {
  it('opens at the newest version with its rows, leases and errors kept, and takes claims', async () => {
    const table = SqliteDueWork.open(fixtureCopy('v1.sqlite'));
    try {
      const rows = await table.rows('xfkl');
      expect(rows.map((r) => [r.key, r.doneAt !== null, r.lastError])).toEqual([
        ['charge.bill:maint:2026-12', true, null],
        ['charge.bill:wage:2026-12', false, 'log.unavailable: disk full'],
        [CHECK_KEY, false, null],
        ['motion.close:lift', false, null],
      ]);
      const claimed = await table.claim('p', T0 + 60_000, 1_000, 10);
      expect(claimed.map((w) => [w.key, w.attempts, w.command])).toEqual([
        ['charge.bill:wage:2026-12', 2, { type: 'charge.bill', chargeId: 'wage', month: '2026-12' }],
      ]);
    } finally {
      await table.close();
    }
    const db = new Database(join(dir, 'v1.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(sqliteDueWorkMigrations.length);
    db.close();
  });

  it('a file newer than the code is refused with log.schema_too_new and left as it was', () => {
    const file = fixtureCopy('newer.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${sqliteDueWorkMigrations.length + 1}`);
    db.close();
    const before = readFileSync(file);
    expect(() => SqliteDueWork.open(file)).toThrow(LinliException);
    try {
      SqliteDueWork.open(file);
    } catch (e) {
      expect((e as LinliException).error.code).toBe('log.schema_too_new');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('the due-work table on a PostgreSQL database written before schema versions', () => {
  it('is added as its own part; the log beside it still verifies', async () => {
    const url = await createDatabase(cluster.url, 'due_on_old');
    const loaded = spawnSync(
      join(binDir(), 'psql'),
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', join(fixtures, 'unversioned.sql')],
      { encoding: 'utf8' },
    );
    expect(loaded.status, loaded.stderr).toBe(0);
    const table = await PostgresDueWork.open(url);
    const store = await PostgresStore.open(url, 'xfkl');
    try {
      expect(verify(await store.read())).toMatchObject({ ok: true });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT part, version FROM ${VERSION_TABLE} ORDER BY part`);
      await client.end();
      expect(rows).toEqual([
        { part: 'due-work', version: postgresDueWorkMigrations.length },
        { part: 'events', version: expect.any(Number) },
      ]);
      // Opening again finds nothing to do; a newer part is refused.
      await (await PostgresDueWork.open(url)).close();
      const bump = new pg.Client({ connectionString: url });
      await bump.connect();
      await bump.query(`UPDATE ${VERSION_TABLE} SET version = version + 1 WHERE part = 'due-work'`);
      await bump.end();
      await expect(PostgresDueWork.open(url)).rejects.toMatchObject({
        error: { code: 'log.schema_too_new' },
      });
    } finally {
      await table.close();
      await store.close();
    }
  });
});
