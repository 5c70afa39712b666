import { ballotNumber } from '@linli/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBallotNumber } from './ballot-number-check.ts';

const printed = ballotNumber('lift', 'o602');

describe('the printed ballot number checked at paper entry', () => {
  it('accepts the room’s own printed number, with or without its hyphen and spaces', () => {
    expect(checkBallotNumber(printed, 'lift', 'o602')).toEqual({ kind: 'printed' });
    expect(checkBallotNumber(printed.replace('-', ''), 'lift', 'o602')).toEqual({ kind: 'printed' });
    expect(checkBallotNumber(printed.replace('-', ' '), 'lift', 'o602')).toEqual({ kind: 'printed' });
  });

  it('flags another room’s printed number (a typo in the room) and names the expected one', () => {
    const other = ballotNumber('lift', 'o601');
    expect(checkBallotNumber(other, 'lift', 'o602')).toEqual({ kind: 'mismatch', expected: printed });
  });

  it('flags every single mistyped digit of the printed number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (at, by) => {
        const digits = printed.replace('-', '');
        const wrong = String((Number(digits[at]) + by) % 10);
        const typed = digits.slice(0, at) + wrong + digits.slice(at + 1);
        expect(checkBallotNumber(typed, 'lift', 'o602').kind).toBe('mismatch');
      }),
    );
  });

  it('leaves the organizer’s own references alone: the core does not require printed numbers', () => {
    for (const own of ['P-017', '17', '12-03', 'A 123456', ''])
      expect(checkBallotNumber(own, 'lift', 'o602')).toEqual({ kind: 'own' });
  });
});
