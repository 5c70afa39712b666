import { createHash } from 'node:crypto';
import { LinliException } from '@linli/core';
import type pg from 'pg';
import { migratePostgres, type PostgresMigration } from '../stores/migrations.js';
import { RATE_WINDOW_MS, type RateLimiter, type RateLimits } from './rate-limit.js';
import { batchTakes, countOfTake, type QueuedTake, type TakeRow } from './take-batch.js';

/** What the limits need of a connection pool: one statement at a time (a `pg.Pool` fits). */
export interface PostgresQueryable {
  /** Runs one parameterized statement. */
  query<R extends pg.QueryResultRow>(text: string, values: readonly unknown[]): Promise<pg.QueryResult<R>>;
}

/** The rate-limit table's schema steps (part `rate-limits` of the version table). */
export const postgresRateLimitMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    change: 'the linli_rate_limits table: one counted window per limit and key, unlogged',
    up: async (client) => {
      // UNLOGGED: no WAL per request. A crash (or a failover to a standby) empties it, which only
      // restarts the current minute's counts.
      await client.query(`
        CREATE UNLOGGED TABLE linli_rate_limits (
          key text PRIMARY KEY,
          window_start bigint NOT NULL,
          count integer NOT NULL
        );
        CREATE INDEX linli_rate_limits_window ON linli_rate_limits (window_start);
      `);
    },
  },
];

/**
 * The window start in ms of the moment `ms` (a SQL expression, ms since the epoch, or NULL for the
 * database's clock): with no clock injected every process counts on the database's one clock, so none
 * is off by its own skew.
 */
const windowOf = (ms: string): string =>
  `(floor(COALESCE(${ms}::double precision, extract(epoch FROM clock_timestamp())::double precision * 1000) / ${RATE_WINDOW_MS}) * ${RATE_WINDOW_MS})::bigint`;

/**
 * One turn's takes in one statement: each key's row is created, counted on by the key's takes in its
 * window, or restarted in a newer one. Concurrent statements touching a key queue on its row lock, so
 * the count is exact; the keys come sorted (`ORDER BY i` over sorted arrays), so two processes' batches
 * lock rows in one order and never deadlock. A take from a process whose clock lags (only with
 * injected clocks) counts in the newer window, never resets it. Returns each key's count after the
 * statement: the key's takes got the counts up to it, in arrival order.
 */
const TAKE = `
  INSERT INTO linli_rate_limits AS r (key, window_start, count)
  SELECT k, ${windowOf('a')}, n FROM unnest($1::text[], $2::bigint[], $3::int[]) WITH ORDINALITY AS t(k, a, n, i)
  ORDER BY i
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.window_start >= EXCLUDED.window_start THEN r.count + EXCLUDED.count ELSE EXCLUDED.count END,
    window_start = GREATEST(r.window_start, EXCLUDED.window_start)
  RETURNING key, count`;

/** Rows of windows before the current one count nothing any more. */
const SWEEP = `DELETE FROM linli_rate_limits WHERE window_start < ${windowOf('$1')}`;

/** How often one process sweeps expired windows, ms (at its next take after that). */
const SWEEP_EVERY = 5 * RATE_WINDOW_MS;

/**
 * The row key of a limit's key: a hash, so the table holds no client address or household in the
 * clear, every key has one length, and the NUL separators the routes use (which PostgreSQL text
 * cannot hold) never reach it.
 */
const rowKey = (name: string, key: string): string =>
  createHash('sha256').update(name).update('\u0000').update(key).digest('base64url');

/** A take waiting for the end of its turn, with its verdict's limit and callbacks. */
interface PendingTake extends QueuedTake {
  readonly perMinute: number;
  readonly answer: (allowed: boolean) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * Rate limits kept in PostgreSQL (`linli_rate_limits`), shared by every server process on the
 * database: a household's 60 commands a minute are 60 whichever processes they reach. The takes that
 * arrive in one event-loop turn (every limit, every key) go to the database as one multi-row
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` (one round trip and one pooled connection for a burst
 * of requests, not one each); a key taken several times in the turn is counted once by that many and
 * its takes get their verdicts in arrival order, exactly as one by one. Windows past are swept now and
 * then. A batch whose statement fails rejects all its takes, and the routes refuse those requests
 * (`log.unavailable`).
 */
export class PostgresRateLimits implements RateLimits {
  private nextSweep = 0;
  private pending: PendingTake[] = [];

  /**
   * `db` is any pool (the process's shared one); `now` replaces the database's clock (tests). The
   * table must exist: {@link PostgresRateLimits.open} creates it.
   */
  constructor(
    private readonly db: PostgresQueryable,
    private readonly now?: () => number,
  ) {}

  /** Brings the table to the newest schema on one of `pool`'s connections, then counts on `pool`. */
  static async open(pool: pg.Pool, now?: () => number): Promise<PostgresRateLimits> {
    const client = await pool.connect();
    try {
      const migrated = await migratePostgres(client, 'rate-limits', postgresRateLimitMigrations);
      if (!migrated.ok) throw new LinliException(migrated.error);
    } finally {
      client.release();
    }
    return new PostgresRateLimits(pool, now);
  }

  /** The limit `name`, counted in `linli_rate_limits` under a hash of the name and each key. */
  limiter(name: string, perMinute: number): RateLimiter {
    return {
      ...(this.now ? { clock: this.now } : {}),
      take: (key) =>
        new Promise<boolean>((answer, fail) => {
          // The first take of a turn schedules the batch; every take until the turn ends joins it.
          if (this.pending.length === 0) setImmediate(() => void this.flush());
          this.pending.push({ key: rowKey(name, key), at: this.now?.() ?? null, perMinute, answer, fail });
        }),
    };
  }

  /** Counts the turn's takes, one statement per round (one, unless a key's takes straddle windows). */
  private async flush(): Promise<void> {
    const takes = this.pending;
    this.pending = [];
    const { rounds, slots } = batchTakes(takes);
    const totals = new Map<TakeRow, number>();
    try {
      for (const rows of rounds) {
        const { rows: counted } = await this.db.query<{ key: string; count: number }>(TAKE, [
          rows.map((row) => row.key),
          rows.map((row) => row.at),
          rows.map((row) => row.count),
        ]);
        const byKey = new Map(counted.map((row) => [row.key, row.count]));
        for (const row of rows) totals.set(row, byKey.get(row.key) ?? Number.POSITIVE_INFINITY);
      }
    } catch (e) {
      for (const take of takes) take.fail(e);
      return;
    }
    takes.forEach((take, i) => {
      const slot = slots[i];
      const total = slot ? totals.get(slot.row) : undefined;
      take.answer(slot !== undefined && total !== undefined && countOfTake(slot, total) <= take.perMinute);
    });
    this.sweepSometimes(takes[0]?.at ?? null);
  }

  /** Drops expired windows at most every `SWEEP_EVERY` ms per process, without holding up a take. */
  private sweepSometimes(at: number | null): void {
    const now = this.now?.() ?? Date.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY;
    // A failed sweep is retried at the next one; the rows it left count nothing.
    this.db.query(SWEEP, [at]).catch(() => undefined);
  }
}
