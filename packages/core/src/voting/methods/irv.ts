import { END, type RankedBallots } from './ranked-ballots.js';
import { leastPreferred, preferred, type TiePicker, type TiePriority } from './tie-order.js';

/** One counting round of instant-runoff. */
export interface IrvRound {
  /** Votes for each option this round (0 for eliminated options). */
  readonly votes: readonly number[];
  /** Weight of ballots with no continuing option left. */
  readonly exhausted: number;
  /** The option eliminated at the end of this round, or null in the final round. */
  readonly eliminated: number | null;
  /**
   * How a tie for last place was broken, if there was one: by the earlier rounds, or by the tie picker
   * (the lottery's priority unless the caller explores every choice).
   */
  readonly tieBrokenBy?: 'earlier-rounds' | 'lottery';
}

/** The instant-runoff result. */
export interface IrvResult {
  readonly rounds: readonly IrvRound[];
  /**
   * The option with a majority of continuing votes, or the last one standing; null with no ballots. After
   * a tie for the win, the one `priority` prefers.
   */
  readonly winner: number | null;
  /**
   * For each ballot, the place in its ranking of the option it counts for in the final round (`options`
   * when it is exhausted): the final-round support of any option, without rescanning the rankings.
   */
  readonly position: Uint8Array;
  /** Set when the final round ended with the last two continuing options tied: those two. */
  readonly tiedForWin?: readonly [number, number];
  /** Options in reverse order of elimination: the winner first. */
  readonly ranking: readonly number[];
}

/**
 * Instant-runoff voting: each round, every ballot counts for its highest continuing option; an option
 * with more than half of the continuing votes wins, otherwise the last is eliminated.
 *
 * Ties: when the last two continuing options are tied, that is a tie for the win (`tiedForWin`), never
 * settled by earlier rounds. A tie for last place among more options is broken by fewer votes in the
 * latest earlier round where the tied options differ ("earlier rounds"), and then by `pick` (by default
 * the option `priority` likes least). Options with no votes at all are eliminated in `priority` order
 * without asking: they hold no ballots, so the order cannot change anything.
 *
 * Ballots are bucketed by their current option, so eliminating one moves only its own ballots: the
 * whole count is O(ballots × options).
 */
export function instantRunoff(
  ballots: RankedBallots,
  priority: TiePriority,
  pick: TiePicker = (tied) => leastPreferred(tied, priority),
): IrvResult {
  const k = ballots.options;
  const { order, weights, count } = ballots;
  const eliminated = new Uint8Array(k);
  const pointer = new Uint8Array(count);
  // Singly linked bucket per option: head[c] → next[b] → … → -1.
  const head = new Int32Array(k).fill(-1);
  const next = new Int32Array(count);
  const votes = new Float64Array(k);
  let exhausted = 0;
  const place = (b: number) => {
    const base = b * k;
    let p = pointer[b] as number;
    while (p < k) {
      const c = order[base + p] as number;
      if (c === END) break;
      if (eliminated[c] === 0) {
        pointer[b] = p;
        next[b] = head[c] as number;
        head[c] = b;
        votes[c] = (votes[c] as number) + (weights ? (weights[b] as number) : 1);
        return;
      }
      p++;
    }
    pointer[b] = k;
    exhausted += weights ? (weights[b] as number) : 1;
  };
  for (let b = 0; b < count; b++) place(b);

  const rounds: IrvRound[] = [];
  const eliminationOrder: number[] = [];
  let continuing = k;
  for (;;) {
    const snapshot = Array.from(votes);
    let total = 0;
    for (let c = 0; c < k; c++) if (eliminated[c] === 0) total += votes[c] as number;
    let leader = -1;
    for (let c = 0; c < k; c++)
      if (eliminated[c] === 0 && (leader === -1 || (votes[c] as number) > (votes[leader] as number)))
        leader = c;
    if (total === 0) {
      // Nobody ranked a continuing option: there is no one to elect.
      rounds.push({ votes: snapshot, exhausted, eliminated: null });
      return { rounds, winner: null, ranking: [], position: pointer };
    }
    const ranking = () => {
      const rest = Array.from({ length: k }, (_, c) => c)
        .filter((c) => eliminated[c] === 0)
        .sort(
          (a, b) =>
            (votes[b] as number) - (votes[a] as number) || (priority[a] as number) - (priority[b] as number),
        );
      return [...rest, ...eliminationOrder.reverse()];
    };
    if (continuing === 1 || (votes[leader] as number) * 2 > total) {
      rounds.push({ votes: snapshot, exhausted, eliminated: null });
      return { rounds, winner: leader, ranking: ranking(), position: pointer };
    }
    let min = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++)
      if (eliminated[c] === 0 && (votes[c] as number) < min) min = votes[c] as number;
    let tied = Array.from({ length: k }, (_, c) => c).filter((c) => eliminated[c] === 0 && votes[c] === min);
    if (continuing === 2 && tied.length === 2) {
      rounds.push({ votes: snapshot, exhausted, eliminated: null });
      const order = ranking();
      return {
        rounds,
        winner: preferred(tied, priority),
        ranking: order,
        position: pointer,
        tiedForWin: [tied[0], tied[1]] as [number, number],
      };
    }
    let tieBrokenBy: IrvRound['tieBrokenBy'];
    if (tied.length > 1 && min > 0) {
      for (let r = rounds.length - 1; r >= 0 && tied.length > 1; r--) {
        const earlier = (rounds[r] as IrvRound).votes;
        const low = Math.min(...tied.map((c) => earlier[c] as number));
        const narrowed = tied.filter((c) => earlier[c] === low);
        if (narrowed.length < tied.length) {
          tied = narrowed;
          tieBrokenBy = 'earlier-rounds';
        }
      }
      if (tied.length > 1) tieBrokenBy = 'lottery';
    }
    const loser = tieBrokenBy === 'lottery' ? pick(tied) : leastPreferred(tied, priority);
    rounds.push(
      tieBrokenBy
        ? { votes: snapshot, exhausted, eliminated: loser, tieBrokenBy }
        : { votes: snapshot, exhausted, eliminated: loser },
    );
    eliminated[loser] = 1;
    eliminationOrder.push(loser);
    continuing--;
    votes[loser] = 0;
    let b = head[loser] as number;
    head[loser] = -1;
    while (b !== -1) {
      const following = next[b] as number;
      pointer[b] = (pointer[b] as number) + 1;
      place(b);
      b = following;
    }
  }
}
