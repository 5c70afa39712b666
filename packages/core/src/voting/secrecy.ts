import type { Voter } from './motion.js';

/** Fewer voters than this cannot keep a secret ballot: with two, each reads the other's off the headcounts. */
export const MIN_SECRET_ROLL = 3;

/** What a secret motion's roll lets the published tally show, measured when the motion opens. */
export interface SecrecyMeasure {
  readonly voters: number;
  /**
   * The fewest voter sets that share one (headcount, area) total, over every group of 1 … n−1
   * voters (counted up to 2: one set is what exposes a ballot). Null when the roll was too varied to
   * count exactly, which is treated as exposing.
   */
  readonly smallestAreaFit: number | null;
  /** `exact`: per-option and turnout areas are published; `withheld`: only each area check's met/not met. */
  readonly areaTotals: 'exact' | 'withheld';
  /** The same for the `custom` dimension. */
  readonly customTotals: 'exact' | 'withheld';
}

/** How many DP steps {@link smallestFit} may take before it gives up (and the totals are withheld). */
const WORK_CAP = 1_000_000;

/**
 * The fewest subsets of `weights` (of size 1 … n−1) sharing one (size, sum), capped at 2, by an
 * exact dynamic programme over (size, sum). A published group total — the voters for an option, or
 * those who took part — that only one subset fits names every voter in the group. Equal weights are
 * taken together (j of a class of c can be chosen C(c, j) ways), so a roll of a few floor plans costs
 * little however large. Returns null when the work exceeds `cap` (a roll with many distinct weights),
 * and null for fewer than 2 weights.
 */
export function smallestFit(weights: readonly number[], cap = WORK_CAP): number | null {
  const n = weights.length;
  if (n < 2) return null;
  const multiplicity = new Map<number, number>();
  for (const w of weights) multiplicity.set(w, (multiplicity.get(w) ?? 0) + 1);
  // A weight nobody else has: that voter alone (or everyone but them) is a group only one set fits.
  for (const count of multiplicity.values()) if (count === 1) return 1;
  // states: size → sum → how many subsets reach it (capped at 2).
  let states = new Map<number, Map<number, number>>([[0, new Map([[0, 1]])]]);
  let work = 0;
  for (const [weight, count] of multiplicity) {
    const next = new Map<number, Map<number, number>>();
    for (const [size, sums] of states) {
      work += sums.size * (count + 1);
      if (work > cap) return null;
      for (const [sum, ways] of sums) {
        for (let j = 0; j <= count; j++) {
          // C(count, j) is 1 at either end and at least 2 in between.
          const chosen = Math.min(2, ways * (j === 0 || j === count ? 1 : 2));
          let row = next.get(size + j);
          if (!row) {
            row = new Map();
            next.set(size + j, row);
          }
          const key = sum + j * weight;
          row.set(key, Math.min(2, (row.get(key) ?? 0) + chosen));
        }
      }
    }
    states = next;
  }
  let fewest = 2;
  for (const [size, sums] of states) {
    if (size === 0 || size === n) continue;
    for (const ways of sums.values()) fewest = Math.min(fewest, ways);
  }
  return fewest;
}

/** Whether exact totals of one weight column can be published: every group total fits at least two sets. */
function totalsFor(weights: readonly number[]): 'exact' | 'withheld' {
  return smallestFit(weights) === 2 ? 'exact' : 'withheld';
}

/** Measures how well a roll hides a ballot behind published totals (see {@link SecrecyMeasure}). */
export function measureSecrecy(electorate: readonly Pick<Voter, 'area' | 'custom'>[]): SecrecyMeasure {
  const areas = electorate.map((v) => v.area);
  return {
    voters: electorate.length,
    smallestAreaFit: smallestFit(areas),
    areaTotals: totalsFor(areas),
    customTotals: totalsFor(electorate.map((v) => v.custom)),
  };
}
