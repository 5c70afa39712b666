import type { BallotColumns } from '../ballot-columns.js';
import { beforeFirstDraw, type RankedChoice, rankedInput, rankedShape, union } from '../ranked-tally.js';
import { optionResults } from './choice-count.js';
import { type IrvResult, instantRunoff } from './irv.js';
import type { CountExplainer, CountingMethod, Weights } from './method.js';
import type { RankedBallots } from './ranked-ballots.js';
import { standingsLine } from './standings.js';
import { everyResolution } from './tie-order.js';

/**
 * Instant runoff: the last option is dropped round by round until one holds a majority. Recounted
 * under every way of settling a tie for last that its own rules cannot break.
 */
export const irvMethod: CountingMethod<RankedChoice> = {
  shape: rankedShape,
  byThreshold: false,
  // The winner's final-round support is a total in favour.
  hasSupport: true,
  checkDefinition: () => null,
  count: (input) => {
    const { roll, ballots, voters, lastByLottery, settle } = rankedInput(input);
    const { results, complete } = everyResolution(
      (pick) => instantRunoff(ballots, input.priority, pick),
      lastByLottery,
    );
    const result = results[0] as IrvResult;
    const winners = (r: IrvResult) => r.tiedForWin ?? (r.winner === null ? [] : [r.winner]);
    const possible = complete ? union(results.map(winners)) : beforeFirstDraw(ballots.options, result.rounds);
    // After a tie for the win, `winner` is the one the lottery's priority prefers.
    const settlement = settle(possible, result.winner === null ? [] : [result.winner]);
    return {
      roll,
      // The first round counts every ballot for its first choice.
      options: optionResults(input.motion, result.rounds[0]?.votes ?? []),
      settlement,
      yes: settlement.winners.length === 1 ? finalSupport(input.columns, ballots, voters, result) : [0, 0, 0],
      irvRounds: result.rounds,
    };
  },
};

/** The weight of the ballots that count for the IRV winner in the final round. */
function finalSupport(
  columns: BallotColumns,
  ballots: RankedBallots,
  voters: Int32Array | null,
  result: IrvResult,
): Weights {
  const k = ballots.options;
  const { order, count } = ballots;
  const { position, winner } = result;
  const areas = columns.area;
  const customs = columns.custom;
  let heads = 0;
  let area = 0;
  let custom = 0;
  for (let b = 0, row = 0; b < count; b++, row += k) {
    const p = position[b] as number;
    if (p === k || order[row + p] !== winner) continue;
    const i = voters === null ? b : (voters[b] as number);
    heads++;
    area += areas[i] as number;
    custom += customs[i] as number;
  }
  return [heads, area, custom];
}

/** How the count went, in plain words (see `explainers.ts`). */
export const irvExplain: CountExplainer = (_motion, count) =>
  standingsLine(
    count,
    { 'zh-CN': '即时决选（逐轮淘汰得票最少者），首选票', en: 'Instant runoff, first choices' },
    { 'zh-CN': '票', one: 'first choice', many: 'first choices' },
  );
