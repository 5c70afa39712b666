import { resolve } from 'node:path';
import { LinliException, verify } from '@linli/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, loadSqlFile, startPostgres } from '../testing/postgres-cluster.js';
import { migratePostgres, type PostgresMigration, VERSION_TABLE } from './migrations.js';
import { PostgresStore, postgresEventMigrations } from './postgres-store.js';

let cluster: { url: string; stop: () => void };
let n = 0;

beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster?.stop());

/** A database loaded from the dump of one written before schema versions (fixtures/README.md). */
async function unversionedDatabase(): Promise<string> {
  const url = await createDatabase(cluster.url, `m${n++}`);
  loadSqlFile(url, resolve(import.meta.dirname, 'fixtures/unversioned.sql'));
  return url;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

const versions = (url: string) =>
  query<{ part: string; version: number }>(url, `SELECT part, version FROM ${VERSION_TABLE}`);

describe('PostgresStore on a database written before schema versions', () => {
  it('migrates it to version 1; the log verifies, keeps its request keys and takes appends', async () => {
    const url = await unversionedDatabase();
    expect(await query(url, `SELECT to_regclass('${VERSION_TABLE}') AS t`)).toEqual([{ t: null }]);
    const store = await PostgresStore.open(url, 'xfkl');
    expect(await versions(url)).toEqual([{ part: 'events', version: postgresEventMigrations.length }]);
    const log = await store.read();
    expect(verify(log)).toMatchObject({ ok: true, count: log.length });
    expect(log.length).toBeGreaterThan(200);
    const appended = await store.append(
      [{ at: '2026-12-01T00:00:00.000Z', actor: 'a', type: 'x.after', payload: {} }],
      { expectedSeq: log.length, requestKey: 'after-migration' },
    );
    expect(appended.ok).toBe(true);
    expect((await store.appendedFor('after-migration'))?.length).toBe(1);
    expect(verify(await store.read())).toMatchObject({ ok: true, count: log.length + 1 });
    await store.close();
  });

  it('several processes opening it at once migrate it once, and all of them work', async () => {
    const url = await unversionedDatabase();
    const stores = await Promise.all(
      ['xfkl', 'xfkl', 'other', 'third'].map((c) => PostgresStore.open(url, c)),
    );
    expect(await versions(url)).toEqual([{ part: 'events', version: 1 }]);
    for (const s of stores) expect(verify(await s.read()).ok).toBe(true);
    await Promise.all(stores.map((s) => s.close()));
  });
});

describe('PostgresStore on a database newer than the code', () => {
  it('refuses it with log.schema_too_new, in zh-CN and en, and changes nothing', async () => {
    const url = await unversionedDatabase();
    await (await PostgresStore.open(url, 'xfkl')).close();
    await query(url, `UPDATE ${VERSION_TABLE} SET version = 2 WHERE part = 'events'`);
    const before = await query(url, 'SELECT count(*)::int AS n FROM linli_events');
    const refused = await PostgresStore.open(url, 'newcomer').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(LinliException);
    const error = (refused as LinliException).error;
    expect(error.code).toBe('log.schema_too_new');
    expect(error.message.en).toContain('PostgreSQL (events) has schema version 2');
    expect(error.message['zh-CN']).toContain('请先升级 Linli');
    expect(await versions(url)).toEqual([{ part: 'events', version: 2 }]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM linli_events')).toEqual(before);
    // No partition was created for the refused community.
    expect(
      await query(url, "SELECT relname FROM pg_class WHERE relname LIKE 'linli_events_newcomer%'"),
    ).toEqual([]);
  });
});

describe('migratePostgres', () => {
  it('runs each step once across concurrent callers, and a failing step changes nothing', async () => {
    const url = await createDatabase(cluster.url, `m${n++}`);
    const steps: PostgresMigration[] = [
      {
        version: 1,
        change: 'a table every run would collide on',
        up: async (c) => {
          await c.query('CREATE TABLE once (x int)');
          await c.query('INSERT INTO once VALUES (1)');
        },
      },
    ];
    const pool = new pg.Pool({ connectionString: url, max: 6 });
    const clients = await Promise.all([0, 1, 2, 3, 4].map(() => pool.connect()));
    const results = await Promise.all(clients.map((c) => migratePostgres(c, 'test', steps)));
    expect(results.filter((r) => r.ok && r.value.from === 0)).toHaveLength(1);
    expect(results.every((r) => r.ok && r.value.to === 1)).toBe(true);
    expect(await query(url, 'SELECT count(*)::int AS n FROM once')).toEqual([{ n: 1 }]);

    const failing: PostgresMigration = {
      version: 2,
      change: 'fails half way',
      up: async (c) => {
        await c.query('INSERT INTO once VALUES (2)');
        throw new Error('step 2 broke');
      },
    };
    const first = clients[0] as pg.PoolClient;
    await expect(migratePostgres(first, 'test', [...steps, failing])).rejects.toThrow('step 2 broke');
    expect(await query(url, 'SELECT count(*)::int AS n FROM once')).toEqual([{ n: 1 }]);
    expect(await query(url, `SELECT version FROM ${VERSION_TABLE} WHERE part = 'test'`)).toEqual([
      { version: 1 },
    ]);
    for (const c of clients) c.release();
    await pool.end();
  });
});
