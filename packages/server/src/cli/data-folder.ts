import { resolve } from 'node:path';
import type { EventStore } from '@linli/core';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AuthStore } from '../auth/auth-store.js';
import { PostgresAuthStore } from '../auth/postgres-auth-store.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import type { DueWorkTable } from '../due-work/due-work-table.js';
import { PostgresDueWork } from '../due-work/postgres-due-work.js';
import { SqliteDueWork } from '../due-work/sqlite-due-work.js';
import { PostgresStore } from '../stores/postgres-store.js';
import { SqliteStore } from '../stores/sqlite-store.js';
import { ensureDataFolder } from './deployment.js';

/** The demo community's id (新福康里); its checkpoint keeps the name it had before other communities. */
export const DEMO_COMMUNITY = 'xfkl';

/**
 * Where the communities live, from the environment: `DATABASE_URL` (PostgreSQL) or the SQLite files
 * in `LINLI_DATA` (default `./data`). The signing key and checkpoints always live in the folder.
 */
export class DataFolder {
  readonly dir: string;
  readonly databaseUrl: string | undefined;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.dir = resolve(env.LINLI_DATA || 'data');
    this.databaseUrl = env.DATABASE_URL || undefined;
    this.checkpointOverride = env.LINLI_CHECKPOINT_FILE || undefined;
    // A folder it may not use is one line and exit 1, never a stack trace.
    ensureDataFolder(this.dir);
  }

  private readonly checkpointOverride: string | undefined;

  /** What the log is kept in, for messages. */
  get description(): string {
    return this.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : resolve(this.dir, 'linli.sqlite');
  }

  get keyFile(): string {
    return resolve(this.dir, 'signing-key.pem');
  }

  /** The community's last signed head (`LINLI_CHECKPOINT_FILE` moves the demo community's). */
  checkpointFile(community: string): string {
    if (community === DEMO_COMMUNITY)
      return resolve(this.checkpointOverride ?? resolve(this.dir, 'checkpoint.json'));
    return resolve(this.dir, `checkpoint.${community}.json`);
  }

  async eventStore(community: string): Promise<EventStore & { close(): unknown }> {
    return this.databaseUrl
      ? PostgresStore.open(this.databaseUrl, community)
      : SqliteStore.open(resolve(this.dir, 'linli.sqlite'), community);
  }

  async authStore(community: string): Promise<AuthStore> {
    return this.databaseUrl
      ? PostgresAuthStore.open(this.databaseUrl, community)
      : SqliteAuthStore.open(resolve(this.dir, 'auth.sqlite'), community);
  }

  /** The due-work table every serving process shares: in PostgreSQL, or `due-work.sqlite` in the folder. */
  async dueWorkTable(): Promise<DueWorkTable> {
    return this.databaseUrl
      ? PostgresDueWork.open(this.databaseUrl)
      : SqliteDueWork.open(resolve(this.dir, 'due-work.sqlite'));
  }

  /** The communities whose logs hold at least one event, by id. */
  async communities(): Promise<readonly string[]> {
    if (this.databaseUrl) {
      const client = new pg.Client({ connectionString: this.databaseUrl });
      await client.connect();
      try {
        const exists = await client.query("SELECT to_regclass('linli_events') IS NOT NULL AS found");
        if (!(exists.rows[0] as { found: boolean }).found) return [];
        const { rows } = await client.query<{ community: string }>(
          'SELECT DISTINCT community FROM linli_events ORDER BY community',
        );
        return rows.map((r) => r.community);
      } finally {
        await client.end();
      }
    }
    const db = new Database(resolve(this.dir, 'linli.sqlite'));
    try {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
      if (!table) return [];
      return (
        db.prepare('SELECT DISTINCT community FROM events ORDER BY community').all() as {
          community: string;
        }[]
      ).map((r) => r.community);
    } finally {
      db.close();
    }
  }
}
