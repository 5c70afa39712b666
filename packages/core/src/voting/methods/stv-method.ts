import { linliError } from '../../errors/linli-error.js';
import { fractionToString } from '../../numbers/fraction.js';
import { beforeFirstDraw, type RankedChoice, rankedInput, rankedShape, union } from '../ranked-tally.js';
import { noWinner } from '../settle-tie.js';
import { optionResults } from './choice-count.js';
import type { CountExplainer, CountingMethod } from './method.js';
import { standingsLine } from './standings.js';
import { type StvResult, singleTransferableVote } from './stv.js';
import { everyResolution } from './tie-order.js';

/**
 * Single transferable vote for `seats` seats, with exact fractions. Recounted under every way of
 * settling the ties its own rules cannot break; a tie only where the elected set differs.
 */
export const stvMethod: CountingMethod<RankedChoice> = {
  shape: rankedShape,
  byThreshold: false,
  hasSupport: false,
  checkDefinition: (d) => {
    const seats = d.seats ?? 1;
    return seats >= d.options.length
      ? linliError('motion.bad_seats', ['seats'], { seats, options: d.options.length })
      : null;
  },
  count: (input) => {
    const { roll, ballots, firsts, lastByLottery, settle } = rankedInput(input);
    const options = optionResults(input.motion, firsts);
    // Nobody ranked anybody: there is no one to elect, and nothing to draw.
    if (firsts.every((f) => f === 0)) return { roll, options, settlement: noWinner, yes: [0, 0, 0] };
    const { results, complete } = everyResolution(
      (pick) => singleTransferableVote(ballots, input.motion.seats ?? 1, input.priority, pick),
      lastByLottery,
    );
    const result = results[0] as StvResult;
    const sameSeats = (r: StvResult) =>
      r.elected.length === result.elected.length && r.elected.every((c) => result.elected.includes(c));
    const possible = complete
      ? union(results.map((r) => r.elected))
      : beforeFirstDraw(ballots.options, result.rounds);
    return {
      roll,
      options,
      settlement:
        complete && results.every(sameSeats)
          ? { winners: result.elected, tied: false, lottery: false }
          : settle(possible, result.elected),
      yes: [0, 0, 0],
      stv: {
        quota: result.quota,
        rounds: result.rounds.map((r) => ({
          votes: r.votes.map(fractionToString),
          exhausted: fractionToString(r.exhausted),
          elected: r.elected,
          eliminated: r.eliminated,
        })),
      },
    };
  },
};

/** How the count went, in plain words (see `explainers.ts`). */
export const stvExplain: CountExplainer = (motion, count) =>
  standingsLine(
    count,
    {
      'zh-CN': `单记可转移投票（${motion.seats ?? 1} 席），首选票`,
      en: `Single transferable vote (${motion.seats ?? 1} seats), first choices`,
    },
    { 'zh-CN': '票', one: 'first choice', many: 'first choices' },
  );
