import { linliError } from '../../errors/linli-error.js';
import { err, ok } from '../../errors/result.js';
import { countWeighted } from './choice-count.js';
import { approvalCounts } from './counts.js';
import type { CountExplainer, CountingMethod } from './method.js';
import { distinctOptions } from './option-ids.js';
import { castGrid } from './plurality-method.js';
import { standingsLine, votesWords } from './standings.js';

/** The options a ballot approves, as ascending indexes. */
export interface ApprovalChoice {
  readonly kind: 'approval';
  readonly options: readonly number[];
}

/** Approval: each ballot approves between `minChoices` and `maxChoices` options; most approvals wins. */
export const approvalMethod: CountingMethod<ApprovalChoice> = {
  shape: {
    kind: 'approval',
    field: 'options',
    layout: { column: 'grid', empty: 0 },
    read: (motion, command, options) => {
      const chosen = distinctOptions(options, command.options as string[], 'options');
      if (!chosen.ok) return chosen;
      const min = motion.minChoices ?? 1;
      const max = motion.maxChoices ?? motion.options.length;
      const count = chosen.value.length;
      if (count < min || count > max)
        return err(linliError('ballot.choice_count', ['options'], { min, max, count }));
      return ok({ kind: 'approval', options: chosen.value.sort((a, b) => a - b) });
    },
    write: (columns, i, choice) => {
      const k = columns.options;
      columns.grid.fill(0, i * k, i * k + k);
      for (const o of choice.options) columns.grid[i * k + o] = 1;
    },
    withIds: (choice, id) => ({ options: choice.options.map(id) }),
  },
  byThreshold: false,
  hasSupport: true,
  checkDefinition: (d) => {
    const min = d.minChoices ?? 1;
    const max = d.maxChoices ?? d.options.length;
    return min > max || max > d.options.length
      ? linliError('motion.bad_choice_limits', ['maxChoices'], { min, max, options: d.options.length })
      : null;
  },
  count: (input) => {
    const marks = castGrid(input.columns);
    return countWeighted(input, (weights) => approvalCounts(input.columns.options, marks, weights));
  },
};

/** How the count went, in plain words (see `explainers.ts`). */
export const approvalExplain: CountExplainer = (_motion, count) =>
  standingsLine(count, { 'zh-CN': '赞成投票（可选多项）', en: 'Approval' }, votesWords);
