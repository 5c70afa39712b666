import { LinliException } from '../errors/linli-error.js';
import { numberError } from './number-error.js';

/**
 * An exact rational number in lowest terms with a positive denominator. Legal thresholds (2/3, 3/4,
 * "more than 1/2") are fractions, and every comparison is done by BigInt cross-multiplication.
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** How a share is compared with a threshold: 以上 is inclusive (≥), 过半数 is strict (>) (Civil Code Art. 1259). */
export type Comparison = 'inclusive' | 'strict';

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toBigInt(value: bigint | number, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) {
    throw new LinliException(numberError('number.not_integer', [], { what, value: String(value) }));
  }
  return BigInt(value);
}

/** The fraction numerator/denominator, reduced. Throws `number.zero_denominator` for a zero denominator. */
export function fraction(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
  let n = toBigInt(numerator, 'numerator');
  let d = toBigInt(denominator, 'denominator');
  if (d === 0n) throw new LinliException(numberError('number.zero_denominator'));
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { numerator: n / g, denominator: d / g };
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. Exact. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** a ≥ b (以上). */
export function atLeast(a: Fraction, b: Fraction): boolean {
  return compareFractions(a, b) >= 0;
}

/** a > b (过半数, 超过). */
export function moreThan(a: Fraction, b: Fraction): boolean {
  return compareFractions(a, b) > 0;
}

/**
 * Whether `part / whole` meets `threshold` under `comparison`, without ever dividing. A zero whole is
 * no share at all: it never meets a positive threshold, so nobody voting can never approve anything (a
 * threshold of 0 still compares the part with 0).
 */
export function meets(
  part: bigint | number,
  whole: bigint | number,
  threshold: Fraction,
  comparison: Comparison,
): boolean {
  let p = toBigInt(part, 'part');
  let w = toBigInt(whole, 'whole');
  if (w === 0n && threshold.numerator > 0n) return false;
  if (w < 0n) {
    p = -p;
    w = -w;
  }
  const left = p * threshold.denominator;
  const right = threshold.numerator * w;
  return comparison === 'inclusive' ? left >= right : left > right;
}

/**
 * The least integer part x with x / whole meeting `threshold`: for 3/4 of 18 owners inclusive it is 14
 * (13.5 rounds up); for "more than 1/2" of 18 it is 10. Used to say "needs N more". Of a zero whole no part
 * meets a positive threshold (see {@link meets}); there it gives the bound of the cross-multiplied inequality.
 */
export function minimumToMeet(whole: bigint | number, threshold: Fraction, comparison: Comparison): bigint {
  const w = toBigInt(whole, 'whole');
  const product = threshold.numerator * w;
  const d = threshold.denominator;
  const floor = product >= 0n ? product / d : -((-product + d - 1n) / d);
  if (comparison === 'strict') return floor + 1n;
  return floor * d === product ? floor : floor + 1n;
}

/** A readable form, "3/4". */
export function fractionToString(f: Fraction): string {
  return f.denominator === 1n ? String(f.numerator) : `${f.numerator}/${f.denominator}`;
}

/** a + b, exact. */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** a − b, exact. */
export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}

/** a × b, exact. */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** a ÷ b, exact; b must not be zero. */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** A decimal approximation for display only; never compare with it. */
export function fractionToNumber(f: Fraction): number {
  return Number(f.numerator) / Number(f.denominator);
}
