import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

describe('backoffDelay', () => {
  it('stays within half and all of min(cap, base·2^attempt), never above the cap', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
          const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThan(ceiling + 1);
          expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
        },
      ),
    );
  });

  it('grows with the attempt until the cap', () => {
    const fixed = () => 0.5;
    const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, DEFAULT_BACKOFF, fixed));
    expect(delays).toEqual([75, 150, 300, 600, 1200, 2400, 3750, 3750]);
  });
});
