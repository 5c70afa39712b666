import type { Voter } from './motion.js';

/** Fewer voters than this cannot keep a secret ballot: with two, each reads the other's off the headcounts. */
export const MIN_SECRET_ROLL = 3;

/** How many DP states {@link smallestFit} may hold before it gives up (and the totals are withheld). */
const STATE_CAP = 200_000;

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

/**
 * The fewest subsets of `weights` (of size 1 … n−1) sharing one (size, sum), capped at 2, by an
 * exact dynamic programme over (size, sum). A published group total — the voters for an option, or
 * those who took part — that only one subset fits names every voter in the group. Returns null when
 * the states exceed `cap` (a large roll with many distinct weights), and null for fewer than 2 weights.
 */
export function smallestFit(weights: readonly number[], cap = STATE_CAP): number | null {
  const n = weights.length;
  if (n < 2) return null;
  const multiplicity = new Map<number, number>();
  for (const w of weights) multiplicity.set(w, (multiplicity.get(w) ?? 0) + 1);
  // A weight nobody else has: that voter alone (or everyone but them) is a group only one set fits.
  for (const count of multiplicity.values()) if (count === 1) return 1;
  // layers[k]: sum → how many subsets of size k reach it (capped at 2).
  const layers: Map<number, number>[] = [new Map([[0, 1]])];
  let states = 1;
  for (const w of weights) {
    for (let k = Math.min(layers.length, n - 1); k >= 1; k--) {
      const from = layers[k - 1] as Map<number, number>;
      let to = layers[k];
      if (!to) {
        to = new Map();
        layers[k] = to;
      }
      for (const [sum, count] of from) {
        const before = to.get(sum + w);
        if (before === undefined) states++;
        to.set(sum + w, Math.min(2, (before ?? 0) + count));
      }
      if (states > cap) return null;
    }
  }
  let fewest = 2;
  for (let k = 1; k < n; k++)
    for (const count of (layers[k] as Map<number, number>).values()) fewest = Math.min(fewest, count);
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
