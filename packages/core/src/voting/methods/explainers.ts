import type { Bilingual } from '../explain.js';
import type { Motion } from '../motion.js';
import { approvalExplain } from './approval-method.js';
import { dotExplain } from './dot-method.js';
import { irvExplain } from './irv-method.js';
import type { CountExplainer, CountedTally } from './method.js';
import { type MethodId, methodIdOf } from './method-id.js';
import { pluralityExplain } from './plurality-method.js';
import { proposalExplain } from './proposal-method.js';
import { rankedPairsExplain } from './ranked-pairs-method.js';
import { schulzeExplain } from './schulze-method.js';
import { scoreExplain } from './score-method.js';
import { stvExplain } from './stv-method.js';

/**
 * Every method's explanation of its count. Apart from the count registry so that explaining a tally
 * (in a browser element) bundles words, not counts; `satisfies` makes a method without one a compile error.
 */
export const countExplainers = {
  proposal: proposalExplain,
  single: pluralityExplain,
  approval: approvalExplain,
  score: scoreExplain,
  dot: dotExplain,
  irv: irvExplain,
  schulze: schulzeExplain,
  rankedPairs: rankedPairsExplain,
  stv: stvExplain,
} as const satisfies { readonly [Id in MethodId]: CountExplainer };

/**
 * How the motion's counting method counted, in zh-CN and en: each option's figure and who is ahead, tied
 * or drawn by lot, e.g. "Dot vote (10 points each): Lift 23 points, Bikes 17 points; ahead: Lift". Null
 * for a proposal (`explainTally`'s checks say it all) and for a tally that is hidden (a secret motion
 * before close). Separate from `explainTally` so an element that shows only the checks does not bundle it.
 */
export function explainCount(
  motion: Motion,
  tally: CountedTally & { readonly hidden: boolean },
): Bilingual | null {
  const id = methodIdOf(motion);
  return id === undefined || tally.hidden ? null : countExplainers[id](motion, tally);
}
