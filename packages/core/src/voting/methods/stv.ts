import {
  addFractions,
  compareFractions,
  divideFractions,
  type Fraction,
  fraction,
  multiplyFractions,
  subtractFractions,
} from '../../numbers/fraction.js';
import { END, type RankedBallots } from './ranked-ballots.js';
import { leastPreferred, type TiePicker, type TiePriority } from './tie-order.js';

/** One STV round. */
export interface StvRound {
  /** Exact votes per option (0 for options no longer continuing). */
  readonly votes: readonly Fraction[];
  readonly exhausted: Fraction;
  readonly elected: readonly number[];
  readonly eliminated: number | null;
  /** Set when the elimination was drawn by `pick`: a tie for last the earlier rounds could not break. */
  readonly tieBrokenBy?: 'lottery';
}

/** The STV result. */
export interface StvResult {
  /** The Droop quota: ⌊valid / (seats + 1)⌋ + 1. */
  readonly quota: number;
  readonly rounds: readonly StvRound[];
  /** Elected options in order of election. */
  readonly elected: readonly number[];
}

const ZERO = fraction(0);

/**
 * Multi-seat single transferable vote with the Droop quota and Gregory surplus transfers in exact
 * rational arithmetic (no rounding, so a recount always agrees). Each round: elect every option at or
 * above quota (largest first) and pass each elected option's surplus on at a reduced value; if nobody
 * reaches quota, eliminate the last. When the continuing options just fill the remaining seats, they are
 * all elected.
 *
 * Ties: a tie for last place is broken by fewer votes in the latest earlier round where the tied options
 * differ, then by `pick` (by default the option `priority` likes least). Options reaching quota together
 * are all elected (largest first, equal ones in `priority` order, which changes nothing but the order).
 */
export function singleTransferableVote(
  ballots: RankedBallots,
  seats: number,
  priority: TiePriority,
  pick: TiePicker = (tied) => leastPreferred(tied, priority),
): StvResult {
  const k = ballots.options;
  const { order, count } = ballots;
  const valid = countValid(ballots);
  const quota = Math.floor(valid / (seats + 1)) + 1;
  const quotaF = fraction(quota);
  const status = new Uint8Array(k); // 0 continuing, 1 elected, 2 eliminated
  const pointer = new Uint8Array(count);
  const value: Fraction[] = Array.from({ length: count }, (_, b) =>
    fraction(ballots.weights ? (ballots.weights[b] as number) : 1),
  );
  const holder = new Int32Array(count).fill(-1);
  const elected: number[] = [];
  const rounds: StvRound[] = [];

  const advance = (b: number) => {
    const base = b * k;
    for (let p = pointer[b] as number; p < k; p++) {
      const c = order[base + p] as number;
      if (c === END) break;
      if (status[c] === 0) {
        pointer[b] = p;
        holder[b] = c;
        return;
      }
    }
    pointer[b] = k;
    holder[b] = -1;
  };
  for (let b = 0; b < count; b++) advance(b);

  const tallyVotes = () => {
    const votes: Fraction[] = Array.from({ length: k }, () => ZERO);
    let exhausted = ZERO;
    for (let b = 0; b < count; b++) {
      const c = holder[b] as number;
      if (c >= 0) votes[c] = addFractions(votes[c] as Fraction, value[b] as Fraction);
      else exhausted = addFractions(exhausted, value[b] as Fraction);
    }
    return { votes, exhausted };
  };
  const continuing = () => Array.from({ length: k }, (_, c) => c).filter((c) => status[c] === 0);

  while (elected.length < seats) {
    const open = continuing();
    if (open.length === 0) break;
    const { votes, exhausted } = tallyVotes();
    if (open.length <= seats - elected.length) {
      const rest = [...open].sort(
        (a, b) =>
          compareFractions(votes[b] as Fraction, votes[a] as Fraction) ||
          (priority[a] as number) - (priority[b] as number),
      );
      for (const c of rest) status[c] = 1;
      elected.push(...rest);
      rounds.push({ votes, exhausted, elected: rest, eliminated: null });
      break;
    }
    const reaching = open
      .filter((c) => compareFractions(votes[c] as Fraction, quotaF) >= 0)
      .sort(
        (a, b) =>
          compareFractions(votes[b] as Fraction, votes[a] as Fraction) ||
          (priority[a] as number) - (priority[b] as number),
      );
    if (reaching.length > 0) {
      const newly = reaching.slice(0, seats - elected.length);
      for (const c of newly) status[c] = 1;
      elected.push(...newly);
      for (const c of newly) {
        const total = votes[c] as Fraction;
        const ratio = divideFractions(subtractFractions(total, quotaF), total);
        for (let b = 0; b < count; b++) {
          if (holder[b] !== c) continue;
          value[b] = multiplyFractions(value[b] as Fraction, ratio);
          advance(b);
        }
      }
      rounds.push({ votes, exhausted, elected: newly, eliminated: null });
      continue;
    }
    let tied = open.filter(
      (c) => compareFractions(votes[c] as Fraction, minOf(open.map((o) => votes[o] as Fraction))) === 0,
    );
    for (let r = rounds.length - 1; r >= 0 && tied.length > 1; r--) {
      const earlier = (rounds[r] as StvRound).votes;
      const low = minOf(tied.map((c) => earlier[c] as Fraction));
      tied = tied.filter((c) => compareFractions(earlier[c] as Fraction, low) === 0);
    }
    const drawn = tied.length > 1;
    const loser = drawn ? pick(tied) : (tied[0] as number);
    status[loser] = 2;
    for (let b = 0; b < count; b++) if (holder[b] === loser) advance(b);
    rounds.push(
      drawn
        ? { votes, exhausted, elected: [], eliminated: loser, tieBrokenBy: 'lottery' }
        : { votes, exhausted, elected: [], eliminated: loser },
    );
  }
  return { quota, rounds, elected };
}

function countValid(ballots: RankedBallots): number {
  let valid = 0;
  for (let b = 0; b < ballots.count; b++) {
    if (ballots.order[b * ballots.options] !== END)
      valid += ballots.weights ? (ballots.weights[b] as number) : 1;
  }
  return valid;
}

function minOf(values: readonly Fraction[]): Fraction {
  return values.reduce((m, v) => (compareFractions(v, m) < 0 ? v : m));
}
