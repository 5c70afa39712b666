import type { TiePriority } from './tie-order.js';

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
  /** The source of the locked graph. */
  readonly winner: number;
  /** A topological order of the locked graph, best first, ties by `priority`. */
  readonly ranking: readonly number[];
}

/**
 * Ranked Pairs with winning votes: majorities sorted by the votes for the winner (then by fewer votes
 * against, then by `priority` of winner and loser), each locked unless it closes a cycle.
 */
export function rankedPairs(d: Float64Array, k: number, priority: TiePriority): RankedPairsResult {
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
  return { pairs, winner: ranking[0] as number, ranking };
}
