/**
 * The fixed-order policy's chooser: round robin over the roster from where it stopped, skipping
 * members who cannot serve. With catch-up, a member passed over while away is owed that turn and is
 * served first, oldest debt first, once it can serve again.
 */
export class FixedOrderTurns {
  /** One entry per turn a member was passed over while away, oldest first. */
  private readonly owed: number[] = [];
  private pointer = 0;

  /** `members` is the roster's length; `catchUp` whether turns missed while away are owed. */
  constructor(
    private readonly members: number,
    private readonly catchUp: boolean,
  ) {}

  /**
   * Up to `seats` members for the next slot. `eligible[i]` is 1 when member i can serve,
   * `eligibleCount` how many can, and `away(i)` whether an ineligible member is away (and so owed).
   */
  choose(seats: number, eligible: Uint8Array, eligibleCount: number, away: (i: number) => boolean): number[] {
    const chosen: number[] = [];
    const { owed } = this;
    for (const i of [...owed]) {
      if (chosen.length >= seats) break;
      if (eligible[i] === 1 && !chosen.includes(i)) {
        chosen.push(i);
        owed.splice(owed.indexOf(i), 1);
      }
    }
    const from = this.pointer;
    const n = this.members;
    for (let step = 0; step < n && chosen.length < seats && chosen.length < eligibleCount; step++) {
      const i = (from + step) % n;
      if (chosen.includes(i)) continue;
      if (eligible[i] === 1) {
        chosen.push(i);
        this.pointer = (i + 1) % n;
      } else if (this.catchUp && away(i)) owed.push(i);
    }
    return chosen;
  }
}
