import { ok } from '../errors/result.js';
import type { BallotColumns } from './ballot-columns.js';
import { optionResults } from './methods/choice-count.js';
import type { BallotShape, CountInput, MethodCount, RollSums } from './methods/method.js';
import { distinctOptions } from './methods/option-ids.js';
import { pairwiseMatrix } from './methods/pairwise.js';
import { END, type RankedBallots } from './methods/ranked-ballots.js';
import { sumRoll } from './methods/roll-sums.js';
import { leastPreferred, type TiePicker } from './methods/tie-order.js';
import { settleTie } from './settle-tie.js';

/** Options in order of preference, as indexes. */
export interface RankedChoice {
  readonly kind: 'ranked';
  readonly ranking: readonly number[];
}

/** The ballot every ranked method takes: distinct option ids, most preferred first (a partial ranking is fine). */
export const rankedShape: BallotShape<RankedChoice> = {
  kind: 'ranked',
  field: 'ranking',
  layout: { column: 'grid', empty: END },
  read: (_motion, command, options) => {
    const ranking = distinctOptions(options, command.ranking as string[], 'ranking');
    return ranking.ok ? ok({ kind: 'ranked', ranking: ranking.value }) : ranking;
  },
  write: (columns, i, choice) => {
    const k = columns.options;
    columns.grid.fill(END, i * k, i * k + k);
    columns.grid.set(choice.ranking, i * k);
  },
  withIds: (choice, id) => ({ ranking: choice.ranking.map(id) }),
};

/** What every ranked count starts from: the roll, the cast ballots, and how to settle and draw. */
export interface RankedInput {
  readonly roll: RollSums;
  readonly ballots: RankedBallots;
  /** Packed ballot → voter, or null when ballot b is voter b. */
  readonly voters: Int32Array | null;
  /** Ballots ranking each option first. */
  readonly firsts: number[];
  /** The lottery's choice of the option to drop among those tied for last. */
  readonly lastByLottery: TiePicker;
  readonly settle: (possible: readonly number[], drawn: readonly number[]) => ReturnType<typeof settleTie>;
}

/** Prepares a ranked count (see the README's tie rules). */
export function rankedInput({ motion, columns, priority }: CountInput): RankedInput {
  const roll = sumRoll(columns);
  const { ballots, voters } = castRankings(columns, roll.cast[0]);
  return {
    roll,
    ballots,
    voters,
    firsts: firstChoices(ballots),
    lastByLottery: (tied) => leastPreferred(tied, priority),
    settle: (possible, drawn) => settleTie(possible, drawn, motion.tieBreak),
  };
}

/** A Condorcet count's start: the pairwise matrix (flat and as rows) and the count's parts without a winner. */
export function pairwiseInput(input: CountInput): {
  readonly ranked: RankedInput;
  readonly d: Float64Array;
  readonly k: number;
  readonly base: Omit<MethodCount, 'settlement'>;
  /** Nobody ranked anybody: there is no one to elect, and nothing to draw. */
  readonly nobody: boolean;
} {
  const ranked = rankedInput(input);
  const k = ranked.ballots.options;
  const d = pairwiseMatrix(ranked.ballots);
  const pairwise = Array.from({ length: k }, (_, i) => Array.from(d.subarray(i * k, i * k + k)));
  const base = {
    roll: ranked.roll,
    options: optionResults(input.motion, ranked.firsts),
    yes: [0, 0, 0] as const,
    pairwise,
  };
  return { ranked, d, k, base, nobody: ranked.firsts.every((f) => f === 0) };
}

/**
 * The ranked ballots of the `count` voters who have voted. When everyone has, the columns' grid is
 * already that (no copy, and ballot b is voter b: `voters` is null); otherwise the cast rows are packed,
 * and `voters` maps each packed ballot back to its voter.
 */
function castRankings(
  columns: BallotColumns,
  count: number,
): { ballots: RankedBallots; voters: Int32Array | null } {
  const k = columns.options;
  const { cast, grid } = columns;
  if (count === columns.size) return { ballots: { options: k, count, order: grid }, voters: null };
  const voters = new Int32Array(count);
  const order = new Uint8Array(count * k);
  let b = 0;
  for (let i = 0; i < columns.size; i++) {
    if (cast[i] !== 1) continue;
    voters[b] = i;
    const from = i * k;
    const to = b * k;
    for (let p = 0; p < k; p++) order[to + p] = grid[from + p] as number;
    b++;
  }
  return { ballots: { options: k, count, order }, voters };
}

/** How many ballots rank each option first. */
function firstChoices(ballots: RankedBallots): number[] {
  const k = ballots.options;
  const firsts = new Array<number>(k).fill(0);
  for (let b = 0; b < ballots.count; b++) {
    const top = ballots.order[b * k] as number;
    if (top !== END) firsts[top] = (firsts[top] as number) + 1;
  }
  return firsts;
}

/**
 * Every option not yet eliminated when the count first had to draw: each way of settling the ties
 * starts there, so whatever any of them elects is among these. The bound used when the recounts did not
 * try every way (more than `everyResolution`'s limit).
 */
export function beforeFirstDraw(
  k: number,
  rounds: readonly { readonly eliminated: number | null; readonly tieBrokenBy?: string }[],
): number[] {
  const out = new Uint8Array(k);
  for (const r of rounds) {
    if (r.tieBrokenBy === 'lottery') break;
    if (r.eliminated !== null) out[r.eliminated] = 1;
  }
  return Array.from({ length: k }, (_, c) => c).filter((c) => out[c] === 0);
}

/** Options in order of first appearance, each once. */
export function union(lists: readonly (readonly number[])[]): number[] {
  return [...new Set(lists.flat())];
}
