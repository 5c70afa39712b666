import { ok } from '../../errors/result.js';
import { byOptionId, countTotals } from './choice-count.js';
import { scoreTotals } from './counts.js';
import type { CountExplainer, CountingMethod } from './method.js';
import { perOption } from './option-ids.js';
import { standingsLine } from './standings.js';

/** A score of 0–5 for every option, in option order. */
export interface ScoreChoice {
  readonly kind: 'score';
  readonly scores: readonly number[];
}

/** Score voting: every option gets 0–5 from every ballot; the highest total wins. Headcount only. */
export const scoreMethod: CountingMethod<ScoreChoice> = {
  shape: {
    kind: 'score',
    field: 'scores',
    // 255 marks a row with no ballot, so a total needs no second look at `cast`.
    layout: { column: 'grid', empty: 255 },
    read: (motion, command, options) => {
      const scores = perOption(
        motion.options,
        options,
        command.scores as Record<string, number>,
        'scores',
        'ballot.scores_incomplete',
      );
      return scores.ok ? ok({ kind: 'score', scores: scores.value }) : scores;
    },
    write: (columns, i, choice) => {
      columns.grid.set(choice.scores, i * columns.options);
    },
    withIds: (choice, id) => ({ scores: byOptionId(choice.scores, id) }),
  },
  byThreshold: false,
  hasSupport: false,
  checkDefinition: () => null,
  count: (input) => countTotals(input, scoreTotals(input.columns.options, input.columns.grid)),
};

/** How the count went, in plain words (see `explainers.ts`). */
export const scoreExplain: CountExplainer = (_motion, count) =>
  standingsLine(
    count,
    { 'zh-CN': '评分（每项 0–5 分，总分最高者胜）', en: 'Score (0–5 per option, highest total wins)' },
    { 'zh-CN': '分', one: 'point', many: 'points' },
  );
