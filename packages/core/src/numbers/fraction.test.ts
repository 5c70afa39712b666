import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atLeast,
  compareFractions,
  fraction,
  fractionToString,
  meets,
  minimumToMeet,
  moreThan,
} from './fraction.js';

const small = fc.integer({ min: -1000, max: 1000 });
const positive = fc.integer({ min: 1, max: 1000 });

describe('Fraction', () => {
  it('reduces and normalizes the sign', () => {
    expect(fraction(6, 8)).toEqual({ numerator: 3n, denominator: 4n });
    expect(fraction(3, -4)).toEqual({ numerator: -3n, denominator: 4n });
    expect(fraction(0, 5)).toEqual({ numerator: 0n, denominator: 1n });
    expect(fractionToString(fraction(2, 3))).toBe('2/3');
    expect(() => fraction(1, 0)).toThrowError(/number.zero_denominator/);
    expect(() => fraction(0.5, 1)).toThrowError(/number.not_integer/);
  });

  it('distinguishes 以上 (≥) from 过半数 (>) exactly at the boundary', () => {
    const half = fraction(1, 2);
    expect(atLeast(fraction(9, 18), half)).toBe(true);
    expect(moreThan(fraction(9, 18), half)).toBe(false);
    expect(moreThan(fraction(10, 18), half)).toBe(true);
  });

  it('compares like exact rationals (agrees with cross-multiplication of the raw inputs)', () => {
    fc.assert(
      fc.property(small, positive, small, positive, (a, b, c, d) => {
        const expected = Math.sign(a * d - c * b);
        expect(compareFractions(fraction(a, b), fraction(c, d))).toBe(expected);
      }),
    );
  });

  it('stays exact far beyond 2^53', () => {
    const big = 2n ** 80n;
    expect(compareFractions(fraction(big + 1n, big), fraction(1))).toBe(1);
    expect(meets(big, 2n * big - 1n, fraction(1, 2), 'strict')).toBe(true);
  });

  it('reproduces the Civil Code Art. 278 worked example: one stairwell, 24 owners, 1,800.00 m²', () => {
    const twoThirds = fraction(2, 3);
    const threeQuarters = fraction(3, 4);
    // 24 owners, 1,800.00 m²: participation needs ≥ 16 owners and ≥ 1,200.00 m².
    expect(minimumToMeet(24, twoThirds, 'inclusive')).toBe(16n);
    expect(minimumToMeet(180000, twoThirds, 'inclusive')).toBe(120000n);
    // 18 participants holding 1,380.00 m²: an elevator needs ≥ 14 owners and ≥ 1,035.00 m².
    expect(minimumToMeet(18, threeQuarters, 'inclusive')).toBe(14n);
    expect(minimumToMeet(138000, threeQuarters, 'inclusive')).toBe(103500n);
    expect(meets(103500, 138000, threeQuarters, 'inclusive')).toBe(true);
    expect(meets(103499, 138000, threeQuarters, 'inclusive')).toBe(false);
    // 过半数 of 18 is 10, not 9.
    expect(minimumToMeet(18, fraction(1, 2), 'strict')).toBe(10n);
  });

  it('zero of zero meets no positive threshold', () => {
    fc.assert(
      fc.property(
        positive,
        positive,
        fc.constantFrom('inclusive' as const, 'strict' as const),
        (n, d, comparison) => {
          expect(meets(0, 0, fraction(n, d), comparison)).toBe(false);
        },
      ),
    );
    // The twoThirds preset with nobody voting: 0 of 0 participants in favour is not two thirds of them.
    expect(meets(0, 0, fraction(2, 3), 'inclusive')).toBe(false);
  });

  it('meets agrees with exact rational comparison for every whole, zero included', () => {
    fc.assert(
      fc.property(
        small,
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 50 }),
        positive,
        fc.constantFrom('inclusive' as const, 'strict' as const),
        (part, whole, n, d, comparison) => {
          const t = fraction(n, d);
          // A share of nothing is no share at all: no positive threshold holds for it, and a zero one
          // compares the part with zero.
          const expected =
            whole === 0
              ? n === 0 && (comparison === 'inclusive' ? part >= 0 : part > 0)
              : comparison === 'inclusive'
                ? compareFractions(fraction(part, whole), t) >= 0
                : compareFractions(fraction(part, whole), t) > 0;
          expect(meets(part, whole, t, comparison)).toBe(expected);
        },
      ),
    );
  });

  it('minimumToMeet is the least part that meets the threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('inclusive' as const, 'strict' as const),
        (whole, n, d, comparison) => {
          const t = fraction(n, d);
          // Of a zero whole, no part meets a positive threshold.
          fc.pre(whole > 0 || n === 0);
          const min = minimumToMeet(whole, t, comparison);
          expect(meets(min, whole, t, comparison)).toBe(true);
          expect(meets(min - 1n, whole, t, comparison)).toBe(false);
        },
      ),
    );
  });
});
