import type { Area } from '../numbers/area.js';
import type { LocalDate } from '../time/local-date.js';

/** Where an exclusive area figure comes from. The law ranks them: registered, then surveyed, then contract. */
export type AreaSource = 'registered' | 'surveyed' | 'contract';

/** The ranking of {@link AreaSource} under the SPC interpretation on building ownership, Art. 8. */
export const AREA_SOURCE_PRIORITY: readonly AreaSource[] = ['registered', 'surveyed', 'contract'];

/** A residential area (小区 / 居民区). */
export interface Community {
  readonly id: string;
  readonly name: string;
}

/** A building or building group (楼 / 楼组) that governs itself. */
export interface Building {
  readonly id: string;
  readonly name: string;
}

/** One staircase and its homes (单元); an elevator serves one stairwell. */
export interface Stairwell {
  readonly id: string;
  readonly buildingId: string;
  readonly name: string;
}

/** A period of ownership: from `from` until the next period starts. */
export interface OwnershipPeriod {
  /** Co-owners of the unit in this period; one unit still counts as one owner head. */
  readonly ownerIds: readonly string[];
  readonly from: LocalDate;
}

/** A dwelling (户 / 专有部分). */
export interface Unit {
  readonly id: string;
  readonly stairwellId: string;
  /** Room number as written on the door, e.g. `301`. */
  readonly room: string;
  /** Floor; basements are negative. */
  readonly floor: number;
  /** Every recorded area figure by source; the effective one is chosen by {@link AREA_SOURCE_PRIORITY}. */
  readonly areas: Readonly<Partial<Record<AreaSource, Area>>>;
  /** Ownership history, oldest first; empty until the first transfer is recorded. */
  readonly ownership: readonly OwnershipPeriod[];
}

/** Optional contact details; no rule ever reads them. */
export interface Contact {
  readonly phone?: string;
  readonly note?: string;
}

/** An owner (业主): a person or an organisation. The developer is an organisation flagged `developer`. */
export interface Owner {
  readonly id: string;
  readonly name: string;
  readonly kind: 'person' | 'organisation';
  /** The developer: its unsold or undelivered units together count as one owner head. */
  readonly developer: boolean;
  readonly contact?: Contact;
}

/** A resident (居民) of a unit. Only the move-in date is required; name and birth year are optional. */
export interface Resident {
  readonly id: string;
  readonly unitId: string;
  readonly name?: string;
  /** For age-based policies (e.g. exempting those aged 80+ from duties). */
  readonly birthYear?: number;
  readonly contact?: Contact;
  readonly movedIn: LocalDate;
  readonly movedOut?: LocalDate;
}
