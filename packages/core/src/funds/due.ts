import type { CommunityState } from '../community/state.js';
import { type DueItem, type DuePart, earlier } from '../decide/due-item.js';
import { zonedInstant } from '../rotation/calendar.js';
import type { LocalDate } from '../time/local-date.js';
import { nextMonth } from './charge-billing.js';
import type { FundsCommand } from './commands.js';
import { billedKey } from './evolve.js';
import { billMonth, dueDateOf } from './recurring.js';
import type { Charge, FundsState } from './state.js';

type BillCommand = Extract<FundsCommand, { type: 'charge.bill' }>;

/** The instant a month begins: its first day's midnight in the community's zone. */
export function monthBegins(month: string, timeZone: string): number {
  return zonedInstant(`${month}-01` as LocalDate, '00:00', timeZone);
}

/** The instant `month`'s bill of `charge` falls due: its due date's midnight in the community's zone. */
export function billDueAt(charge: Charge, month: string, timeZone: string): number {
  return zonedInstant(dueDateOf(charge, month), '00:00', timeZone);
}

/** Whether billing `month` would charge anyone: a month nobody in the scope lived in is never due. */
function billable(community: CommunityState, charge: Charge, month: string): boolean {
  return billMonth(community, charge, month, charge.monthlyAmount).length > 0;
}

/**
 * Funds' due work at `now`: each month of each recurring charge, from its `start` and not after its
 * `end`, whose due date (its day of month, {@link dueDateOf}) has begun by `now` in `timeZone`, that
 * is not yet billed and has households to bill, is billed (`charge.bill`), oldest first — so after
 * downtime every missed month is listed once, under a key of its own. The next due instant is the
 * due date of the first later month of a charge whose term goes on.
 */
export function dueCharges(
  community: CommunityState,
  funds: FundsState,
  now: Date,
  timeZone: string,
): DuePart<BillCommand> {
  const items: DueItem<BillCommand>[] = [];
  let next: number | undefined;
  const at = now.getTime();
  for (const charge of funds.charges.values()) {
    const inTerm = (month: string) => charge.end === undefined || month <= charge.end;
    let month = charge.start;
    for (; inTerm(month) && billDueAt(charge, month, timeZone) <= at; month = nextMonth(month)) {
      if (funds.billed.has(billedKey(charge.id, month)) || !billable(community, charge, month)) continue;
      items.push({
        key: `charge.bill:${charge.id}:${month}`,
        dueAt: new Date(billDueAt(charge, month, timeZone)).toISOString(),
        command: { type: 'charge.bill', chargeId: charge.id, month },
      });
    }
    if (inTerm(month)) next = earlier(next, billDueAt(charge, month, timeZone));
  }
  return { items, next };
}
