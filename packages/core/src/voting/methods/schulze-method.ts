import { pairwiseInput, type RankedChoice, rankedShape } from '../ranked-tally.js';
import { noWinner } from '../settle-tie.js';
import type { CountExplainer, CountingMethod } from './method.js';
import { schulze } from './schulze.js';
import { standingsLine } from './standings.js';
import { preferred } from './tie-order.js';

/** The Schulze method over the pairwise matrix; a tie where several options beat-or-tie all others. */
export const schulzeMethod: CountingMethod<RankedChoice> = {
  shape: rankedShape,
  byThreshold: false,
  hasSupport: false,
  checkDefinition: () => null,
  count: (input) => {
    const { ranked, d, k, base, nobody } = pairwiseInput(input);
    if (nobody) return { ...base, settlement: noWinner };
    const { winners } = schulze(d, k, input.priority);
    return { ...base, settlement: ranked.settle(winners, [preferred(winners, input.priority)]) };
  },
};

/** How the count went, in plain words (see `explainers.ts`). */
export const schulzeExplain: CountExplainer = (_motion, count) =>
  standingsLine(
    count,
    { 'zh-CN': '舒尔策法（两两比较），首选票', en: 'Schulze (pairwise), first choices' },
    { 'zh-CN': '票', one: 'first choice', many: 'first choices' },
  );
