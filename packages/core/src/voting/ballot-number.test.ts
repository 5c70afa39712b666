import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotNumber, isBallotNumberOf } from './ballot-number.js';

/** Luhn validity of a digit string, written out independently of the module. */
function luhnValid(digits: string): boolean {
  const sum = [...digits]
    .reverse()
    .map(Number)
    .reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

describe('ballotNumber', () => {
  it('is ten digits in two groups, fixed for a motion and voter', () => {
    expect(ballotNumber('lift', '602')).toMatch(/^\d{5}-\d{5}$/);
    expect(ballotNumber('lift', '602')).toBe(ballotNumber('lift', '602'));
    expect(ballotNumber('lift', '602')).not.toBe(ballotNumber('lift', '603'));
    expect(ballotNumber('lift', '602')).not.toBe(ballotNumber('lift-2', '602'));
  });

  it('does not confuse the motion/voter split ("a"+"bc" vs "ab"+"c")', () => {
    expect(ballotNumber('a', 'bc')).not.toBe(ballotNumber('ab', 'c'));
  });

  it('always carries a valid Luhn check digit', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (motion, voter) =>
        luhnValid(ballotNumber(motion, voter).replace('-', '')),
      ),
    );
  });

  it('accepts what was printed, typed with or without spaces and hyphens', () => {
    const printed = ballotNumber('lift', 'u-602');
    expect(isBallotNumberOf(printed, 'lift', 'u-602')).toBe(true);
    expect(isBallotNumberOf(printed.replace('-', ' '), 'lift', 'u-602')).toBe(true);
    expect(isBallotNumberOf(printed.replace('-', ''), 'lift', 'u-602')).toBe(true);
    expect(isBallotNumberOf(printed, 'lift', 'u-603')).toBe(false);
  });

  it('catches any single mistyped digit and any swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(9), fc.integer({ min: 1, max: 9 }), (voter, at, delta) => {
        const digits = ballotNumber('m', voter).replace('-', '');
        const wrong = digits.slice(0, at) + ((Number(digits[at]) + delta) % 10) + digits.slice(at + 1);
        return !isBallotNumberOf(wrong, 'm', voter);
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.nat(8), (voter, at) => {
        const digits = ballotNumber('m', voter).replace('-', '');
        const [a, b] = [digits[at], digits[at + 1]];
        // Luhn misses only 09 ↔ 90.
        fc.pre(a !== b && `${a}${b}` !== '09' && `${a}${b}` !== '90');
        const swapped = digits.slice(0, at) + b + a + digits.slice(at + 2);
        return !isBallotNumberOf(swapped, 'm', voter);
      }),
    );
  });
});
