import { END, type RankedBallots } from './ranked-ballots.js';

/**
 * The pairwise preference matrix: `d[i*k + j]` is the weight of ballots that rank i above j. A ranked
 * option beats every option the ballot leaves unranked; unranked options are tied with each other.
 */
export function pairwiseMatrix(ballots: RankedBallots): Float64Array {
  const k = ballots.options;
  const d = new Float64Array(k * k);
  const { order, weights, count } = ballots;
  const ranked = new Uint8Array(k);
  for (let b = 0; b < count; b++) {
    const w = weights ? (weights[b] as number) : 1;
    const base = b * k;
    let m = 0;
    while (m < k && order[base + m] !== END) m++;
    for (let x = 0; x < m; x++) {
      const winner = order[base + x] as number;
      const row = winner * k;
      for (let y = x + 1; y < m; y++)
        d[row + (order[base + y] as number)] = (d[row + (order[base + y] as number)] as number) + w;
    }
    if (m < k) {
      // Ranked options beat the unranked ones.
      ranked.fill(0);
      for (let x = 0; x < m; x++) ranked[order[base + x] as number] = 1;
      for (let x = 0; x < m; x++) {
        const row = (order[base + x] as number) * k;
        for (let c = 0; c < k; c++) if (ranked[c] === 0) d[row + c] = (d[row + c] as number) + w;
      }
    }
  }
  return d;
}

/**
 * The Smith set: the smallest set of options each of which beats every option outside it. An option is
 * in it when it reaches every other through "beats or ties" steps. Every Condorcet-consistent method that
 * is Smith-efficient (Schulze, Ranked Pairs) elects from it, whatever its tie-break.
 */
export function smithSet(d: Float64Array, k: number): number[] {
  const reach = new Uint8Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      if (i === j || (d[i * k + j] as number) >= (d[j * k + i] as number)) reach[i * k + j] = 1;
  for (let m = 0; m < k; m++)
    for (let i = 0; i < k; i++)
      if (reach[i * k + m] === 1)
        for (let j = 0; j < k; j++) if (reach[m * k + j] === 1) reach[i * k + j] = 1;
  const smith: number[] = [];
  for (let i = 0; i < k; i++) {
    let all = true;
    for (let j = 0; j < k && all; j++) all = reach[i * k + j] === 1;
    if (all) smith.push(i);
  }
  return smith;
}
