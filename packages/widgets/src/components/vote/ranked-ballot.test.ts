import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropIndex, moved } from './ranked-ballot.js';

describe('a ranked ballot’s moves', () => {
  it('a move keeps every option once, puts the moved one where it was dropped, and keeps the others’ order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (ranking, a, b) => {
          const from = a % ranking.length;
          const to = b % ranking.length;
          const next = moved(ranking, from, to);
          expect([...next].sort()).toEqual([...ranking].sort());
          expect(next[to]).toBe(ranking[from]);
          const others = (list: readonly string[]) => list.filter((x) => x !== ranking[from]);
          expect(others(next)).toEqual(others(ranking));
        },
      ),
    );
  });

  it('a drop lands in the list, after every other row whose middle the pointer passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.integer({ min: -100, max: 1000 }),
        (n, a, y) => {
          const middles = Array.from({ length: n }, (_, i) => 50 + i * 100);
          const from = a % n;
          const to = dropIndex(middles, from, y);
          expect(to).toBeGreaterThanOrEqual(0);
          expect(to).toBeLessThan(n);
          // Held where it was picked up, the row stays in place.
          expect(dropIndex(middles, from, middles[from] ?? 0)).toBe(from);
        },
      ),
    );
  });
});
