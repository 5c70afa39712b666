import type { DueWork } from '@linli/core';
import { LinliException } from '@linli/core';
import Database from 'better-sqlite3';
import { migrateSqlite, type SqliteMigration } from '../stores/migrations.js';
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

/** The due-work file's schema steps (`PRAGMA user_version`). */
export const sqliteDueWorkMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    change: 'the due_work table: one row per community and key, with its lease',
    up: (db) => {
      db.exec(`
        CREATE TABLE due_work (
          community TEXT NOT NULL,
          key TEXT NOT NULL,
          due_at INTEGER NOT NULL,
          lease_owner TEXT,
          lease_until INTEGER,
          done_at INTEGER,
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          command TEXT,
          PRIMARY KEY (community, key)
        ) WITHOUT ROWID;
        CREATE INDEX due_work_pending ON due_work (due_at) WHERE done_at IS NULL;
      `);
    },
  },
];

/**
 * The due-work table in its own SQLite file beside the log (`due-work.sqlite`). One process serves a
 * SQLite folder, but an administrative command may record work at the same time: a claim is one
 * IMMEDIATE transaction, so two claimers never lease the same row.
 */
export class SqliteDueWork implements DueWorkTable {
  private constructor(private readonly db: Database.Database) {}

  static open(path: string): SqliteDueWork {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const migrated = migrateSqlite(db, path, sqliteDueWorkMigrations);
    if (!migrated.ok) {
      db.close();
      throw new LinliException(migrated.error);
    }
    return new SqliteDueWork(db);
  }

  async record(community: string, work: DueWork): Promise<void> {
    const { items, check } = recordedRows(work);
    const add = this.db.prepare(
      'INSERT INTO due_work (community, key, due_at, command) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.db
      .transaction(() => {
        for (const [key, dueAt, command] of items) add.run(community, key, dueAt, command);
        if (check === undefined)
          this.db.prepare('DELETE FROM due_work WHERE community = ? AND key = ?').run(community, CHECK_KEY);
        else
          this.db
            .prepare(
              `INSERT INTO due_work (community, key, due_at) VALUES (?, ?, ?)
               ON CONFLICT DO UPDATE SET due_at = excluded.due_at, done_at = NULL, lease_owner = NULL,
                 lease_until = NULL, attempts = 0, last_error = NULL`,
            )
            .run(community, CHECK_KEY, check);
      })
      .immediate();
  }

  async claim(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedWork[]> {
    const select = this.db.prepare<[number, number, number], { community: string; key: string }>(
      `SELECT community, key FROM due_work
       WHERE done_at IS NULL AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
       ORDER BY due_at LIMIT ?`,
    );
    const lease = this.db.prepare<[string, number, string, string], DueWorkColumns>(
      `UPDATE due_work SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
       WHERE community = ? AND key = ? RETURNING *`,
    );
    return this.db
      .transaction(() =>
        select
          .all(now, now, limit)
          .map((r) =>
            claimedOf(rowOf(lease.get(owner, now + leaseMs, r.community, r.key) as DueWorkColumns)),
          ),
      )
      .immediate();
  }

  async complete(work: ClaimedWork, owner: string, now: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE due_work SET done_at = ?, lease_until = NULL, last_error = NULL
         WHERE community = ? AND key = ? AND lease_owner = ?`,
      )
      .run(now, work.community, work.key, owner);
  }

  async fail(work: ClaimedWork, owner: string, error: string, retryAt: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE due_work SET due_at = ?, lease_owner = NULL, lease_until = NULL, last_error = ?
         WHERE community = ? AND key = ? AND lease_owner = ?`,
      )
      .run(retryAt, error, work.community, work.key, owner);
  }

  async forget(work: ClaimedWork, owner: string): Promise<void> {
    this.db
      .prepare('DELETE FROM due_work WHERE community = ? AND key = ? AND lease_owner = ? AND done_at IS NULL')
      .run(work.community, work.key, owner);
  }

  async rows(community: string): Promise<DueWorkRow[]> {
    return this.db
      .prepare<[string], DueWorkColumns>('SELECT * FROM due_work WHERE community = ? ORDER BY key')
      .all(community)
      .map(rowOf);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
