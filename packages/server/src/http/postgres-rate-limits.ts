import { createHash } from 'node:crypto';
import { LinliException } from '@linli/core';
import type pg from 'pg';
import { migratePostgres, type PostgresMigration } from '../stores/migrations.js';
import { RATE_WINDOW_MS, type RateLimiter, type RateLimits } from './rate-limit.js';

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
 * The window start in ms (as `windowStart`), from the caller's clock (`$2`, ms) or else the
 * database's: with no clock
 * injected every process counts on the database's one clock, so none is off by its own skew.
 */
const WINDOW = `(floor(COALESCE($2::double precision, extract(epoch FROM clock_timestamp())::double precision * 1000) / ${RATE_WINDOW_MS}) * ${RATE_WINDOW_MS})::bigint`;

/**
 * One take: the key's row is created, counted on in its window, or restarted in a newer one, in one
 * statement. Concurrent takes of one key queue on its row lock, so the count is exact. A take from a
 * process whose clock lags (only with injected clocks) counts in the newer window, never resets it.
 */
const TAKE = `
  INSERT INTO linli_rate_limits AS r (key, window_start, count) VALUES ($1, ${WINDOW}, 1)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.window_start >= EXCLUDED.window_start THEN r.count + 1 ELSE 1 END,
    window_start = GREATEST(r.window_start, EXCLUDED.window_start)
  RETURNING count`;

/** Rows of windows before the current one count nothing any more. */
const SWEEP = `DELETE FROM linli_rate_limits WHERE window_start < ${WINDOW.replace('$2', '$1')}`;

/** How often one process sweeps expired windows, ms (at its next take after that). */
const SWEEP_EVERY = 5 * RATE_WINDOW_MS;

/**
 * The row key of a limit's key: a hash, so the table holds no client address or household in the
 * clear, every key has one length, and the NUL separators the routes use (which PostgreSQL text
 * cannot hold) never reach it.
 */
const rowKey = (name: string, key: string): string =>
  createHash('sha256').update(name).update('\u0000').update(key).digest('base64url');

/**
 * Rate limits kept in PostgreSQL (`linli_rate_limits`), shared by every server process on the
 * database: a household's 60 commands a minute are 60 whichever processes they reach. Each take is
 * one `INSERT … ON CONFLICT DO UPDATE … RETURNING count`; windows past are swept now and then. A
 * take whose statement fails rejects, and the route refuses the request (`log.unavailable`).
 */
export class PostgresRateLimits implements RateLimits {
  private nextSweep = 0;

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
      take: async (key) => {
        const at = this.now?.() ?? null;
        const { rows } = await this.db.query<{ count: number }>(TAKE, [rowKey(name, key), at]);
        this.sweepSometimes(at);
        return (rows[0]?.count ?? Number.POSITIVE_INFINITY) <= perMinute;
      },
    };
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
