import {
  type AppendGroup,
  type AppendGroupsOptions,
  EMPTY_HEAD,
  type EventStore,
  GroupCommitStore,
  type LinliError,
  LinliException,
  type LoggedEvent,
  linliError,
  type ReadOptions,
  type Result,
  randomSalt,
  type SaltSource,
  type StoreListener,
  sealGroups,
} from '@linli/core';
import pg from 'pg';
import { migratePostgres, type PostgresMigration, SCHEMA_LOCK } from './migrations.js';

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

const CHANNEL = 'linli_events';

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

/**
 * An {@link EventStore} in PostgreSQL, for deployments that outgrow one machine: one table
 * partitioned by community (a partition per community), `(community, seq)` as the primary key, and
 * appends that take a per-community advisory lock, check the head and insert in one transaction — so
 * several server processes behind a load balancer can append concurrently without ever losing or
 * duplicating an event. Appends are announced with NOTIFY, so every process's subscribers hear them.
 */
export class PostgresStore extends GroupCommitStore {
  private readonly listeners = new Set<StoreListener>();
  private listener: pg.Client | undefined;
  /** Set while LISTEN is being established; this process's appends wait for it, so none is missed. */
  private listening: Promise<void> | undefined;
  private lastSeen = 0;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly community: string,
    private readonly salt: SaltSource,
  ) {
    super();
  }

  /**
   * Connects, migrates the database to the newest schema ({@link postgresEventMigrations}) and creates
   * the community's partition if needed. `salt` draws new events' salts (default: the platform's
   * cryptographic generator). Throws a {@link LinliException} with `log.schema_too_new`, changing
   * nothing, for a database newer than the code.
   */
  static async open(
    connectionString: string,
    community: string,
    options: { readonly salt?: SaltSource } = {},
  ): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: 10 });
    const client = await pool.connect();
    try {
      const migrated = await migratePostgres(client, 'events', postgresEventMigrations);
      if (!migrated.ok) throw new LinliException(migrated.error);
      // A community's partition is data, not schema: created on first use, under the schema lock.
      const name = partitionName(community);
      const literal = `'${community.replaceAll("'", "''")}'`;
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF linli_events FOR VALUES IN (${literal})`,
        );
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } catch (e) {
      client.release();
      await pool.end();
      throw e;
    }
    client.release();
    return new PostgresStore(pool, community, options.salt ?? randomSalt);
  }

  /**
   * Appends several commands' events in one transaction — one commit, one fsync, one NOTIFY — with
   * every event in one multi-row INSERT and every request key in another.
   */
  async appendGroups(
    groups: readonly AppendGroup[],
    options: AppendGroupsOptions,
  ): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError>> {
    await this.listening?.catch(() => undefined);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.community]);
      const last = await client.query<Row>(
        'SELECT * FROM linli_events WHERE community = $1 ORDER BY seq DESC LIMIT 1',
        [this.community],
      );
      const row = last.rows[0];
      const head = row ? { seq: Number(row.seq), hash: row.hash } : EMPTY_HEAD;
      if (head.seq !== options.expectedSeq) {
        await client.query('ROLLBACK');
        return {
          ok: false,
          error: linliError('log.conflict', [], { expectedSeq: options.expectedSeq, actualSeq: head.seq }),
        };
      }
      const sealed = sealGroups(groups, head, this.salt);
      const events = sealed.flat();
      if (events.length > 0)
        await client.query(
          `INSERT INTO linli_events (community, seq, at, actor, type, payload, prev_hash, hash, salt)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[])`,
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
          ],
        );
      // In the same transaction: a key used before (or twice here) violates the primary key and rolls back.
      const keyed = sealed.flatMap((group, i) => {
        const requestKey = groups[i]?.requestKey;
        const first = group[0];
        const lastEvent = group.at(-1);
        return requestKey !== undefined && first && lastEvent ? [{ requestKey, first, last: lastEvent }] : [];
      });
      if (keyed.length > 0)
        await client.query(
          `INSERT INTO linli_requests (community, request_key, first_seq, last_seq)
           SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[])`,
          [
            this.community,
            keyed.map((k) => k.requestKey),
            keyed.map((k) => k.first.seq),
            keyed.map((k) => k.last.seq),
          ],
        );
      if (events.length > 0)
        await client.query('SELECT pg_notify($1, $2)', [
          CHANNEL,
          JSON.stringify({ community: this.community, seq: events.at(-1)?.seq }),
        ]);
      await client.query('COMMIT');
      return { ok: true, value: sealed };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      if ((e as { code?: string }).code === '23505') {
        return {
          ok: false,
          error: linliError('log.conflict', [], { expectedSeq: options.expectedSeq, actualSeq: -1 }),
        };
      }
      return { ok: false, error: linliError('log.unavailable', [], { reason: (e as Error).message }) };
    } finally {
      client.release();
    }
  }

  async read(options: ReadOptions = {}): Promise<readonly LoggedEvent[]> {
    const result = await this.pool.query<Row>(
      'SELECT * FROM linli_events WHERE community = $1 AND seq > $2 ORDER BY seq',
      [this.community, options.afterSeq ?? 0],
    );
    return result.rows.map(toEvent);
  }

  /** The events appended under an idempotency key, if any. */
  async appendedFor(requestKey: string): Promise<readonly LoggedEvent[] | undefined> {
    const range = await this.pool.query<{ first_seq: string; last_seq: string }>(
      'SELECT first_seq, last_seq FROM linli_requests WHERE community = $1 AND request_key = $2',
      [this.community, requestKey],
    );
    const row = range.rows[0];
    if (!row) return undefined;
    const result = await this.pool.query<Row>(
      'SELECT * FROM linli_events WHERE community = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
      [this.community, row.first_seq, row.last_seq],
    );
    return result.rows.map(toEvent);
  }

  /** Hears appends from every process sharing the database (LISTEN/NOTIFY), in seq order. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    // A failed LISTEN must not become an unhandled rejection (it ends an administrative command's
    // process with exit code 1); appends are still read by the next writer's notification or read.
    this.listening ??= this.listen().catch((e: unknown) => {
      if (!this.closed) console.error('linli: listening for other writers failed:', e);
    });
    return () => this.listeners.delete(listener);
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    if (this.closed) {
      client.release();
      return;
    }
    this.listener = client as unknown as pg.Client;
    this.lastSeen = (await this.read()).at(-1)?.seq ?? 0;
    client.on('notification', async (message) => {
      const note = JSON.parse(message.payload ?? '{}') as { community?: string; seq?: number };
      if (this.closed || note.community !== this.community || (note.seq ?? 0) <= this.lastSeen) return;
      let events: readonly LoggedEvent[];
      try {
        events = await this.read({ afterSeq: this.lastSeen });
      } catch (e) {
        // Closed meanwhile, or the database briefly away: lastSeen stays, so the next notification
        // reads these events too. Never an unhandled rejection from an event handler.
        if (!this.closed) console.error('linli: reading after a notification failed:', e);
        return;
      }
      if (this.closed || events.length === 0) return;
      this.lastSeen = events.at(-1)?.seq ?? this.lastSeen;
      for (const l of this.listeners) l(events);
    });
    await client.query(`LISTEN ${CHANNEL}`);
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    // A subscriber may still be starting to listen (a short-lived command closes at once): let it
    // finish, or fail quietly, before its connection and the pool go.
    await this.listening;
    (this.listener as unknown as pg.PoolClient | undefined)?.release();
    await this.pool.end();
  }
}
