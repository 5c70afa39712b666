/**
 * Plurality, approval and score counts. Each takes per-ballot weights (a headcount of 1, an area, a
 * custom weight) so the same count serves any dimension.
 */

/** Weighted votes per option for single-choice ballots; `choice[b]` is an option index or -1 for none. */
export function pluralityCounts(options: number, choice: Int16Array, weights?: Float64Array): Float64Array {
  const counts = new Float64Array(options);
  for (let b = 0; b < choice.length; b++) {
    const c = choice[b] as number;
    if (c >= 0) counts[c] = (counts[c] as number) + (weights ? (weights[b] as number) : 1);
  }
  return counts;
}

/** Weighted approvals per option; ballot b approves option c when `marks[b*options + c]` is 1. */
export function approvalCounts(options: number, marks: Uint8Array, weights?: Float64Array): Float64Array {
  const counts = new Float64Array(options);
  const ballots = marks.length / options;
  for (let b = 0; b < ballots; b++) {
    const w = weights ? (weights[b] as number) : 1;
    const base = b * options;
    for (let c = 0; c < options; c++) if (marks[base + c] === 1) counts[c] = (counts[c] as number) + w;
  }
  return counts;
}

/** Weighted score totals per option; `scores[b*options + c]` is 0–5, or 255 for a ballot not cast. */
export function scoreTotals(options: number, scores: Uint8Array, weights?: Float64Array): Float64Array {
  const totals = new Float64Array(options);
  const ballots = scores.length / options;
  for (let b = 0; b < ballots; b++) {
    const w = weights ? (weights[b] as number) : 1;
    const base = b * options;
    if (scores[base] === 255) continue;
    for (let c = 0; c < options; c++) totals[c] = (totals[c] as number) + w * (scores[base + c] as number);
  }
  return totals;
}

/** Indexes of the options with the highest count (several when tied). */
export function topOptions(counts: ArrayLike<number>): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < counts.length; c++) if ((counts[c] as number) > max) max = counts[c] as number;
  const top: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] === max) top.push(c);
  return top;
}
