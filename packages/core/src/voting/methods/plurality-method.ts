import { ok } from '../../errors/result.js';
import type { BallotColumns } from '../ballot-columns.js';
import { countWeighted } from './choice-count.js';
import { pluralityCounts } from './counts.js';
import type { CountExplainer, CountingMethod } from './method.js';
import { optionAt } from './option-ids.js';
import { standingsLine, votesWords } from './standings.js';

/** One option chosen. */
export interface SingleChoice {
  readonly kind: 'single';
  readonly option: number;
}

/** Plurality (`single`): one option per ballot; the most votes wins, weighed in every dimension. */
export const pluralityMethod: CountingMethod<SingleChoice> = {
  shape: {
    kind: 'single',
    field: 'option',
    layout: { column: 'single' },
    read: (_motion, command, options) => {
      const found = optionAt(options, command.option as string, ['option']);
      return found.ok ? ok({ kind: 'single', option: found.value }) : found;
    },
    write: (columns, i, choice) => {
      columns.single[i] = choice.option;
    },
    withIds: (choice, id) => ({ option: id(choice.option) }),
  },
  byThreshold: false,
  hasSupport: true,
  checkDefinition: () => null,
  count: (input) => {
    const { columns } = input;
    const choice = castOnly(columns.single, columns.cast);
    return countWeighted(input, (weights) => pluralityCounts(columns.options, choice, weights));
  },
};

/** The choices of voters with a live ballot; −1 for the rest. */
function castOnly(single: Int16Array, cast: Uint8Array): Int16Array {
  const out = new Int16Array(single.length);
  for (let i = 0; i < single.length; i++) out[i] = cast[i] === 1 ? (single[i] as number) : -1;
  return out;
}

/** The grid rows of voters with a live ballot; zeros for the rest. */
export function castGrid(columns: BallotColumns): Uint8Array {
  const k = columns.options;
  const out = new Uint8Array(columns.grid.length);
  for (let i = 0; i < columns.size; i++)
    if (columns.cast[i] === 1) out.set(columns.grid.subarray(i * k, i * k + k), i * k);
  return out;
}

/** How the count went, in plain words (see `explainers.ts`). */
export const pluralityExplain: CountExplainer = (_motion, count) =>
  standingsLine(count, { 'zh-CN': '单选（得票最多者胜）', en: 'Plurality' }, votesWords);
