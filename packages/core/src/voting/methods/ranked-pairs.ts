import type { TiePicker, TiePriority } from './tie-order.js';

/** One locked (or skipped) majority of the Ranked Pairs method. */
export interface RankedPair {
  readonly winner: number;
  readonly loser: number;
  readonly votes: number;
  readonly against: number;
  readonly locked: boolean;
}

/** The Ranked Pairs (Tideman) result. */
export interface RankedPairsResult {
  /** Majorities in the order they were considered, each locked or skipped (would make a cycle). */
  readonly pairs: readonly RankedPair[];
  /** The source of the locked graph that `priority` prefers (the only one unless `unbeaten` has more). */
  readonly winner: number;
  /**
   * Every source of the locked graph: options no locked majority beats. More than one is a tie (pairwise
   * ties, or nobody ranked anybody).
   */
  readonly unbeaten: readonly number[];
  /** A topological order of the locked graph, best first, ties by `priority`. */
  readonly ranking: readonly number[];
}

/**
 * Ranked Pairs with winning votes: majorities sorted by the votes for the winner, then by fewer votes
 * against, each locked unless it closes a cycle. Majorities of equal strength are taken in the order
 * `pick` chooses among them (by default by `priority` of winner, then of loser), since their order can
 * decide which one a cycle skips.
 */
export function rankedPairs(
  d: Float64Array,
  k: number,
  priority: TiePriority,
  pick?: TiePicker,
): RankedPairsResult {
  const candidates: { winner: number; loser: number; votes: number; against: number }[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const votes = d[i * k + j] as number;
      const against = d[j * k + i] as number;
      if (votes > against) candidates.push({ winner: i, loser: j, votes, against });
    }
  }
  const pr = (x: number) => priority[x] as number;
  candidates.sort(
    (a, b) =>
      b.votes - a.votes || a.against - b.against || pr(a.winner) - pr(b.winner) || pr(a.loser) - pr(b.loser),
  );
  if (pick) pickWithinEqualStrength(candidates, pick);
  const locked = new Uint8Array(k * k);
  const reaches = (from: number, to: number): boolean => {
    const seen = new Uint8Array(k);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const x = stack.pop() as number;
      if (x === to) return true;
      for (let y = 0; y < k; y++) {
        if (locked[x * k + y] === 1 && seen[y] === 0) {
          seen[y] = 1;
          stack.push(y);
        }
      }
    }
    return false;
  };
  const pairs: RankedPair[] = candidates.map((c) => {
    const lock = !reaches(c.loser, c.winner);
    if (lock) locked[c.winner * k + c.loser] = 1;
    return { ...c, locked: lock };
  });
  // Topological order, choosing among sources by priority.
  const indegree = new Int32Array(k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) if (locked[i * k + j] === 1) indegree[j] = (indegree[j] as number) + 1;
  const done = new Uint8Array(k);
  const ranking: number[] = [];
  while (ranking.length < k) {
    let next = -1;
    for (let i = 0; i < k; i++) {
      if (done[i] === 0 && indegree[i] === 0 && (next === -1 || pr(i) < pr(next))) next = i;
    }
    done[next] = 1;
    ranking.push(next);
    for (let j = 0; j < k; j++) if (locked[next * k + j] === 1) indegree[j] = (indegree[j] as number) - 1;
  }
  const unbeaten: number[] = [];
  for (let j = 0; j < k; j++) {
    let beaten = false;
    for (let i = 0; i < k && !beaten; i++) beaten = locked[i * k + j] === 1;
    if (!beaten) unbeaten.push(j);
  }
  return { pairs, winner: ranking[0] as number, ranking, unbeaten };
}

/** Reorders each run of equally strong majorities (already in priority order) as `pick` chooses, in place. */
function pickWithinEqualStrength(
  sorted: { winner: number; loser: number; votes: number; against: number }[],
  pick: TiePicker,
): void {
  let from = 0;
  while (from < sorted.length) {
    const head = sorted[from] as (typeof sorted)[number];
    let to = from + 1;
    while (to < sorted.length && sorted[to]?.votes === head.votes && sorted[to]?.against === head.against)
      to++;
    // Positions [from, to) are equally strong: choose which comes next until one is left.
    for (let at = from; at < to - 1; at++) {
      const chosen = pick(Array.from({ length: to - at }, (_, i) => at + i));
      const [taken] = sorted.splice(chosen, 1);
      sorted.splice(at, 0, taken as (typeof sorted)[number]);
    }
    from = to;
  }
}
