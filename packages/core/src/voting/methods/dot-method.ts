import { linliError } from '../../errors/linli-error.js';
import { err, ok } from '../../errors/result.js';
import type { MotionDefinition } from '../motion.js';
import { byOptionId, countTotals } from './choice-count.js';
import type { CountExplainer, CountingMethod } from './method.js';
import { perOption } from './option-ids.js';
import { standingsLine } from './standings.js';

/** A dot vote's points for every option, in option order. */
export interface DotChoice {
  readonly kind: 'dot';
  readonly points: readonly number[];
}

/** Points each voter may spend when the motion names no `budget` (Loomio's default is 8; ten reads easier). */
const DEFAULT_DOT_BUDGET = 10;

/** The points each voter of a dot vote may spread: the motion's `budget`, or 10. */
export function dotBudget(motion: Pick<MotionDefinition, 'budget'>): number {
  return motion.budget ?? DEFAULT_DOT_BUDGET;
}

/**
 * Dot voting (Loomio's `dot_vote`): each voter spreads up to `budget` points over the options, several
 * on one if they like; the option with the most points wins. Headcount only, like score voting.
 */
export const dotMethod: CountingMethod<DotChoice> = {
  shape: {
    kind: 'dot',
    field: 'points',
    // A row of zeros is what a voter who has not voted adds, so a total needs no look at `cast`.
    layout: { column: 'grid', empty: 0 },
    read: (motion, command, options) => {
      const points = perOption(
        motion.options,
        options,
        command.points as Record<string, number>,
        'points',
        'ballot.points_incomplete',
      );
      if (!points.ok) return points;
      const budget = dotBudget(motion);
      const spent = points.value.reduce((sum, p) => sum + p, 0);
      if (spent > budget) return err(linliError('ballot.over_budget', ['points'], { budget, spent }));
      return ok({ kind: 'dot', points: points.value });
    },
    write: (columns, i, choice) => {
      columns.grid.set(choice.points, i * columns.options);
    },
    withIds: (choice, id) => ({ points: byOptionId(choice.points, id) }),
  },
  byThreshold: false,
  hasSupport: false,
  checkDefinition: () => null,
  count: (input) => countTotals(input, pointTotals(input.columns.options, input.columns.grid)),
};

/** Points per option over every row of the grid. */
export function pointTotals(options: number, grid: Uint8Array): Float64Array {
  const totals = new Float64Array(options);
  for (let at = 0; at < grid.length; at += options)
    for (let c = 0; c < options; c++) totals[c] = (totals[c] as number) + (grid[at + c] as number);
  return totals;
}

/** How the count went, in plain words (see `explainers.ts`). */
export const dotExplain: CountExplainer = (motion, count) => {
  const budget = dotBudget(motion);
  return standingsLine(
    count,
    { 'zh-CN': `点数投票（每人 ${budget} 点）`, en: `Dot vote (${budget} points each)` },
    { 'zh-CN': '点', one: 'point', many: 'points' },
  );
};
