import type { LogHead } from '../log/event.js';
import type { HolidayProvider } from '../time/holiday-provider.js';
import type { LocalDate } from '../time/local-date.js';
import type { RandomSource } from '../time/random.js';

/** What `decide` may use besides state; all of it injected, so decisions replay exactly. */
export interface DecideContext {
  /** A fresh id for a new entity of `kind`. */
  newId(kind: string): string;
  /** Today's date in the community's zone. */
  readonly today: LocalDate;
  /** The current instant, from the injected clock. */
  readonly now: Date;
  /** Who issued the command. */
  readonly actor: string;
  /** The log head the decision is made against. */
  readonly head: LogHead;
  /** Public holidays and make-up workdays, for duty rosters. */
  readonly holidays: HolidayProvider;
  /** Secret random bytes (a motion's lottery salt, drawn when it opens). */
  readonly random: RandomSource;
}
