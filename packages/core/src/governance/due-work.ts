import { type DueItem, earlier } from '../decide/due-item.js';
import { dueCharges } from '../funds/due.js';
import { DEFAULT_TIME_ZONE } from '../time/local-date.js';
import { dueMotionCloses } from '../voting/due.js';
import type { Command } from './commands.js';
import type { GovernanceState } from './state.js';

export type { DueItem } from '../decide/due-item.js';

/** What has fallen due in a community, and when to look again. */
export interface DueWork {
  /** The commands due now, oldest first. */
  readonly items: readonly DueItem<Command>[];
  /** When the next item falls due (ISO 8601, UTC) if nothing else changes; absent when nothing will. */
  readonly next?: string;
}

/**
 * The work due in a community at `now`, each domain contributing its own part: voting closes the
 * motions past their deadline, funds bill the months of recurring charges that have begun (months
 * in `timeZone`, the community's zone). Pure: the same state and instant give the same answer, and
 * once every item has run, asking again at the same instant gives none.
 */
export function dueWork(state: GovernanceState, now: Date, timeZone: string = DEFAULT_TIME_ZONE): DueWork {
  const closes = dueMotionCloses(state.voting, now);
  const bills = dueCharges(state.community, state.funds, now, timeZone);
  const items: DueItem<Command>[] = [...closes.items, ...bills.items].sort(
    (a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key),
  );
  const next = earlier(closes.next, bills.next);
  return next === undefined ? { items } : { items, next: new Date(next).toISOString() };
}
