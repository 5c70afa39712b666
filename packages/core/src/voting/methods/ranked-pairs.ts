import type { TiePicker, TiePriority } from './tie-order.js';

/** One locked (or skipped) majority of the Ranked Pairs method. */
export interface RankedPair {
  readonly winner: number;
  readonly loser: number;
  readonly votes: number;
  readonly against: number;
  readonly locked: boolean;
}

/** A majority of one option over another, before it is locked or skipped. */
interface Majority {
  readonly winner: number;
  readonly loser: number;
  readonly votes: number;
  readonly against: number;
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
 * against, each locked unless it closes a cycle. Majorities of equal strength are taken by `priority` of
 * winner, then of loser; where locking all of them would close a cycle, their order can decide which one
 * is skipped, so `pick` (when given) chooses it.
 */
export function rankedPairs(
  d: Float64Array,
  k: number,
  priority: TiePriority,
  pick?: TiePicker,
): RankedPairsResult {
  const candidates: Majority[] = [];
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
  const pairs: RankedPair[] = [];
  for (let from = 0; from < candidates.length; ) {
    const head = candidates[from] as Majority;
    let to = from + 1;
    while (candidates[to]?.votes === head.votes && candidates[to]?.against === head.against) to++;
    let group = candidates.slice(from, to);
    if (pick && group.length > 1 && closesCycle(locked, k, group)) group = inPickedOrder(group, pick);
    for (const c of group) {
      const lock = !reaches(c.loser, c.winner);
      if (lock) locked[c.winner * k + c.loser] = 1;
      pairs.push({ ...c, locked: lock });
    }
    from = to;
  }
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

/** Whether locking every majority of `group` on top of `locked` would close a cycle (Kahn's algorithm). */
function closesCycle(locked: Uint8Array, k: number, group: readonly Majority[]): boolean {
  const edges = Uint8Array.from(locked);
  for (const c of group) edges[c.winner * k + c.loser] = 1;
  const indegree = new Int32Array(k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) if (edges[i * k + j] === 1) indegree[j] = (indegree[j] as number) + 1;
  const ready: number[] = [];
  for (let j = 0; j < k; j++) if (indegree[j] === 0) ready.push(j);
  let seen = 0;
  while (ready.length > 0) {
    const i = ready.pop() as number;
    seen++;
    for (let j = 0; j < k; j++) {
      if (edges[i * k + j] !== 1) continue;
      indegree[j] = (indegree[j] as number) - 1;
      if (indegree[j] === 0) ready.push(j);
    }
  }
  return seen < k;
}

/** The majorities of `group` in the order `pick` chooses them, one at a time. */
function inPickedOrder(group: readonly Majority[], pick: TiePicker): Majority[] {
  const rest = [...group];
  const ordered: Majority[] = [];
  while (rest.length > 1) {
    const [taken] = rest.splice(pick(rest.map((_, i) => i)), 1);
    ordered.push(taken as Majority);
  }
  return [...ordered, ...rest];
}
