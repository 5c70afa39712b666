import { pairwiseInput, type RankedChoice, rankedShape, union } from '../ranked-tally.js';
import { noWinner } from '../settle-tie.js';
import type { CountExplainer, CountingMethod } from './method.js';
import { smithSet } from './pairwise.js';
import { type RankedPairsResult, rankedPairs } from './ranked-pairs.js';
import { standingsLine } from './standings.js';
import { everyResolution } from './tie-order.js';

/**
 * Ranked Pairs (Tideman): majorities locked in from the strongest. Equally strong majorities are
 * taken in every order, so a cycle they close is a tie.
 */
export const rankedPairsMethod: CountingMethod<RankedChoice> = {
  shape: rankedShape,
  byThreshold: false,
  hasSupport: false,
  checkDefinition: () => null,
  count: (input) => {
    const { ranked, d, k, base, nobody } = pairwiseInput(input);
    if (nobody) return { ...base, settlement: noWinner };
    const { results, complete } = everyResolution(
      (pick) => rankedPairs(d, k, input.priority, pick),
      (tied) => tied[0] as number,
    );
    // Ranked Pairs elects from the Smith set under any order: the bound when not every order was tried.
    const possible = complete ? union(results.map((r) => r.unbeaten)) : smithSet(d, k);
    return { ...base, settlement: ranked.settle(possible, [(results[0] as RankedPairsResult).winner]) };
  },
};

/** How the count went, in plain words (see `explainers.ts`). */
export const rankedPairsExplain: CountExplainer = (_motion, count) =>
  standingsLine(
    count,
    { 'zh-CN': '排序对法（两两比较），首选票', en: 'Ranked Pairs (pairwise), first choices' },
    { 'zh-CN': '票', one: 'first choice', many: 'first choices' },
  );
