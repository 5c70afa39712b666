import type { CommunityState } from '../community/state.js';
import { type DueItem, type DuePart, earlier } from '../decide/due-item.js';
import { zonedInstant } from '../rotation/calendar.js';
import { type LocalDate, localDateOf } from '../time/local-date.js';
import type { FundsCommand } from './commands.js';
import { billedKey } from './evolve.js';
import { billMonth } from './recurring.js';
import type { Charge, FundsState } from './state.js';

type BillCommand = Extract<FundsCommand, { type: 'charge.bill' }>;

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The instant a month begins: its first day's midnight in the community's zone. */
export function monthBegins(month: string, timeZone: string): number {
  return zonedInstant(`${month}-01` as LocalDate, '00:00', timeZone);
}

/** Whether billing `month` would charge anyone: a month nobody in the scope lived in is never due. */
function billable(community: CommunityState, charge: Charge, month: string): boolean {
  return billMonth(community, charge, month, charge.monthlyAmount).length > 0;
}

/**
 * Funds' due work at `now`: each month of each recurring charge, from its `start` to the month `now`
 * falls in (in `timeZone`) and not after its `end`, that is not yet billed and has households to
 * bill, is billed (`charge.bill`), due when the month begins. The next due instant is the beginning
 * of the first later month of a charge whose term goes on.
 */
export function dueCharges(
  community: CommunityState,
  funds: FundsState,
  now: Date,
  timeZone: string,
): DuePart<BillCommand> {
  const current = localDateOf(now, timeZone).slice(0, 7);
  const items: DueItem<BillCommand>[] = [];
  let next: number | undefined;
  for (const charge of funds.charges.values()) {
    const last = charge.end !== undefined && charge.end < current ? charge.end : current;
    let month = charge.start;
    for (; month <= last; month = nextMonth(month)) {
      if (funds.billed.has(billedKey(charge.id, month)) || !billable(community, charge, month)) continue;
      items.push({
        key: `charge.bill:${charge.id}:${month}`,
        dueAt: new Date(monthBegins(month, timeZone)).toISOString(),
        command: { type: 'charge.bill', chargeId: charge.id, month },
      });
    }
    if (charge.end === undefined || month <= charge.end) next = earlier(next, monthBegins(month, timeZone));
  }
  return { items, next };
}
