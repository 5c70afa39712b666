import { ballotNumber, isBallotNumberOf } from '@linli/core';

/**
 * What the typed paper reference says about the room picked:
 * - `printed`: it is that room's printed ballot number;
 * - `own`: the organizer's own reference (`P-017`, `17`), which the core allows and nothing checks;
 * - `mismatch`: it looks like a printed ballot number (digits, spaces and hyphens, at least six
 *   digits) but not this room's: a typo in the room or in the number, most often. `expected` is the
 *   room's number, which is printed on its form and secret from nobody.
 */
export type BallotNumberCheck =
  | { readonly kind: 'printed' }
  | { readonly kind: 'own' }
  | { readonly kind: 'mismatch'; readonly expected: string };

const LOOKS_PRINTED = /^[\d\s-]*$/;
const MIN_DIGITS = 6;

/** Checks `typed` against the printed ballot number of `voterId` on `motionId` (the core's `ballotNumber`). */
export function checkBallotNumber(typed: string, motionId: string, voterId: string): BallotNumberCheck {
  if (isBallotNumberOf(typed, motionId, voterId)) return { kind: 'printed' };
  const digits = typed.replace(/\D/g, '').length;
  if (!LOOKS_PRINTED.test(typed) || digits < MIN_DIGITS) return { kind: 'own' };
  return { kind: 'mismatch', expected: ballotNumber(motionId, voterId) };
}
