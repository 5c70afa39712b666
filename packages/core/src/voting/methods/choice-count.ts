import type { Motion } from '../motion.js';
import { type Settlement, settleTie } from '../settle-tie.js';
import { topOptions } from './counts.js';
import type { CountInput, MethodCount, OptionResult } from './method.js';
import { sumRoll } from './roll-sums.js';
import { preferred, type TiePriority } from './tie-order.js';

/**
 * The options with the highest count, settled by the motion's tie rule. Nobody gave any option a vote
 * (or a point): there is no one to elect, and nothing to draw.
 */
export function settleTop(counts: ArrayLike<number>, priority: TiePriority, motion: Motion): Settlement {
  const top = topOptions(counts);
  if ((counts[top[0] as number] as number) <= 0) return { winners: [], tied: false, lottery: false };
  return settleTie(top, [preferred(top, priority)], motion.tieBreak);
}

/** One result per option from per-option figures; dimensions a method does not weigh are zero. */
export function optionResults(
  motion: Motion,
  votes: ArrayLike<number>,
  area?: ArrayLike<number>,
  custom?: ArrayLike<number>,
): OptionResult[] {
  return motion.options.map((o, c) => ({
    ...o,
    votes: votes[c] ?? 0,
    area: area ? (area[c] as number) : 0,
    custom: custom ? (custom[c] as number) : 0,
  }));
}

/**
 * A count weighed in every dimension (plurality, approval): `counts` gives the per-option total for a
 * per-voter weight, or for one each when none is given. The sole winner's support is what the rule's
 * approval checks measure.
 */
export function countWeighted(
  { motion, columns, priority }: CountInput,
  counts: (weights?: Float64Array) => Float64Array,
): MethodCount {
  const heads = counts();
  const area = counts(columns.area);
  const custom = counts(columns.custom);
  const settlement = settleTop(heads, priority, motion);
  const w = settlement.winners.length === 1 ? (settlement.winners[0] as number) : -1;
  return {
    roll: sumRoll(columns),
    options: optionResults(motion, heads, area, custom),
    settlement,
    yes: w < 0 ? [0, 0, 0] : [heads[w] as number, area[w] as number, custom[w] as number],
  };
}

/** A count of per-option totals by headcount (score, dot): the most wins; there is no total in favour. */
export function countTotals({ motion, columns, priority }: CountInput, totals: Float64Array): MethodCount {
  return {
    roll: sumRoll(columns),
    options: optionResults(motion, totals),
    settlement: settleTop(totals, priority, motion),
    yes: [0, 0, 0],
  };
}

/** Per-option figures keyed by option id, as `ballot.cast` takes scores and points. */
export function byOptionId(
  figures: readonly number[],
  id: (option: number) => string | undefined,
): Record<string, number> {
  return Object.fromEntries(figures.map((f, i) => [id(i), f]));
}
