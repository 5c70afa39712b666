import type { CheckResult, Totals } from './evaluate.js';

/**
 * What an unmet check still needs, limited to what can still happen: the weight that has not voted yet,
 * plus, where ballots may be changed, the participants not yet in favour.
 */
export type CheckHint =
  | {
      readonly reachable: true;
      /**
       * Weight still needed, in the check's units: new participants for a participation check; yes weight
       * for an approval check (changed ballots included where allowed). Never more than can still move.
       */
      readonly needs: number;
      /** Yes weight from voters yet to vote that meets the check on its own, or null if none can. */
      readonly newBallots: number | null;
    }
  | { readonly reachable: false };

/**
 * The hint for one check of an open motion; null when the check is met. Whether it is reachable is
 * decided at the voters' best completion (everyone yet to vote says yes, and with `allowChange` every
 * participant changes to yes), where each share is at its highest.
 */
export function checkHint(result: CheckResult, totals: Totals, allowChange: boolean): CheckHint | null {
  if (result.met) return null;
  const t = totals[result.check.dimension];
  const notVoted = t.eligible - t.participating;
  const changeable = allowChange ? t.participating - t.yes : 0;
  const fromNew =
    result.newVotesNeeded !== null && result.newVotesNeeded <= notVoted ? result.newVotesNeeded : null;
  if (result.check.kind === 'participation') {
    // Only those yet to vote can add to the turnout; a changed ballot was already counted.
    return result.missing <= notVoted
      ? { reachable: true, needs: result.missing, newBallots: fromNew }
      : { reachable: false };
  }
  if (result.check.base === 'eligible') {
    // The base is fixed, so each unit of yes weight counts once, whoever brings it.
    return result.missing <= notVoted + changeable
      ? { reachable: true, needs: result.missing, newBallots: fromNew }
      : { reachable: false };
  }
  // Against participants, a changed ballot adds yes weight without adding to the base; `missing` is at most
  // the participants not in favour, so changes alone reach it whenever the base is not empty.
  if (allowChange && t.participating > 0 && result.missing <= changeable)
    return { reachable: true, needs: result.missing, newBallots: fromNew };
  return fromNew === null ? { reachable: false } : { reachable: true, needs: fromNew, newBallots: fromNew };
}
