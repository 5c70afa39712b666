import type { Ballot } from '../voting/motion.js';

// What a Linli server's `GET /c/:id/household/motions` answers a signed-in household: the wire shape
// the residents' motion screens read, here so the server and the page share one definition.

/**
 * One ballot a household may cast on a motion: for one of its own voters (its unit; each resident
 * on a residents' roll; the owner head whose unit it is), or for another voter as the holder of a
 * proxy the organizer registered.
 */
export interface HouseholdSeat {
  /** The voter the ballot is cast for: `voterId` of `ballot.cast`. */
  readonly voterId: string;
  /**
   * Set when the household casts it as a proxy holder: `proxyId` of `ballot.cast`. Only proxies held
   * by this household (its unit, or one of its own voters or their members) are its seats.
   */
  readonly proxyId?: string;
  /**
   * For a proxy seat, who holds the proxy as the household knows them: the person's name from the
   * register (a resident or owner of this household), or the household's own room (`102`) when the
   * unit holds it — never an id.
   */
  readonly holder?: HolderName;
  /** The rooms of the voter, as residents name them (`101`), never ids. */
  readonly rooms: readonly string[];
  /** Whether this seat's ballot is in (for a proxy seat: one this household cast). */
  readonly voted: boolean;
  /**
   * The live ballot of this seat, even on a secret motion: the household's own, or the one it cast
   * as the proxy holder. Absent when it has not voted — and for a proxy seat when the voter voted
   * in person, whose secret choice is the voter's alone.
   */
  readonly ballot?: Pick<Ballot, 'choice' | 'at' | 'revision' | 'channel'>;
}

/** A proxy holder as the household knows them: a person by name, or the household itself by its room. */
export type HolderName = { readonly name: string } | { readonly room: string };

/** What one motion asks of one household. */
export interface HouseholdMotion {
  readonly motionId: string;
  /** The ballots it may cast (empty for a draft: its roll is not frozen yet). */
  readonly seats: readonly HouseholdSeat[];
  /**
   * A draft open to residents' amendments: the voters of this household on the roll it would have
   * today, in whose name it may propose one (`voterId` of `motion.proposeAmendment`).
   */
  readonly amendAs: readonly string[];
  /** Whether the motion's scope takes in this household's unit. */
  readonly inScope: boolean;
}

/** The answer of `GET /c/:id/household/motions`: every motion that concerns this household. */
export interface HouseholdMotionsAnswer {
  readonly unitId: string;
  readonly motions: readonly HouseholdMotion[];
}
