import { preferred, type TiePriority } from './tie-order.js';

/** The Schulze method's result. */
export interface SchulzeResult {
  /** Strongest path strengths (winning votes): `p[i*k + j]`. */
  readonly paths: Float64Array;
  /** Options that no other option beats by a stronger path (the Schulze winners; usually one). */
  readonly winners: readonly number[];
  /** Options best first: by how many others each beats by path strength, ties by `priority`. */
  readonly ranking: readonly number[];
}

/**
 * The Schulze method on a pairwise matrix, with winning votes as the link strength (the common
 * definition, and the one `votes` uses): a link i→j has strength d[i][j] if i beats j, else 0.
 */
export function schulze(d: Float64Array, k: number, priority: TiePriority): SchulzeResult {
  const p = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i !== j) {
        const dij = d[i * k + j] as number;
        p[i * k + j] = dij > (d[j * k + i] as number) ? dij : 0;
      }
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      const pji = p[j * k + i] as number;
      if (pji === 0) continue;
      for (let m = 0; m < k; m++) {
        if (m === i || m === j) continue;
        const via = Math.min(pji, p[i * k + m] as number);
        if (via > (p[j * k + m] as number)) p[j * k + m] = via;
      }
    }
  }
  const beats = new Int32Array(k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      if ((p[i * k + j] as number) > (p[j * k + i] as number)) beats[i] = (beats[i] as number) + 1;
  const winners: number[] = [];
  for (let i = 0; i < k; i++) {
    let unbeaten = true;
    for (let j = 0; j < k && unbeaten; j++)
      if ((p[j * k + i] as number) > (p[i * k + j] as number)) unbeaten = false;
    if (unbeaten) winners.push(i);
  }
  const ranking = Array.from({ length: k }, (_, i) => i).sort(
    (a, b) =>
      (beats[b] as number) - (beats[a] as number) || (priority[a] as number) - (priority[b] as number),
  );
  // Keep `winners` consistent with the ranking's head when the priority has to choose.
  if (winners.length === 0) winners.push(preferred(ranking, priority));
  return { paths: p, winners, ranking };
}
