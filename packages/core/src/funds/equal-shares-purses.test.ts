import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fraction } from '../numbers/fraction.js';
import { Leftovers, Purses } from './equal-shares-purses.js';

/** A finite double as the exact fraction it is: n / d. */
function exactly(x: number): { n: bigint; d: bigint } {
  let d = 1n;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2; // exact: a double's mantissa is a whole number times a power of two
    d *= 2n;
  }
  return { n: BigInt(m), d };
}

/** |x − n / D| ≤ bound, exactly. */
function within(x: number, n: bigint, D: bigint, bound: number): boolean {
  const v = exactly(x);
  const e = exactly(bound);
  const gap = v.n * D - n * v.d; // (x − n/D)·D·v.d
  const abs = gap < 0n ? -gap : gap;
  return abs * e.d <= e.n * D * v.d;
}

/** Every class's double and its growth lie within their error bounds of the exact amounts. */
function checkBounds(purses: Purses): void {
  for (let c = 1; c < purses.money.length; c++) {
    const { a, b } = purses.exact(c);
    const D = purses.denominator;
    expect(within(purses.money[c] as number, a, D, purses.moneyError[c] as number)).toBe(true);
    expect(within(purses.slope[c] as number, b, D, purses.slopeError[c] as number)).toBe(true);
  }
}

// A purchase: which classes pay (as fractions of the list), ρ as a part of the first payer's money
// plus some growth per step, and the factor the common denominator grows by.
const purchase = fc.record({
  payers: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 6 }),
  part: fc.integer({ min: 0, max: 1_000_000 }),
  growth: fc.bigInt({ min: -2_000n, max: 2_000n }),
  s: fc.bigInt({ min: 1n, max: 1_000_003n }),
  steps: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
});

describe('the purses of the Method of Equal Shares', () => {
  it('keep every class’s money as a double within its stated error of the exact amount, through purchases and raises', () => {
    fc.assert(
      fc.property(
        fc.record({
          voters: fc.integer({ min: 1, max: 5_000 }),
          budget: fc.integer({ min: 1, max: 2_000_000_000 }),
          step: fc.constantFrom(1n, 7n, 100n),
        }),
        fc.array(purchase, { minLength: 1, maxLength: 60 }),
        ({ voters, budget, step }, purchases) => {
          let purses = Purses.full(voters, fraction(budget, voters), step);
          const left = new Leftovers();
          checkBounds(purses);
          for (const { payers, part, growth, s, steps } of purchases) {
            const held = purses.money.length - 1;
            const classes = [...new Set(payers.map((x) => 1 + Math.floor(x * held)))];
            const first = purses.exact(classes[0] as number);
            // ρ·D·s: a part of the first payer's money, growing by `growth`/(D·s) a step more or less than it.
            const ra = (first.a * s * BigInt(part)) / 1_000_000n;
            const rb = first.b * s + growth;
            left.fill(purses, classes, s, ra, rb);
            purses.grow(s, { a: ra, b: rb });
            classes.forEach((c, i) => {
              purses.addClass(c, left, i);
            });
            if (steps !== undefined) purses = Purses.resumed(purses.snapshot(), BigInt(steps));
            checkBounds(purses);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
