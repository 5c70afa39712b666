/**
 * Counts requests per key in fixed one-minute windows. A key over its limit is refused until its
 * window ends. Expired windows are dropped once the table passes 10,000 keys, so many distinct
 * callers cannot grow it without end.
 */
export class RateLimit {
  private readonly windows = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`; false when it is over the limit. */
  take(key: string): boolean {
    const now = this.now();
    const seen = this.windows.get(key);
    const window = seen && now - seen.since < 60_000 ? seen : { count: 0, since: now };
    window.count += 1;
    this.windows.set(key, window);
    if (this.windows.size > 10_000)
      for (const [k, w] of this.windows) if (now - w.since >= 60_000) this.windows.delete(k);
    return window.count <= this.perMinute;
  }
}
