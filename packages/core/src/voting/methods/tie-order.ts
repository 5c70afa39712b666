/**
 * A strict priority over options used only to break ties: `priority[option]` is its place, lower
 * wins. Built from a lottery seed (see `lotteryOrder`) so that anyone holding the seed can recount.
 */
export type TiePriority = Readonly<Int32Array> | readonly number[];

/** The option among `candidates` that the priority prefers. */
export function preferred(candidates: readonly number[], priority: TiePriority): number {
  let best = candidates[0] as number;
  for (const c of candidates) if ((priority[c] as number) < (priority[best] as number)) best = c;
  return best;
}

/** The option among `candidates` that the priority likes least. */
export function leastPreferred(candidates: readonly number[], priority: TiePriority): number {
  let worst = candidates[0] as number;
  for (const c of candidates) if ((priority[c] as number) > (priority[worst] as number)) worst = c;
  return worst;
}
