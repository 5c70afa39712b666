import { type LinliError, linliError, type Result } from '@linli/core';
import type Database from 'better-sqlite3';
import type pg from 'pg';

/**
 * One step of a database's schema: the change that takes it from `version - 1` to `version`. Steps
 * are numbered 1, 2, 3, … in order; step 1 turns a database written before schema versions (or an
 * empty one) into version 1, so it must accept every shape such a database can have.
 */
export interface Migration<Db> {
  readonly version: number;
  /** What the step changes, for the log and the reader of the code. */
  readonly change: string;
  readonly up: (db: Db) => void | Promise<void>;
}

/** A step of a SQLite schema: synchronous, run inside the migrating transaction. */
export type SqliteMigration = Migration<Database.Database> & {
  readonly up: (db: Database.Database) => void;
};

/** A step of a PostgreSQL schema, run on the migrating transaction's client. */
export type PostgresMigration = Migration<pg.PoolClient> & {
  readonly up: (client: pg.PoolClient) => Promise<void>;
};

/** The versions a database had before and has after {@link migrateSqlite} or {@link migratePostgres}. */
export interface SchemaChange {
  readonly from: number;
  readonly to: number;
}

/**
 * The PostgreSQL advisory lock every schema change takes (the same one `PostgresStore` always took),
 * so processes starting together against one database migrate one after the other — the second finds
 * the work done.
 */
export const SCHEMA_LOCK = 7305;

/** The PostgreSQL table of schema versions: one row per versioned part (`events`, `auth`, …). */
export const VERSION_TABLE = 'linli_schema_versions';

function checkNumbering(steps: readonly { readonly version: number }[]): void {
  for (const [i, step] of steps.entries())
    if (step.version !== i + 1)
      throw new Error(`migration ${i + 1} is numbered ${step.version}: steps must run 1, 2, 3, …`);
}

function tooNew(database: string, found: number, supported: number): LinliError {
  return linliError('log.schema_too_new', [], { database, found, supported });
}

/**
 * Brings a SQLite file to the newest of `steps`, keeping its version in `PRAGMA user_version` (0 for
 * a file written before versions). Every pending step and the new version commit in one IMMEDIATE
 * transaction, so a failed step leaves the file as it was, and a second process opening the file at
 * the same moment waits and then finds nothing to do. A file newer than `steps` is refused
 * (`log.schema_too_new`) and left untouched: an older program must not write a schema it does not know.
 * `database` names the file in that message.
 */
export function migrateSqlite(
  db: Database.Database,
  database: string,
  steps: readonly SqliteMigration[],
): Result<SchemaChange, LinliError> {
  checkNumbering(steps);
  const run = db.transaction((): Result<SchemaChange, LinliError> => {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > steps.length) return { ok: false, error: tooNew(database, found, steps.length) };
    for (const step of steps.slice(found)) step.up(db);
    // The version lives in the file's header, written by the same transaction as the steps.
    if (found !== steps.length) db.pragma(`user_version = ${steps.length}`);
    return { ok: true, value: { from: found, to: steps.length } };
  });
  return run.immediate();
}

/**
 * Brings one `part` of a SQLite file (e.g. `blobs`) to the newest of `steps`, keeping its version in
 * the file's own {@link VERSION_TABLE} (no row: 0), as PostgreSQL does: a part added to a file that
 * another part versions in `PRAGMA user_version` (the events) gets numbers of its own, so neither
 * part's steps renumber the other's. One IMMEDIATE transaction, as {@link migrateSqlite}; a version
 * newer than `steps` is refused (`log.schema_too_new`) and the file left untouched.
 */
export function migrateSqlitePart(
  db: Database.Database,
  database: string,
  part: string,
  steps: readonly SqliteMigration[],
): Result<SchemaChange, LinliError> {
  checkNumbering(steps);
  const run = db.transaction((): Result<SchemaChange, LinliError> => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (part TEXT PRIMARY KEY, version INTEGER NOT NULL)`);
    const row = db
      .prepare<[string], { version: number }>(`SELECT version FROM ${VERSION_TABLE} WHERE part = ?`)
      .get(part);
    const found = row?.version ?? 0;
    if (found > steps.length)
      return { ok: false, error: tooNew(`${database} (${part})`, found, steps.length) };
    for (const step of steps.slice(found)) step.up(db);
    db.prepare(
      `INSERT INTO ${VERSION_TABLE} (part, version) VALUES (?, ?)
       ON CONFLICT (part) DO UPDATE SET version = excluded.version`,
    ).run(part, steps.length);
    return { ok: true, value: { from: found, to: steps.length } };
  });
  return run.immediate();
}

/**
 * Brings a PostgreSQL database's `part` (e.g. `events`) to the newest of `steps`, keeping its version
 * in {@link VERSION_TABLE} (no row: written before versions, 0). Runs in one transaction under the
 * advisory lock {@link SCHEMA_LOCK}, so several processes starting at once migrate once and a failed
 * step changes nothing. A version newer than `steps` is refused (`log.schema_too_new`), untouched.
 */
export async function migratePostgres(
  client: pg.PoolClient,
  part: string,
  steps: readonly PostgresMigration[],
): Promise<Result<SchemaChange, LinliError>> {
  checkNumbering(steps);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (part text PRIMARY KEY, version integer NOT NULL)`,
    );
    const row = await client.query<{ version: number }>(
      `SELECT version FROM ${VERSION_TABLE} WHERE part = $1`,
      [part],
    );
    const found = row.rows[0]?.version ?? 0;
    if (found > steps.length) {
      await client.query('ROLLBACK');
      return { ok: false, error: tooNew(`PostgreSQL (${part})`, found, steps.length) };
    }
    for (const step of steps.slice(found)) await step.up(client);
    await client.query(
      `INSERT INTO ${VERSION_TABLE} (part, version) VALUES ($1, $2)
       ON CONFLICT (part) DO UPDATE SET version = EXCLUDED.version`,
      [part, steps.length],
    );
    await client.query('COMMIT');
    return { ok: true, value: { from: found, to: steps.length } };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
