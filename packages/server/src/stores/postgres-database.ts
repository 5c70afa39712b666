import { LinliException } from '@linli/core';
import pg from 'pg';
import { SessionCache } from '../auth/session-cache.js';
import type { BackoffSettings } from './backoff.js';
import { ListenConnection } from './listen-connection.js';
import { migratePostgres, type PostgresMigration, SCHEMA_LOCK } from './migrations.js';

/** The one channel every process's appends are announced on; the payload names the community. */
export const EVENTS_CHANNEL = 'linli_events';

/** The pool's size when `LINLI_PG_POOL` does not say. */
export const DEFAULT_POOL_SIZE = 10;

/** A notification's payload: which community's log reached which seq. */
export interface EventsNotification {
  readonly community: string;
  readonly seq: number;
}

/**
 * The payload announcing that sessions (household or organizer tokens) of `community` ended: every
 * process drops the community's cached sessions. Processes of an older version ignore it (no `seq`).
 */
export function sessionsEndedPayload(community: string): string {
  return JSON.stringify({ community, sessionsEnded: true });
}

/** What the LISTEN connection dispatches to: one per open community store. */
export interface NotificationTarget {
  /** The log of this target's community reached `seq`. */
  announce(seq: number): void;
  /** LISTEN is (again) in place: read what was appended meanwhile. */
  resume(): void;
}

/** Options of {@link PostgresDatabase.open}. */
export interface PostgresDatabaseOptions {
  /** Connections in the shared pool (default {@link DEFAULT_POOL_SIZE}). */
  readonly poolSize?: number;
  /** How long a query waits for a connection before it fails as unavailable (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** How the LISTEN connection is retried after a loss. */
  readonly backoff?: BackoffSettings;
}

/** `LINLI_PG_POOL` as a pool size: a whole number from 1 to 1000, else undefined (a usage error). */
export function poolSizeFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return DEFAULT_POOL_SIZE;
  if (!/^[0-9]{1,4}$/.test(value)) return undefined;
  const size = Number(value);
  return size >= 1 && size <= 1000 ? size : undefined;
}

/**
 * One process's PostgreSQL: one `pg.Pool` shared by every community's event store, sign-in store, the
 * community registry, the due-work table (and anything else: {@link PostgresDatabase.pool}), plus one
 * LISTEN connection that dispatches each notification to the stores of its community open here. The
 * connection budget is therefore `poolSize + 1` per process, whatever the number of communities.
 *
 * Notifications use one channel with the community in the payload (a payload filter), not a
 * channel per community: one LISTEN however many communities open and close, no identifier
 * quoting, and processes of an older version (which listen on the same channel) keep hearing
 * everything during a rolling upgrade. A notification for a community not open here costs one
 * `JSON.parse` and a map lookup; no read.
 *
 * Nothing here exits the process: the pool and every client have an `error` handler, and a lost
 * LISTEN connection is re-established with backoff, after which every open store catches up.
 */
export class PostgresDatabase {
  private readonly targets = new Map<string, Set<NotificationTarget>>();
  private readonly listener: ListenConnection;
  /** Work done once per process: schema migrations, partitions. */
  private readonly done = new Map<string, Promise<void>>();
  private ended = false;
  /**
   * Tokens verified in this process, trusted only while LISTEN is in place (see {@link SessionCache});
   * use it through {@link PostgresDatabase.sessionCache}.
   */
  private readonly sessions = new SessionCache(() => this.listener.connected);

  private constructor(
    /** The shared pool; hand it to whatever else needs the database (e.g. a rate-limit table). */
    readonly pool: pg.Pool,
    connectionString: string,
    options: PostgresDatabaseOptions,
  ) {
    this.listener = new ListenConnection(
      { connectionString },
      EVENTS_CHANNEL,
      {
        notified: (payload) => this.dispatch(payload),
        listening: () => {
          // Sessions ended while LISTEN was away were not heard: forget every cached one.
          this.sessions.dropAll();
          for (const set of this.targets.values()) for (const target of set) target.resume();
        },
        lost: (error) => {
          this.sessions.dropAll();
          if (!this.ended) console.error(`linli: lost the database's LISTEN connection: ${describe(error)}`);
        },
      },
      options.backoff ? { backoff: options.backoff } : {},
    );
  }

  /** A database object for `connectionString`; connects lazily (nothing is opened until first used). */
  static open(connectionString: string, options: PostgresDatabaseOptions = {}): PostgresDatabase {
    const pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      keepAlive: true,
    });
    const database = new PostgresDatabase(pool, connectionString, options);
    // An idle pooled client that loses its server emits on the pool; a checked-out one on itself.
    pool.on('error', (e) => database.failed(e));
    pool.on('connect', (client) => client.on('error', (e) => database.failed(e)));
    return database;
  }

  /**
   * A database of its own for one object (a one-off command's store, a test): `build` makes the
   * object on it, which then closes the database with itself; if `build` fails, the database is closed.
   */
  static async owned<T>(
    connectionString: string,
    options: PostgresDatabaseOptions,
    build: (database: PostgresDatabase) => Promise<T>,
  ): Promise<T> {
    const database = PostgresDatabase.open(connectionString, options);
    try {
      return await build(database);
    } catch (e) {
      await database.close();
      throw e;
    }
  }

  /** Whether the database is reachable, as far as this process knows: LISTEN is in place. */
  get reachable(): boolean {
    return this.listener.connected;
  }

  /** The LISTEN backend's process id while connected. */
  get listenerPid(): number | undefined {
    return this.listener.backendPid;
  }

  /**
   * The process's cache of verified tokens; starts the LISTEN connection (in the background) that
   * keeps it prompt, and until that is in place the cache is bypassed.
   */
  sessionCache(): SessionCache {
    if (!this.ended) void this.listener.start();
    return this.sessions;
  }

  private failed(error: unknown): void {
    if (!this.ended) console.error(`linli: a database connection failed: ${describe(error)}`);
  }

  /**
   * Runs `work` once per `key` for this process, on one pooled connection: the first caller's result
   * for every caller. A failure (the database away, a newer schema) is not remembered: the next
   * caller tries again.
   */
  async once(key: string, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let done = this.done.get(key);
    if (!done) {
      done = this.withClient(work);
      this.done.set(key, done);
      done.catch(() => this.done.delete(key));
    }
    return done;
  }

  /** Runs `part`'s schema migrations once for this process (see `migratePostgres`). */
  async migrate(part: string, migrations: readonly PostgresMigration[]): Promise<void> {
    return this.once(`schema ${part}`, async (client) => {
      const result = await migratePostgres(client, part, migrations);
      if (!result.ok) throw new LinliException(result.error);
    });
  }

  /**
   * Runs `create` once per community for this process, under the schema lock (a community's
   * partition is data, not schema: created on first use).
   */
  async ensurePartition(community: string, create: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    return this.once(`partition ${community}`, async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await create(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    });
  }

  /** Runs `work` on one pooled connection, released (or discarded, after a failure) afterwards. */
  async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (e) {
      // A connection that failed mid-work is not handed to the next caller.
      client.release(e instanceof Error ? e : true);
      throw e;
    }
  }

  /**
   * Routes `community`'s notifications to `target` until the returned function is called; starts
   * the LISTEN connection on first use. Resolves once listening was first attempted (a target added
   * later, with LISTEN in place, is resumed at once).
   */
  async listen(community: string, target: NotificationTarget): Promise<() => void> {
    const set = this.targets.get(community) ?? new Set<NotificationTarget>();
    this.targets.set(community, set);
    set.add(target);
    const remove = () => {
      const current = this.targets.get(community);
      current?.delete(target);
      if (current?.size === 0) this.targets.delete(community);
    };
    const first = this.listener.start();
    await first;
    // Already listening before this target came: it begins now rather than at the next reconnect.
    if (this.listener.connected) target.resume();
    return remove;
  }

  private dispatch(payload: string): void {
    let note: Partial<EventsNotification> & { sessionsEnded?: unknown };
    try {
      note = JSON.parse(payload) as Partial<EventsNotification> & { sessionsEnded?: unknown };
    } catch {
      return; // not ours
    }
    if (typeof note.community === 'string' && note.sessionsEnded === true) {
      this.sessions.drop(note.community);
      return;
    }
    if (typeof note.community !== 'string' || typeof note.seq !== 'number') return;
    const set = this.targets.get(note.community);
    if (set) for (const target of set) target.announce(note.seq);
  }

  /** Stops listening and closes the pool (a process's last step). */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.listener.close();
    await this.pool.end();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
