import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LinliException, verify } from '@linli/core';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSqlite, type SqliteMigration } from './migrations.js';
import { SqliteStore, sqliteEventMigrations } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A copy of the log written by the store before schema versions (see fixtures/README.md). */
function unversionedCopy(): string {
  const file = join(dir, `log-${n++}.sqlite`);
  copyFileSync(resolve(import.meta.dirname, 'fixtures/unversioned.sqlite'), file);
  return file;
}

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('SqliteStore on a file written before schema versions', () => {
  it('migrates it to version 1; the log verifies, keeps its request keys and takes appends', async () => {
    const file = unversionedCopy();
    expect(userVersion(file)).toBe(0);
    const store = SqliteStore.open(file, 'xfkl');
    expect(userVersion(file)).toBe(sqliteEventMigrations.length);
    const log = await store.read();
    expect(verify(log)).toMatchObject({ ok: true, count: 275 });
    expect((await store.appendedFor('fixture-key'))?.map((e) => e.seq)).toEqual([275]);
    const appended = await store.append(
      [{ at: '2026-12-01T00:00:00.000Z', actor: 'a', type: 'x.after', payload: {} }],
      { expectedSeq: 275 },
    );
    expect(appended.ok).toBe(true);
    expect(verify(await store.read())).toMatchObject({ ok: true, count: 276 });
    store.close();
    // Opening again finds nothing to do.
    const again = SqliteStore.open(file, 'xfkl');
    expect((await again.read()).length).toBe(276);
    again.close();
    expect(userVersion(file)).toBe(1);
  });

  it('a new file starts at the newest version', () => {
    const file = join(dir, `fresh-${n++}.sqlite`);
    SqliteStore.open(file, 'xfkl').close();
    expect(userVersion(file)).toBe(sqliteEventMigrations.length);
  });
});

describe('SqliteStore on a file newer than the code', () => {
  it('refuses it with log.schema_too_new, in zh-CN and en, and leaves the file as it was', () => {
    const file = unversionedCopy();
    const db = new Database(file);
    db.pragma(`user_version = ${sqliteEventMigrations.length + 1}`);
    db.close();
    const before = readFileSync(file);
    let thrown: unknown;
    try {
      SqliteStore.open(file, 'xfkl').close();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LinliException);
    const error = (thrown as LinliException).error;
    expect(error.code).toBe('log.schema_too_new');
    expect(error.message.en).toContain('schema version 2, newer than the 1');
    expect(error.message['zh-CN']).toContain('请先升级 Linli');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('migrateSqlite', () => {
  const table =
    (name: string): SqliteMigration['up'] =>
    (db) => {
      db.exec(`CREATE TABLE ${name} (x)`);
    };

  it('runs only the pending steps, in order, and records the version', () => {
    const db = new Database(':memory:');
    expect(migrateSqlite(db, 'test', [{ version: 1, change: 'a', up: table('a') }])).toEqual({
      ok: true,
      value: { from: 0, to: 1 },
    });
    const steps = [
      { version: 1, change: 'a', up: table('a') }, // would fail if it ran twice
      { version: 2, change: 'b', up: table('b') },
    ];
    expect(migrateSqlite(db, 'test', steps)).toEqual({ ok: true, value: { from: 1, to: 2 } });
    expect(migrateSqlite(db, 'test', steps)).toEqual({ ok: true, value: { from: 2, to: 2 } });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('a failing step changes nothing: neither the earlier steps nor the version', () => {
    const db = new Database(':memory:');
    const steps: SqliteMigration[] = [
      { version: 1, change: 'a', up: table('a') },
      {
        version: 2,
        change: 'fails',
        up: () => {
          throw new Error('disk full');
        },
      },
    ];
    expect(() => migrateSqlite(db, 'test', steps)).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").all()).toEqual([]);
    db.close();
  });

  it('refuses steps that are not numbered 1, 2, 3, …', () => {
    const db = new Database(':memory:');
    expect(() => migrateSqlite(db, 'test', [{ version: 2, change: 'b', up: table('b') }])).toThrow(
      'numbered 2',
    );
    db.close();
  });
});

describe('migrateSqlite, for any number of steps and any version a file has', () => {
  it('runs exactly the steps above the version, once each, in order — or refuses a newer file untouched', () => {
    fc.assert(
      fc.property(fc.nat(6), fc.nat(8), (count, start) => {
        const db = new Database(':memory:');
        db.pragma(`user_version = ${start}`);
        const ran: number[] = [];
        const steps = Array.from({ length: count }, (_, i) => ({
          version: i + 1,
          change: `step ${i + 1}`,
          up: () => {
            ran.push(i + 1);
          },
        }));
        const result = migrateSqlite(db, 'test', steps);
        const version = db.pragma('user_version', { simple: true });
        db.close();
        if (start > count) {
          expect(result.ok ? undefined : result.error.code).toBe('log.schema_too_new');
          expect(ran).toEqual([]);
          expect(version).toBe(start);
        } else {
          expect(result).toEqual({ ok: true, value: { from: start, to: count } });
          expect(ran).toEqual(steps.slice(start).map((s) => s.version));
          expect(version).toBe(count);
        }
      }),
    );
  });
});
