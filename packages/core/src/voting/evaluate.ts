import { type Comparison, type Fraction, fraction, meets, minimumToMeet } from '../numbers/fraction.js';
import type { Check, Dimension, Threshold } from './rules.js';

/** Weights of one dimension: everyone eligible, those who took part, and those in favour. */
export interface DimensionTotals {
  readonly eligible: number;
  readonly participating: number;
  readonly yes: number;
}

/** Totals for every dimension. */
export type Totals = Readonly<Record<Dimension, DimensionTotals>>;

/** How one check came out, in natural units of its dimension (people, or hundredths of m², or weight). */
export interface CheckResult {
  readonly check: Check;
  readonly met: boolean;
  /** The weight that counts (participating, or in favour). */
  readonly actual: number;
  /** The weight it is measured against (eligible, or participating). */
  readonly base: number;
  /** The least `actual` that meets the threshold with today's base. */
  readonly required: number;
  /**
   * `required − actual` when not met, else 0: e.g. "2 more of the participating owners must agree". At
   * least one unit when not met, since a zero base meets no positive threshold however little it needs.
   */
  readonly missing: number;
  /**
   * The weight of new ballots (from voters who have not voted) needed to meet the check: each adds to
   * the count and, against participants, to the base too. 0 when met; null when new ballots alone
   * can never meet it (a unanimity of participants someone already voted against).
   */
  readonly newVotesNeeded: number | null;
}

/** The exact fraction of a threshold. */
export function toFraction(t: Threshold): Fraction {
  return fraction(t.numerator, t.denominator);
}

/**
 * Smallest x ≥ 0 with (yes + x) / (base + x) meeting t: the weight of new "yes" voters needed when the
 * base is the participants. Null when t = 1 and someone participating is not in favour. At least 1 when
 * the check is unmet now, since adding nothing changes nothing.
 */
function newYesNeeded(yes: number, base: number, t: Fraction, comparison: Comparison): number | null {
  if (meets(yes, base, t, comparison)) return 0;
  const n = t.numerator;
  const d = t.denominator;
  // With nobody taking part yet, one yes ballot makes the share 1, which meets any reachable threshold.
  if (base === 0) return meets(1, 1, t, comparison) ? 1 : null;
  if (n >= d) return null;
  // (Y + x)·d ≥ n·(B + x)  ⇔  x·(d − n) ≥ n·B − Y·d (strict: >).
  const need = n * BigInt(base) - BigInt(yes) * d;
  const per = d - n;
  const x = comparison === 'inclusive' ? (need + per - 1n) / per : need / per + 1n;
  return Number(x < 1n ? 1n : x);
}

/** How far `actual` is from `required`: 0 when met, else at least one unit (a zero base needs something). */
function shortfall(met: boolean, required: number, actual: number): number {
  return met ? 0 : Math.max(required - actual, 1);
}

/** Evaluates one check against the totals. */
export function evaluateCheck(check: Check, totals: Totals): CheckResult {
  const t = totals[check.dimension];
  const threshold = toFraction(check.threshold);
  if (check.kind === 'participation') {
    const required = Number(minimumToMeet(t.eligible, threshold, check.comparison));
    const met = meets(t.participating, t.eligible, threshold, check.comparison);
    const missing = shortfall(met, required, t.participating);
    return {
      check,
      met,
      actual: t.participating,
      base: t.eligible,
      required,
      missing,
      // Nobody eligible: no ballot can ever come.
      newVotesNeeded: t.eligible === 0 && !met ? null : missing,
    };
  }
  const base = check.base === 'eligible' ? t.eligible : t.participating;
  const required = Number(minimumToMeet(base, threshold, check.comparison));
  const met = meets(t.yes, base, threshold, check.comparison);
  const missing = shortfall(met, required, t.yes);
  const newVotesNeeded =
    check.base === 'eligible'
      ? t.eligible === 0 && !met
        ? null
        : missing
      : newYesNeeded(t.yes, base, threshold, check.comparison);
  return { check, met, actual: t.yes, base, required, missing, newVotesNeeded };
}
