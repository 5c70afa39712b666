import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';

const total = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
/** 1–40 weights with unique keys, at least one weight positive. */
const rows = fc
  .uniqueArray(
    fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.nat({ max: 1_000_000 }) }),
    {
      minLength: 1,
      maxLength: 40,
      selector: (r) => r.key,
    },
  )
  .filter((rs) => rs.some((r) => r.weight > 0));
const split = (
  t: number,
  rs: { key: string; weight: number }[],
  method: 'hamilton' | 'webster' = 'hamilton',
) =>
  allocate(
    t,
    rs.map((r) => r.weight),
    { keys: rs.map((r) => r.key), method },
  );
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('allocate: the guarantees G1–G9 the README states', () => {
  it('G1 exact sum', () => {
    fc.assert(
      fc.property(total, rows, (t, rs) => {
        expect(sum(split(t, rs).shares)).toBe(t);
      }),
    );
  });

  it('G2 quota: each share is ⌊q⌋ or ⌈q⌉ of its exact quota', () => {
    fc.assert(
      fc.property(total, rows, (t, rs) => {
        const allocation = split(t, rs);
        allocation.shares.forEach((s, i) => {
          const q = allocation.quota(i);
          const diff = BigInt(s) * q.denominator - q.numerator; // (share − q) · den
          expect(diff > -q.denominator && diff < q.denominator).toBe(true);
        });
      }),
    );
  });

  it('G3 zero weight gets 0 and still appears as a row', () => {
    fc.assert(
      fc.property(total, rows, (t, rs) => {
        const withZero = [...rs, { key: '\uffffzero', weight: 0 }];
        const { shares } = split(t, withZero);
        expect(shares).toHaveLength(withZero.length);
        expect(shares.at(-1)).toBe(0);
      }),
    );
  });

  it('G4 equal weights differ by at most 1 fen', () => {
    fc.assert(
      fc.property(total, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 1000 }), (t, n, w) => {
        const { shares } = allocate(t, new Array(n).fill(w));
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('G5 order-free: shuffling the rows changes no one’s share', () => {
    fc.assert(
      fc.property(total, rows, fc.nat(), (t, rs, seed) => {
        const shuffled = [...rs].sort(
          (a, b) => ((a.key.charCodeAt(0) * 31 + seed) % 97) - ((b.key.charCodeAt(0) * 31 + seed) % 97),
        );
        const original = split(t, rs).shares;
        const before = new Map(rs.map((r, i) => [r.key, original[i]]));
        const after = split(t, shuffled);
        for (const [i, r] of shuffled.entries()) expect(after.shares[i]).toBe(before.get(r.key));
      }),
    );
  });

  it('G6 ties are broken deterministically: the smaller key gets the extra fen', () => {
    const { shares } = allocate(10, [1, 1, 1], { keys: ['u302', 'u101', 'u201'] });
    expect(shares).toEqual([3, 4, 3]);
    fc.assert(
      fc.property(total, rows, (t, rs) => {
        expect(split(t, rs).shares).toEqual(split(t, rs).shares);
      }),
    );
  });

  it('G7 sign symmetry: allocate(−T) = −allocate(T)', () => {
    fc.assert(
      fc.property(total, rows, (t, rs) => {
        expect(split(-t, rs).shares).toEqual(split(t, rs).shares.map((s) => (s === 0 ? 0 : -s)));
      }),
    );
  });

  it('G8 scale invariance: multiplying every weight by k changes nothing', () => {
    fc.assert(
      fc.property(total, rows, fc.integer({ min: 2, max: 5000 }), (t, rs, k) => {
        expect(
          split(
            t,
            rs.map((r) => ({ ...r, weight: r.weight * k })),
          ).shares,
        ).toEqual(split(t, rs).shares);
      }),
    );
  });

  it('G9 (a non-guarantee): Hamilton shows the Alabama paradox; Webster does not', () => {
    // The textbook case: one more fen to split, and the smallest share goes down.
    expect(allocate(10, [6, 6, 2]).shares).toEqual([4, 4, 2]);
    expect(allocate(11, [6, 6, 2]).shares).toEqual([5, 5, 1]);
    const w10 = allocate(10, [6, 6, 2], { method: 'webster' }).shares;
    const w11 = allocate(11, [6, 6, 2], { method: 'webster' }).shares;
    for (const [i, s] of w11.entries()) expect(s).toBeGreaterThanOrEqual(w10[i] as number);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), rows, (t, rs) => {
        const now = split(t, rs, 'webster').shares;
        const more = split(t + 1, rs, 'webster').shares;
        expect(sum(more)).toBe(t + 1);
        for (const [i, s] of more.entries()) expect(s).toBeGreaterThanOrEqual(now[i] as number);
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * Webster as first written: round each quota half up, then move one fen at a time to (or from) the row
 * found by scanning every row — O(n) per fen. The heap in `allocate` must choose exactly the same rows.
 */
function websterByScan(t: bigint, weights: readonly bigint[], keys: readonly string[]): bigint[] {
  const sumW = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (2n * t * w + sumW) / (2n * sumW));
  let given = shares.reduce((a, b) => a + b, 0n);
  const tie = (i: number, j: number) => {
    const [a, b] = [keys[i] as string, keys[j] as string];
    return a < b ? -1 : a > b ? 1 : i - j;
  };
  const better = (i: number, j: number, delta: bigint) => {
    const left = (weights[i] as bigint) * (2n * (shares[j] as bigint) + delta);
    const right = (weights[j] as bigint) * (2n * (shares[i] as bigint) + delta);
    return left > right ? -1 : left < right ? 1 : tie(i, j);
  };
  for (; given < t; given += 1n) {
    let best = -1;
    for (let i = 0; i < weights.length; i++)
      if ((weights[i] as bigint) > 0n && (best === -1 || better(i, best, 1n) < 0)) best = i;
    shares[best] = (shares[best] as bigint) + 1n;
  }
  for (; given > t; given -= 1n) {
    let worst = -1;
    for (let i = 0; i < weights.length; i++)
      if ((shares[i] as bigint) > 0n && (worst === -1 || better(i, worst, -1n) > 0)) worst = i;
    shares[worst] = (shares[worst] as bigint) - 1n;
  }
  return shares;
}

describe('allocate: Webster with a heap', () => {
  it('moves exactly the fen the row-by-row scan moves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), rows, (t, rs) => {
        const byScan = websterByScan(
          BigInt(t),
          rs.map((r) => BigInt(r.weight)),
          rs.map((r) => r.key),
        );
        expect(split(t, rs, 'webster').shares).toEqual(byScan.map(Number));
      }),
      { numRuns: 2000 },
    );
  });

  it('hands out 49,999 fen one by one among 100,000 rows (the scan would take n² steps)', () => {
    // Every quota is 0.49999: all round down, and each fen then goes to the next row in tie order.
    const n = 100_000;
    const shares: number[] = [...allocate(n / 2 - 1, Array(n).fill(1), { method: 'webster' }).shares];
    expect(sum(shares)).toBe(n / 2 - 1);
    expect(shares.indexOf(0)).toBe(n / 2 - 1);
    expect(shares.slice(n / 2 - 1).every((s) => s === 0)).toBe(true);
  });
});

describe('allocate: peers and edges', () => {
  it('keeps quota where dinero.js does not: 10 fen by 15:7:3 is [6, 3, 1], not [7, 2, 1]', () => {
    expect(allocate(10, [15, 7, 3]).shares).toEqual([6, 3, 1]);
  });

  it('takes the BigInt path beyond 2^53 and agrees with it below', () => {
    fc.assert(
      fc.property(total, rows, (t, rs) => {
        const viaNumbers = split(t, rs).shares;
        const viaBig = allocate(
          t,
          rs.map((r) => BigInt(r.weight)),
          { keys: rs.map((r) => r.key) },
        ).shares;
        expect(viaBig).toEqual(viaNumbers);
      }),
    );
    const huge = allocate(9_000_000_000_000_000 - 1, [2n ** 60n, 2n ** 60n + 1n, 3n]);
    expect(sum(huge.shares)).toBe(9_000_000_000_000_000 - 1);
  });

  it('refuses what cannot be split, with typed errors', () => {
    expect(() => allocate(100, [0, 0])).toThrowError(/allocate.zero_weights/);
    expect(() => allocate(100, [1, -1])).toThrowError(/allocate.bad_weight/);
    expect(() => allocate(100, [1.5])).toThrowError(/allocate.bad_weight/);
    expect(() => allocate(0.5, [1])).toThrowError(/number.not_integer/);
    expect(allocate(0, [0, 0]).shares).toEqual([0, 0]);
  });

  it('reports the exact quota and the rounding of every share', () => {
    const { quota, adjustments, shares } = allocate(100, [1, 1, 1], { keys: ['a', 'b', 'c'] });
    expect(quota(0)).toEqual({ numerator: 100n, denominator: 3n });
    expect(shares).toEqual([34, 33, 33]);
    expect(adjustments).toEqual([1, 0, 0]);
  });
});
