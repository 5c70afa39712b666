/**
 * Ranked ballots in a compact columnar form: ballot b's preferences are `order[b*k .. b*k+k)`, most
 * preferred first, ended early by {@link END} when the voter ranked fewer than k options. One byte per
 * option per ballot keeps 100,000 ballots of 10 options in 1 MB.
 */
export interface RankedBallots {
  /** Number of options (k ≤ 254). */
  readonly options: number;
  /** Number of ballots. */
  readonly count: number;
  /** Preference orders, `count × options` bytes. */
  readonly order: Uint8Array;
  /** Weight of each ballot; every ballot weighs 1 when omitted. */
  readonly weights?: Float64Array;
}

/** Marks the end of a partial ranking. */
export const END = 0xff;

/** Packs rankings (arrays of option indexes, most preferred first) into {@link RankedBallots}. */
export function packRankings(
  options: number,
  rankings: readonly (readonly number[])[],
  weights?: readonly number[],
): RankedBallots {
  const order = new Uint8Array(rankings.length * options).fill(END);
  rankings.forEach((ranking, b) => {
    ranking.forEach((option, i) => {
      order[b * options + i] = option;
    });
  });
  return weights
    ? { options, count: rankings.length, order, weights: Float64Array.from(weights) }
    : { options, count: rankings.length, order };
}
