import type { DueWork } from '@linli/core';
import type pg from 'pg';
import type { PostgresMigration } from '../stores/migrations.js';
import { PostgresDatabase } from '../stores/postgres-database.js';
import {
  CHECK_KEY,
  type ClaimedWork,
  claimedOf,
  type DueWorkColumns,
  type DueWorkRow,
  type DueWorkTable,
  recordedRows,
  rowOf,
} from './due-work-table.js';

/** A row's columns, the command as its JSON text (as in SQLite). */
const COLUMNS =
  'community, key, due_at, lease_owner, lease_until, done_at, attempts, last_error, command::text AS command';

/** The due-work table's schema steps (part `due-work` of the version table). */
export const postgresDueWorkMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    change: 'the linli_due_work table: one row per community and key, with its lease',
    up: async (client) => {
      await client.query(`
        CREATE TABLE linli_due_work (
          community text NOT NULL,
          key text NOT NULL,
          due_at bigint NOT NULL,
          lease_owner text,
          lease_until bigint,
          done_at bigint,
          attempts integer NOT NULL DEFAULT 0,
          last_error text,
          command jsonb,
          PRIMARY KEY (community, key)
        );
        CREATE INDEX linli_due_work_pending ON linli_due_work (due_at) WHERE done_at IS NULL;
      `);
    },
  },
];

/**
 * The due-work table in PostgreSQL, shared by every server process on the database. A claim is one
 * `UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) … RETURNING`: processes claiming at the same moment
 * each lease different rows and never wait on one another.
 */
export class PostgresDueWork implements DueWorkTable {
  private constructor(
    private readonly pool: pg.Pool,
    /** Closed with the table: a database it opened for itself ({@link PostgresDueWork.open}). */
    private readonly owned: PostgresDatabase | undefined,
  ) {}

  /** The table on a process's shared `database` (migrated once per process; a newer schema refused). */
  static async on(database: PostgresDatabase): Promise<PostgresDueWork> {
    await database.migrate('due-work', postgresDueWorkMigrations);
    return new PostgresDueWork(database.pool, undefined);
  }

  /** Connects with a database of its own (two connections), closed with the table. */
  static async open(connectionString: string): Promise<PostgresDueWork> {
    return PostgresDatabase.owned(connectionString, { poolSize: 2 }, async (database) => {
      await database.migrate('due-work', postgresDueWorkMigrations);
      return new PostgresDueWork(database.pool, database);
    });
  }

  async record(community: string, work: DueWork): Promise<void> {
    const { items, check } = recordedRows(work);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (items.length > 0)
        await client.query(
          `INSERT INTO linli_due_work (community, key, due_at, command)
           SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::jsonb[]) ON CONFLICT DO NOTHING`,
          [community, items.map(([key]) => key), items.map(([, dueAt]) => dueAt), items.map(([, , c]) => c)],
        );
      if (check === undefined)
        await client.query('DELETE FROM linli_due_work WHERE community = $1 AND key = $2', [
          community,
          CHECK_KEY,
        ]);
      else
        await client.query(
          `INSERT INTO linli_due_work (community, key, due_at) VALUES ($1, $2, $3)
           ON CONFLICT (community, key) DO UPDATE SET due_at = EXCLUDED.due_at, done_at = NULL,
             lease_owner = NULL, lease_until = NULL, attempts = 0, last_error = NULL`,
          [community, CHECK_KEY, check],
        );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async claim(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedWork[]> {
    const { rows } = await this.pool.query<DueWorkColumns>(
      `UPDATE linli_due_work AS w SET lease_owner = $1, lease_until = $2, attempts = w.attempts + 1
       FROM (SELECT community, key FROM linli_due_work
             WHERE done_at IS NULL AND due_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
             ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED) AS due
       WHERE w.community = due.community AND w.key = due.key
       RETURNING w.community, w.key, w.due_at, w.lease_owner, w.lease_until, w.done_at, w.attempts,
         w.last_error, w.command::text AS command`,
      [owner, now + leaseMs, now, limit],
    );
    return rows.map((row) => claimedOf(rowOf(row))).sort((a, b) => a.dueAt - b.dueAt);
  }

  async complete(work: ClaimedWork, owner: string, now: number): Promise<void> {
    await this.pool.query(
      `UPDATE linli_due_work SET done_at = $1, lease_until = NULL, last_error = NULL
       WHERE community = $2 AND key = $3 AND lease_owner = $4`,
      [now, work.community, work.key, owner],
    );
  }

  async fail(work: ClaimedWork, owner: string, error: string, retryAt: number): Promise<void> {
    await this.pool.query(
      `UPDATE linli_due_work SET due_at = $1, lease_owner = NULL, lease_until = NULL, last_error = $2
       WHERE community = $3 AND key = $4 AND lease_owner = $5`,
      [retryAt, error, work.community, work.key, owner],
    );
  }

  async forget(work: ClaimedWork, owner: string): Promise<void> {
    await this.pool.query(
      'DELETE FROM linli_due_work WHERE community = $1 AND key = $2 AND lease_owner = $3 AND done_at IS NULL',
      [work.community, work.key, owner],
    );
  }

  async rows(community: string): Promise<DueWorkRow[]> {
    const { rows } = await this.pool.query<DueWorkColumns>(
      `SELECT ${COLUMNS} FROM linli_due_work WHERE community = $1 ORDER BY key`,
      [community],
    );
    return rows.map(rowOf);
  }

  /** Closes the database if the table opened its own; a shared one stays open. */
  async close(): Promise<void> {
    await this.owned?.close();
  }
}
