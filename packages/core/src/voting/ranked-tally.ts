import { fractionToString } from '../numbers/fraction.js';
import type { BallotColumns } from './columns.js';
import { type IrvResult, type IrvRound, instantRunoff } from './methods/irv.js';
import { pairwiseMatrix, smithSet } from './methods/pairwise.js';
import { END, type RankedBallots } from './methods/ranked-ballots.js';
import { type RankedPairsResult, rankedPairs } from './methods/ranked-pairs.js';
import { schulze } from './methods/schulze.js';
import { type StvResult, singleTransferableVote } from './methods/stv.js';
import { everyResolution, leastPreferred, preferred, type TiePriority } from './methods/tie-order.js';
import type { Motion } from './motion.js';
import { noWinner, type Settlement, settleTie } from './settle-tie.js';
import type { StvRoundView } from './tally.js';

/** What a ranked motion's count contributes to its tally. */
export interface RankedCount {
  /** Ballots ranking each option first. */
  readonly firsts: readonly number[];
  readonly settlement: Settlement;
  /** IRV: the winner's final-round support in every dimension; otherwise nothing. */
  readonly yes: [number, number, number];
  readonly irvRounds?: readonly IrvRound[];
  readonly stv?: { readonly quota: number; readonly rounds: readonly StvRoundView[] };
  readonly pairwise?: number[][];
}

/**
 * Counts a ranked motion by its method and settles its ties (see the README's tie rules); `voted` is how
 * many voters have voted. IRV, STV and
 * Ranked Pairs are recounted under every way of settling a tie that their own rules cannot break; a
 * count without such ties runs once.
 */
export function countRanked(
  motion: Motion,
  columns: BallotColumns,
  priority: TiePriority,
  voted: number,
): RankedCount {
  const { ballots, voters } = castRankings(columns, voted);
  const k = columns.options;
  const lastByLottery = (tied: readonly number[]) => leastPreferred(tied, priority);
  const settle = (possible: readonly number[], drawn: readonly number[]) =>
    settleTie(possible, drawn, motion.tieBreak);
  if (motion.method === 'irv') {
    const { results, complete } = everyResolution(
      (pick) => instantRunoff(ballots, priority, pick),
      lastByLottery,
    );
    const result = results[0] as IrvResult;
    const winners = (r: IrvResult) => r.tiedForWin ?? (r.winner === null ? [] : [r.winner]);
    const possible = complete ? union(results.map(winners)) : beforeFirstDraw(k, result.rounds);
    // After a tie for the win, `winner` is the one the lottery's priority prefers.
    const settlement = settle(possible, result.winner === null ? [] : [result.winner]);
    return {
      // The first round counts every ballot for its first choice.
      firsts: result.rounds[0]?.votes ?? [],
      settlement,
      yes: settlement.winners.length === 1 ? finalSupport(columns, ballots, voters, result) : [0, 0, 0],
      irvRounds: result.rounds,
    };
  }
  const firsts = firstChoices(ballots);
  // Nobody ranked anybody: there is no one to elect, and nothing to draw.
  const nobody = firsts.every((f) => f === 0);
  if (motion.method === 'stv') {
    if (nobody) return { firsts, settlement: noWinner, yes: [0, 0, 0] };
    const seats = motion.seats ?? 1;
    const { results, complete } = everyResolution(
      (pick) => singleTransferableVote(ballots, seats, priority, pick),
      lastByLottery,
    );
    const result = results[0] as StvResult;
    const sameSeats = (r: StvResult) =>
      r.elected.length === result.elected.length && r.elected.every((c) => result.elected.includes(c));
    const possible = complete ? union(results.map((r) => r.elected)) : beforeFirstDraw(k, result.rounds);
    return {
      firsts,
      settlement:
        complete && results.every(sameSeats)
          ? { winners: result.elected, tied: false, lottery: false }
          : settle(possible, result.elected),
      yes: [0, 0, 0],
      stv: {
        quota: result.quota,
        rounds: result.rounds.map((r) => ({
          votes: r.votes.map(fractionToString),
          exhausted: fractionToString(r.exhausted),
          elected: r.elected,
          eliminated: r.eliminated,
        })),
      },
    };
  }
  const d = pairwiseMatrix(ballots);
  const pairwise = Array.from({ length: k }, (_, i) => Array.from(d.subarray(i * k, i * k + k)));
  if (nobody) return { firsts, settlement: noWinner, yes: [0, 0, 0], pairwise };
  if (motion.method === 'schulze') {
    const { winners } = schulze(d, k, priority);
    return { firsts, settlement: settle(winners, [preferred(winners, priority)]), yes: [0, 0, 0], pairwise };
  }
  // Ranked Pairs: equally strong majorities are taken in every order, so a cycle they close is a tie.
  const { results, complete } = everyResolution(
    (pick) => rankedPairs(d, k, priority, pick),
    (tied) => tied[0] as number,
  );
  // Ranked Pairs elects from the Smith set under any order: the bound when not every order was tried.
  const possible = complete ? union(results.map((r) => r.unbeaten)) : smithSet(d, k);
  return {
    firsts,
    settlement: settle(possible, [(results[0] as RankedPairsResult).winner]),
    yes: [0, 0, 0],
    pairwise,
  };
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
function beforeFirstDraw(
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
function union(lists: readonly (readonly number[])[]): number[] {
  return [...new Set(lists.flat())];
}

/** The weight of the ballots that count for the IRV winner in the final round. */
function finalSupport(
  columns: BallotColumns,
  ballots: RankedBallots,
  voters: Int32Array | null,
  result: IrvResult,
): [number, number, number] {
  const k = ballots.options;
  const { order, count } = ballots;
  const { position, winner } = result;
  const areas = columns.area;
  const customs = columns.custom;
  let heads = 0;
  let area = 0;
  let custom = 0;
  for (let b = 0, row = 0; b < count; b++, row += k) {
    const p = position[b] as number;
    if (p === k || order[row + p] !== winner) continue;
    const i = voters === null ? b : (voters[b] as number);
    heads++;
    area += areas[i] as number;
    custom += customs[i] as number;
  }
  return [heads, area, custom];
}
