import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS, RateLimit, retryAfterSeconds, windowStart } from './rate-limit.js';

describe('RateLimit', () => {
  it('lets exactly `perMinute` requests of a key through per window, whatever other keys do', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 5_000 })), {
          maxLength: 200,
        }),
        (perMinute, requests) => {
          let now = 0;
          const limit = new RateLimit(perMinute, () => now);
          const counts = new Map<string, number>();
          for (const [key, wait] of requests) {
            const before = windowStart(now);
            now += wait;
            if (windowStart(now) !== before) counts.clear();
            const seen = (counts.get(key) ?? 0) + 1;
            counts.set(key, seen);
            expect(limit.takeNow(key)).toBe(seen <= perMinute);
          }
        },
      ),
    );
  });

  it('a refused key is let in again exactly when the wait it was told has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * RATE_WINDOW_MS }), (now) => {
        const seconds = retryAfterSeconds(now);
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(60);
        // Waiting the seconds told reaches the next window; a second less does not (unless under 1 s was left).
        expect(windowStart(now + seconds * 1000)).toBeGreaterThan(windowStart(now));
        if (seconds > 1) expect(windowStart(now + (seconds - 1) * 1000)).toBe(windowStart(now));
      }),
    );
  });
});
