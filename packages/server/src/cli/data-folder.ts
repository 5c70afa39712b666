import { resolve } from 'node:path';
import type { EventStore } from '@linli/core';
import type { AuthStore } from '../auth/auth-store.js';
import { PostgresAuthStore } from '../auth/postgres-auth-store.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { PostgresBlobStore } from '../blobs/postgres-blob-store.js';
import { SqliteBlobStore } from '../blobs/sqlite-blob-store.js';
import type { DueWorkTable } from '../due-work/due-work-table.js';
import { PostgresDueWork } from '../due-work/postgres-due-work.js';
import { SqliteDueWork } from '../due-work/sqlite-due-work.js';
import type { CommunityRegistry, RegisteredCommunity } from '../hosting/community-registry.js';
import { PostgresCommunityRegistry } from '../hosting/postgres-community-registry.js';
import { SqliteCommunityRegistry } from '../hosting/sqlite-community-registry.js';
import { PostgresRateLimits } from '../http/postgres-rate-limits.js';
import { memoryRateLimits, type RateLimits } from '../http/rate-limit.js';
import { PostgresDatabase, poolSizeFromEnv } from '../stores/postgres-database.js';
import { PostgresStore, postgresEventMigrations } from '../stores/postgres-store.js';
import { SqliteStore } from '../stores/sqlite-store.js';
import { UsageError } from './command-line.js';
import { ensureDataFolder } from './deployment.js';

/** The demo community's id (新福康里); its checkpoint keeps the name it had before other communities. */
export const DEMO_COMMUNITY = 'xfkl';

/**
 * Where the communities live, from the environment: `DATABASE_URL` (PostgreSQL) or the SQLite files
 * in `LINLI_DATA` (default `./data`). The signing key and checkpoints always live in the folder.
 *
 * On PostgreSQL the folder owns the process's one {@link PostgresDatabase} (a pool of
 * `LINLI_PG_POOL` connections, default 10, and one LISTEN connection): every community's event and
 * sign-in store, the registry and the due-work table share it, and {@link DataFolder.close} closes it.
 */
export class DataFolder {
  readonly dir: string;
  readonly databaseUrl: string | undefined;
  private readonly poolSize: number;
  private shared: PostgresDatabase | undefined;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.dir = resolve(env.LINLI_DATA || 'data');
    this.databaseUrl = env.DATABASE_URL || undefined;
    this.checkpointOverride = env.LINLI_CHECKPOINT_FILE || undefined;
    const poolSize = poolSizeFromEnv(env.LINLI_PG_POOL);
    if (poolSize === undefined)
      throw new UsageError(
        `LINLI_PG_POOL must be a number of connections (1-1000), not "${env.LINLI_PG_POOL}"`,
      );
    this.poolSize = poolSize;
    // A folder it may not use is one line and exit 1, never a stack trace.
    ensureDataFolder(this.dir);
  }

  private readonly checkpointOverride: string | undefined;

  /** The process's PostgreSQL (opened on first use), or undefined on SQLite. */
  get database(): PostgresDatabase | undefined {
    if (!this.databaseUrl) return undefined;
    this.shared ??= PostgresDatabase.open(this.databaseUrl, { poolSize: this.poolSize });
    return this.shared;
  }

  /** Closes the process's PostgreSQL pool and LISTEN connection, if opened (the last step of a stop). */
  async close(): Promise<void> {
    const database = this.shared;
    this.shared = undefined;
    await database?.close();
  }

  /** What the log is kept in, for messages. */
  get description(): string {
    return this.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : resolve(this.dir, 'linli.sqlite');
  }

  /** The hash of the one-time setup token, while the server waits for its first community (`/setup`). */
  get setupTokenFile(): string {
    return resolve(this.dir, 'setup-token.json');
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
    const database = this.database;
    return database
      ? PostgresStore.on(database, community)
      : SqliteStore.open(resolve(this.dir, 'linli.sqlite'), community);
  }

  /** The community's attachments: the `blobs` table of `linli.sqlite`, or PostgreSQL's `linli_blobs`. */
  async blobStore(community: string): Promise<BlobStore> {
    const database = this.database;
    return database
      ? PostgresBlobStore.on(database, community)
      : SqliteBlobStore.open(resolve(this.dir, 'linli.sqlite'), community);
  }

  async authStore(community: string): Promise<AuthStore> {
    const database = this.database;
    return database
      ? PostgresAuthStore.on(database, community)
      : SqliteAuthStore.open(resolve(this.dir, 'auth.sqlite'), community);
  }

  /** The due-work table every serving process shares: in PostgreSQL, or `due-work.sqlite` in the folder. */
  async dueWorkTable(): Promise<DueWorkTable> {
    const database = this.database;
    return database ? PostgresDueWork.on(database) : SqliteDueWork.open(resolve(this.dir, 'due-work.sqlite'));
  }

  /**
   * Where the rate limits count: in this process on SQLite (one serving process per folder), or in
   * PostgreSQL's `linli_rate_limits` on the process's shared pool, so every process on
   * `DATABASE_URL` counts against the same budget. Closing the folder closes what they use.
   */
  async rateLimits(): Promise<RateLimits> {
    const database = this.database;
    return database ? PostgresRateLimits.open(database.pool) : memoryRateLimits;
  }

  /**
   * Brings the log and sign-in databases to the newest schema (a server start does this before
   * serving anything); throws the stores' refusal for a database newer than the code. Opens no
   * community: the stores are opened for no community and closed at once.
   */
  async migrate(): Promise<void> {
    const database = this.database;
    if (database) await database.migrate('events', postgresEventMigrations);
    else SqliteStore.open(resolve(this.dir, 'linli.sqlite'), '').close();
    await (await this.authStore('')).close();
  }

  /**
   * The host's list of communities: `communities.sqlite` beside the logs, or `linli_communities`.
   * Created on first use, listing every community already in the log.
   */
  async registry(): Promise<CommunityRegistry> {
    const database = this.database;
    return database
      ? PostgresCommunityRegistry.on(database)
      : SqliteCommunityRegistry.open(
          resolve(this.dir, 'communities.sqlite'),
          resolve(this.dir, 'linli.sqlite'),
        );
  }

  /** The listed communities, by id. */
  async communities(): Promise<readonly RegisteredCommunity[]> {
    const registry = await this.registry();
    try {
      return await registry.list();
    } finally {
      await registry.close();
    }
  }
}
