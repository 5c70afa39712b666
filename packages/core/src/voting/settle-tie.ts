import type { TieBreak } from './motion.js';

/** The winners of a count once its ties are settled, and how they were settled. */
export interface Settlement {
  readonly winners: readonly number[];
  /** Several options could win and the motion asks for ties to be reported. */
  readonly tied: boolean;
  /** The lottery's draw decided the winners. */
  readonly lottery: boolean;
}

/**
 * Settles what a count could elect. `possible` holds every option some settling of the count's ties
 * elects; `drawn` is what the lottery's priority elects. One possibility is no tie and draws nothing;
 * several are reported as a tie (`tieBreak: 'report'`) or replaced by the draw (`'lottery'`).
 */
export function settleTie(
  possible: readonly number[],
  drawn: readonly number[],
  tieBreak: TieBreak,
): Settlement {
  if (possible.length <= 1) return { winners: possible, tied: false, lottery: false };
  if (tieBreak === 'lottery') return { winners: drawn, tied: false, lottery: true };
  return { winners: possible, tied: true, lottery: false };
}

/** Nothing to elect: no tie, no draw. */
export const noWinner: Settlement = { winners: [], tied: false, lottery: false };
