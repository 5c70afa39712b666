import type { FundAccount } from '../funds/household-account.js';
import type { Locale } from '../i18n/locale.js';
import type { LocalDate } from '../time/local-date.js';

// What a Linli server's `GET /c/:id/household` answers a signed-in household: the wire shape its home
// page reads, here so the server and the page share one definition.

/** The household's unit as its home names it. */
export interface HouseholdUnit {
  readonly id: string;
  readonly room: string;
  readonly floor: number;
  /** Hundredths of m². */
  readonly area: number;
  readonly building: string;
  readonly buildingId: string;
  readonly stairwell: string;
}

/** A swap on one of the household's duties that waits for it, or that it proposed. */
export interface HouseholdSwap {
  readonly swapId: string;
  /** The household's own turn in the trade, and the other household's (its room, never its id). */
  readonly mine: LocalDate;
  readonly theirs: LocalDate;
  readonly otherRoom: string;
  /** `acceptance`: waiting for the second household; `approval`: for the building head. */
  readonly stage: 'acceptance' | 'approval';
}

/** One duty the household serves on. */
export interface HouseholdDuty {
  readonly dutyId: string;
  readonly name: string;
  /** The turn's start time (HH:mm, the duty's zone). */
  readonly time: string;
  /** Its next turns, today on, at most the server's limit (4). */
  readonly next: readonly LocalDate[];
  /**
   * Other households' next turns on the duty (at most eight, the earliest first), which it may ask to
   * swap one of its own turns with (`duty.proposeSwap`): the same turns the published roster shows.
   */
  readonly others: readonly { readonly date: LocalDate; readonly unitId: string; readonly room: string }[];
  /** Swaps another household asked of it, to accept or decline. */
  readonly asked: readonly HouseholdSwap[];
  /** Swaps it proposed that are still pending, to withdraw. */
  readonly proposed: readonly HouseholdSwap[];
  /** Its "my turns" calendar feed (a path on this server), or null where the server has no feed secret. */
  readonly calendar: string | null;
}

/** What `GET /c/:id/household` answers: only what concerns the signed-in household. */
export interface HouseholdHome {
  readonly asOf: LocalDate;
  readonly unit: HouseholdUnit;
  readonly accounts: readonly FundAccount[];
  readonly duties: readonly HouseholdDuty[];
  /** Roles its residents hold today. */
  readonly roles: readonly {
    readonly termId: string;
    readonly roleName: Readonly<Record<Locale, string>>;
    readonly from: LocalDate;
    readonly until: LocalDate;
  }[];
  /** Open motions it is on the roll of, and whether it voted (null where a secret motion hides that). */
  readonly motions: readonly {
    readonly motionId: string;
    readonly title: string;
    readonly voted: boolean | null;
  }[];
  /** Notices up today for it, and the ones it has not opened yet. */
  readonly notices: {
    readonly active: number;
    readonly unread: readonly { readonly id: string; readonly title: string }[];
  };
}
