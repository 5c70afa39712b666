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

/**
 * Chooses one of several values (options, or pairs of options) that every counting rule left tied. A
 * count asks only when the choice is its own, so a count that never asks had nothing to draw.
 */
export type TiePicker = (tied: readonly number[]) => number;

/** The results of a count under every way of settling its unbreakable ties. */
export interface Resolutions<R> {
  /** The first is the count with `first`'s choices; the others follow depth first. */
  readonly results: readonly R[];
  /** False when `limit` runs did not exhaust the ways of settling the ties. */
  readonly complete: boolean;
}

/**
 * Runs `count` once per way of settling the ties it cannot break (depth first, at most `limit` runs),
 * starting with `first`'s choice at every tie. A count that meets no such tie runs once; whether its
 * ties mattered is whether the results differ, which is how a tie is told from a draw that changed nothing.
 */
export function everyResolution<R>(
  count: (pick: TiePicker) => R,
  first: TiePicker,
  limit = 256,
): Resolutions<R> {
  // One odometer digit per tie met, in the order met: its width, where it started and how far it has turned.
  const width: number[] = [];
  const start: number[] = [];
  const turned: number[] = [];
  const results: R[] = [];
  for (;;) {
    let at = 0;
    const pick: TiePicker = (tied) => {
      if (at === width.length) {
        width.push(tied.length);
        start.push(Math.max(0, tied.indexOf(first(tied))));
        turned.push(0);
      }
      const i = at++;
      return tied[((start[i] as number) + (turned[i] as number)) % (width[i] as number)] as number;
    };
    results.push(count(pick));
    let i = width.length - 1;
    while (i >= 0 && (turned[i] as number) + 1 >= (width[i] as number)) i--;
    if (i < 0) return { results, complete: true };
    if (results.length >= limit) return { results, complete: false };
    // A different choice here can meet different ties later: forget the deeper digits.
    width.length = i + 1;
    start.length = i + 1;
    turned.length = i + 1;
    turned[i] = (turned[i] as number) + 1;
  }
}
