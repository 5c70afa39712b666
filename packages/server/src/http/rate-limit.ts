/** The length of a rate-limit window, ms: every limit counts requests per minute. */
export const RATE_WINDOW_MS = 60_000;

/**
 * The window a moment falls in, named by its start: windows are aligned to the minute (not to a
 * key's first request), so every process — and the database — agrees on where one ends.
 */
export function windowStart(now: number): number {
  return Math.floor(now / RATE_WINDOW_MS) * RATE_WINDOW_MS;
}

/**
 * Whole seconds until the window `now` falls in ends (at least 1): how long a key refused now must
 * wait, which every lockout message says.
 */
export function retryAfterSeconds(now: number): number {
  return Math.max(1, Math.ceil((windowStart(now) + RATE_WINDOW_MS - now) / 1000));
}

/** One limit: how many requests a key may make per window. */
export interface RateLimiter {
  /** The clock the windows are counted on, if not the system's (tests): what a refusal's wait is measured by. */
  readonly clock?: () => number;
  /**
   * Counts one request for `key`; resolves false when it is over the limit. Rejects when the counts
   * cannot be reached (a database that is down): the caller refuses the request then, it never
   * guesses.
   */
  take(key: string): Promise<boolean>;
}

/**
 * Where a server's limits keep their counts: in the process ({@link memoryRateLimits}, one process on
 * SQLite) or in PostgreSQL (`PostgresRateLimits`, shared by every process on the database).
 */
export interface RateLimits {
  /** The limit `name` (e.g. `sign-in`), allowing `perMinute` requests per key and window. */
  limiter(name: string, perMinute: number): RateLimiter;
}

/**
 * Counts requests per key in fixed one-minute windows, in this process's memory. A key over its
 * limit is refused until its window ends. Expired windows are dropped once the table passes 10,000
 * keys, so many distinct callers cannot grow it without end.
 */
export class RateLimit implements RateLimiter {
  private readonly windows = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.clock = now;
  }

  readonly clock: () => number;

  /** Counts one request for `key`; false when it is over the limit. */
  takeNow(key: string): boolean {
    const since = windowStart(this.now());
    const seen = this.windows.get(key);
    const window = seen && seen.since >= since ? seen : { count: 0, since };
    window.count += 1;
    this.windows.set(key, window);
    if (this.windows.size > 10_000)
      for (const [k, w] of this.windows) if (w.since < since) this.windows.delete(k);
    return window.count <= this.perMinute;
  }

  take(key: string): Promise<boolean> {
    return Promise.resolve(this.takeNow(key));
  }
}

/** Limits kept in this process: right for one process (SQLite), wrong for several on one database. */
export const memoryRateLimits: RateLimits = {
  limiter: (_name, perMinute) => new RateLimit(perMinute),
};
