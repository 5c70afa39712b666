import {
  type AppendGroup,
  type AppendGroupsOptions,
  type AppendPlan,
  type AppendPlannedOptions,
  EMPTY_HEAD,
  type EventStore,
  err,
  GroupCommitStore,
  type LinliError,
  type LoggedEvent,
  type LogHead,
  linliError,
  ok,
  type PlannedAppend,
  type ReadOptions,
  type Result,
  randomSalt,
  type SaltSource,
  type StoreListener,
  sealGroups,
} from '@linli/core';
import type pg from 'pg';
import { unreachable } from './database-errors.js';
import type { PostgresMigration } from './migrations.js';
import { OrderedDelivery } from './ordered-delivery.js';
import { EVENTS_CHANNEL, PostgresDatabase, type PostgresDatabaseOptions } from './postgres-database.js';

interface Row {
  seq: string;
  at: string;
  actor: string;
  type: string;
  payload: unknown;
  prev_hash: string;
  hash: string;
  /** A format-2 event's salt; NULL for a format-1 event. */
  salt: string | null;
}

/**
 * The event log's schema steps (the `events` row of the version table). Step 1 is the schema as it
 * was before versions, reached from any earlier database: an empty one, or one written before
 * format 2 (its events gain a NULL salt and stay format 1).
 */
export const postgresEventMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    change: 'linli_events (partitioned by community) and linli_requests; the salt column',
    up: async (client) => {
      await client.query(`CREATE TABLE IF NOT EXISTS linli_events (
        community text NOT NULL,
        seq bigint NOT NULL,
        at text NOT NULL,
        actor text NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        salt text,
        PRIMARY KEY (community, seq)
      ) PARTITION BY LIST (community)`);
      await client.query('ALTER TABLE linli_events ADD COLUMN IF NOT EXISTS salt text');
      await client.query(`CREATE TABLE IF NOT EXISTS linli_requests (
        community text NOT NULL,
        request_key text NOT NULL,
        first_seq bigint NOT NULL,
        last_seq bigint NOT NULL,
        PRIMARY KEY (community, request_key)
      )`);
    },
  },
];

function toEvent(row: Row): LoggedEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    type: row.type,
    payload: row.payload,
    ...(row.salt === null ? {} : { v: 2 as const, salt: row.salt }),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A PostgreSQL identifier for a community's partition: letters, digits and `_` only. */
function partitionName(community: string): string {
  return `linli_events_${community.replace(/[^A-Za-z0-9]/g, '_').slice(0, 40)}_${hashCode(community)}`;
}

function hashCode(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** Options of {@link PostgresStore.on} and {@link PostgresStore.open}. */
export interface PostgresStoreOptions {
  /** Draws new events' salts (default: the platform's cryptographic generator). */
  readonly salt?: SaltSource;
}

/** A plan that threw: rethrown to the caller after the transaction is rolled back. */
class PlanFailure {
  constructor(readonly cause: unknown) {}
}

const unavailable = (e: unknown): LinliError =>
  linliError('log.unavailable', [], { reason: e instanceof Error ? e.message : String(e) });

/**
 * An {@link EventStore} in PostgreSQL, for deployments that outgrow one machine: one table
 * partitioned by community (a partition per community), `(community, seq)` as the primary key, and
 * appends that take a per-community advisory lock, check the head and insert in one transaction — so
 * several server processes behind a load balancer can append concurrently without ever losing or
 * duplicating an event. Appends are announced with NOTIFY, so every process's subscribers hear them.
 *
 * Every community's store in a process runs on that process's one {@link PostgresDatabase}: its
 * shared pool and its one LISTEN connection. A database failure is answered as `log.unavailable`
 * (appends) or a rejected read; it never ends the process.
 */
export class PostgresStore extends GroupCommitStore {
  private readonly listeners = new Set<StoreListener>();
  private readonly delivery: OrderedDelivery;
  /** Set while LISTEN is being established; this process's appends wait for it, so none is missed. */
  private listening: Promise<void> | undefined;
  private stopListening: (() => void) | undefined;
  /** Reading the head the subscription starts after (once LISTEN is in place). */
  private beginning: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly database: PostgresDatabase,
    private readonly community: string,
    private readonly salt: SaltSource,
    private readonly ownsDatabase: boolean,
  ) {
    super();
    this.delivery = new OrderedDelivery({
      read: (afterSeq) => this.read({ afterSeq }),
      deliver: (events) => this.deliver(events),
      failed: (e) => {
        if (!this.closed) console.error(`linli: community ${community}: reading new events failed: ${e}`);
      },
    });
  }

  /**
   * The store of `community` on a process's shared `database`: migrates the log's schema (once per
   * process, {@link postgresEventMigrations}) and creates the community's partition if needed.
   * Closing the store leaves the database open. Throws a `LinliException` with
   * `log.schema_too_new`, changing nothing, for a database newer than the code.
   */
  static async on(
    database: PostgresDatabase,
    community: string,
    options: PostgresStoreOptions = {},
  ): Promise<PostgresStore> {
    await PostgresStore.prepare(database, community);
    return new PostgresStore(database, community, options.salt ?? randomSalt, false);
  }

  private static async prepare(database: PostgresDatabase, community: string): Promise<void> {
    await database.migrate('events', postgresEventMigrations);
    const name = partitionName(community);
    const literal = `'${community.replaceAll("'", "''")}'`;
    await database.ensurePartition(community, async (client) => {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF linli_events FOR VALUES IN (${literal})`,
      );
    });
  }

  /**
   * A store with a database of its own (a pool and a LISTEN connection, closed with the store): for
   * a one-off command or a test. A server process uses {@link PostgresStore.on} with its one database.
   */
  static async open(
    connectionString: string,
    community: string,
    options: PostgresStoreOptions & PostgresDatabaseOptions = {},
  ): Promise<PostgresStore> {
    return PostgresDatabase.owned(connectionString, options, async (database) => {
      await PostgresStore.prepare(database, community);
      return new PostgresStore(database, community, options.salt ?? randomSalt, true);
    });
  }

  /** Whether the database answers, as far as this process knows (its LISTEN connection is up). */
  get reachable(): boolean {
    return this.database.reachable;
  }

  /**
   * Appends several commands' events in one transaction — one commit, one fsync, one NOTIFY — with
   * every event in one multi-row INSERT and every request key in another.
   */
  async appendGroups(
    groups: readonly AppendGroup[],
    options: AppendGroupsOptions,
  ): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError>> {
    const appended = await this.underLock(options.expectedSeq, async (client) => {
      const last = await client.query<Pick<Row, 'seq' | 'hash'>>(
        'SELECT seq, hash FROM linli_events WHERE community = $1 ORDER BY seq DESC LIMIT 1',
        [this.community],
      );
      const row = last.rows[0];
      const head = row ? { seq: Number(row.seq), hash: row.hash } : EMPTY_HEAD;
      if (head.seq !== options.expectedSeq)
        return err(linliError('log.conflict', [], { expectedSeq: options.expectedSeq, actualSeq: head.seq }));
      const sealed = sealGroups(groups, head, this.salt);
      await this.insert(client, groups, sealed);
      return ok(sealed);
    });
    if (appended.ok) this.delivery.offer(appended.value.flat());
    return appended;
  }

  /**
   * Appends what `plan` decides under the community's advisory lock (see
   * {@link EventStore.appendPlanned}): in one transaction it reads the events after `afterSeq`,
   * hands them to the plan, seals and inserts what it answers, records the request keys and
   * notifies. A plan that appends nothing writes and announces nothing. A plan that throws rolls the
   * transaction back and its exception reaches the caller.
   */
  async appendPlanned(
    plan: AppendPlan,
    options: AppendPlannedOptions,
  ): Promise<Result<PlannedAppend, LinliError>> {
    const { afterSeq } = options;
    const appended = await this.underLock(afterSeq, async (client) => {
      const result = await client.query<Row>(
        'SELECT * FROM linli_events WHERE community = $1 AND seq >= $2 ORDER BY seq',
        [this.community, afterSeq],
      );
      const rows = result.rows.map(toEvent);
      const from = afterSeq === 0 ? undefined : rows[0];
      // The caller claims to have folded events the log does not have: nothing to plan on.
      if (afterSeq > 0 && from?.seq !== afterSeq)
        return err(
          linliError('log.conflict', [], { expectedSeq: afterSeq, actualSeq: rows.at(-1)?.seq ?? 0 }),
        );
      const caughtUp = from ? rows.slice(1) : rows;
      const last = caughtUp.at(-1) ?? from;
      const head: LogHead = last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
      let groups: readonly AppendGroup[];
      try {
        groups = plan(caughtUp);
      } catch (e) {
        throw new PlanFailure(e);
      }
      const sealed = sealGroups(groups, head, this.salt);
      await this.insert(client, groups, sealed);
      return ok({ caughtUp, sealed });
    });
    // Committed: subscribers hear these from here, and the notification of them reads nothing again.
    if (appended.ok) this.delivery.offer([...appended.value.caughtUp, ...appended.value.sealed.flat()]);
    return appended;
  }

  /**
   * One append transaction under the community's advisory lock: `work` answers what to commit (an
   * error rolls back). A unique violation on a request key is `log.conflict`; a lost or refused
   * connection is `log.unavailable`.
   */
  private async underLock<T>(
    expectedSeq: number,
    work: (client: pg.PoolClient) => Promise<Result<T, LinliError>>,
  ): Promise<Result<T, LinliError>> {
    await this.listening?.catch(() => undefined);
    let client: pg.PoolClient;
    try {
      client = await this.database.pool.connect();
    } catch (e) {
      return err(unavailable(e));
    }
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.community]);
      const result = await work(client);
      await client.query(result.ok ? 'COMMIT' : 'ROLLBACK');
      client.release();
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A connection that failed is discarded, not handed to the next append.
      client.release(unreachable(e));
      if (e instanceof PlanFailure) throw e.cause;
      if ((e as { code?: string }).code === '23505')
        return err(linliError('log.conflict', [], { expectedSeq, actualSeq: -1 }));
      return err(unavailable(e));
    }
  }

  /**
   * Inserts sealed groups and notifies, in ONE statement (a multi-row INSERT each for events and
   * request keys, and the NOTIFY, as data-modifying CTEs): it runs under the community's lock, and
   * each round trip there holds up every other process's append (measured: three statements made
   * round-robin over two processes lock-bound).
   */
  private async insert(
    client: pg.PoolClient,
    groups: readonly AppendGroup[],
    sealed: readonly (readonly LoggedEvent[])[],
  ): Promise<void> {
    const events = sealed.flat();
    // Keys are recorded only with events: a group that appends nothing is written nowhere.
    if (events.length === 0) return;
    // In the same statement: a key used before (or twice here) violates the primary key and rolls back.
    const keyed = sealed.flatMap((group, i) => {
      const requestKey = groups[i]?.requestKey;
      const first = group[0];
      const lastEvent = group.at(-1);
      return requestKey !== undefined && first && lastEvent ? [{ requestKey, first, last: lastEvent }] : [];
    });
    await client.query(
      `WITH appended AS (
         INSERT INTO linli_events (community, seq, at, actor, type, payload, prev_hash, hash, salt)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[])
       ), keyed AS (
         INSERT INTO linli_requests (community, request_key, first_seq, last_seq)
         SELECT $1, * FROM unnest($10::text[], $11::bigint[], $12::bigint[])
       )
       SELECT pg_notify($13, $14)`,
      [
        this.community,
        events.map((e) => e.seq),
        events.map((e) => e.at),
        events.map((e) => e.actor),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.payload)),
        events.map((e) => e.prevHash),
        events.map((e) => e.hash),
        events.map((e) => e.salt ?? null),
        keyed.map((k) => k.requestKey),
        keyed.map((k) => k.first.seq),
        keyed.map((k) => k.last.seq),
        EVENTS_CHANNEL,
        JSON.stringify({ community: this.community, seq: events.at(-1)?.seq }),
      ],
    );
  }

  async read(options: ReadOptions = {}): Promise<readonly LoggedEvent[]> {
    const result = await this.database.pool.query<Row>(
      'SELECT * FROM linli_events WHERE community = $1 AND seq > $2 ORDER BY seq',
      [this.community, options.afterSeq ?? 0],
    );
    return result.rows.map(toEvent);
  }

  /** The events appended under an idempotency key, if any. */
  async appendedFor(requestKey: string): Promise<readonly LoggedEvent[] | undefined> {
    const range = await this.database.pool.query<{ first_seq: string; last_seq: string }>(
      'SELECT first_seq, last_seq FROM linli_requests WHERE community = $1 AND request_key = $2',
      [this.community, requestKey],
    );
    const row = range.rows[0];
    if (!row) return undefined;
    const result = await this.database.pool.query<Row>(
      'SELECT * FROM linli_events WHERE community = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
      [this.community, row.first_seq, row.last_seq],
    );
    return result.rows.map(toEvent);
  }

  /**
   * Hears appends from every process sharing the database (LISTEN/NOTIFY), starting after the head
   * the log had once LISTEN was in place. Each event is delivered exactly once and in seq order,
   * with no gap: a notification only says how far the log reached; the events are read after the last
   * delivered seq, one read at a time (see `OrderedDelivery`). After a lost LISTEN connection
   * is re-established, what was appended meanwhile is read and delivered. A listener that throws is
   * reported and does not stop the others.
   */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    // A failed LISTEN must not become an unhandled rejection (it ends an administrative command's
    // process with exit code 1); the LISTEN connection keeps retrying and catches up once in place.
    this.listening ??= this.listen().catch((e: unknown) => {
      if (!this.closed) console.error('linli: listening for other writers failed:', e);
    });
    return () => this.listeners.delete(listener);
  }

  private async listen(): Promise<void> {
    const stop = await this.database.listen(this.community, {
      announce: (seq) => this.delivery.announce(seq),
      resume: () => this.resume(),
    });
    if (this.closed) stop();
    else this.stopListening = stop;
    await this.beginning;
  }

  /** LISTEN is in place: the first time, find the head to start after; later, catch up. */
  private resume(): void {
    if (this.closed) return;
    if (this.delivery.lastDelivered !== undefined) {
      this.delivery.catchUp();
      return;
    }
    this.beginning ??= this.database.pool
      .query<{ seq: string }>('SELECT COALESCE(max(seq), 0) AS seq FROM linli_events WHERE community = $1', [
        this.community,
      ])
      .then((result) => this.delivery.begin(Number(result.rows[0]?.seq ?? 0)))
      .catch((e: unknown) => {
        // The database went away again at once: the next time LISTEN is in place tries again.
        this.beginning = undefined;
        if (!this.closed) console.error(`linli: community ${this.community}: reading the head failed: ${e}`);
      });
  }

  private deliver(events: readonly LoggedEvent[]): void {
    if (this.closed) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (e) {
        // One subscriber's failure is its own; it must neither skip the others nor end the process.
        console.error(`linli: community ${this.community}: a subscriber failed on new events:`, e);
      }
    }
  }

  /** Stops listening; closes the database too if the store opened its own ({@link PostgresStore.open}). */
  async close(): Promise<void> {
    this.closed = true;
    this.delivery.end();
    // A subscriber may still be starting to listen (a short-lived command closes at once): let it
    // finish, or fail quietly, before its connection and the pool go.
    await this.listening;
    this.stopListening?.();
    if (this.ownsDatabase) await this.database.close();
  }
}
