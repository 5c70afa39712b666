import { Heap } from '../collections/heap.js';

/**
 * The weighted policy's chooser: the Balinski–Young quota method over one epoch (a stretch in which
 * the eligible members and their weights stay the same). A member may take a seat only while below
 * the upper quota of its weighted share, c + 1 ≤ ⌈t·w / W⌉ (⇔ c·W < t·w, with t the seat number in the
 * epoch); among those, the largest w / (c + 1) goes first, then the longest wait (`last`), then roster
 * order.
 *
 * Kept as two heaps instead of a scan of every member per seat: `ready` by priority, and `blocked` by
 * the seat number from which a member's upper quota lets it serve again. Seat numbers only grow, so a
 * blocked member stays blocked until then. 10,000 households over 10 years of weekly slots then cost
 * a few milliseconds rather than a 10,000-member scan per seat.
 */
export class QuotaQueue {
  private members: number[] = [];
  private weights: number[] = [];
  private total = 0;
  private seats = 0;
  private counts: Float64Array;
  /** Position of each member in `members`, or -1 when not in the epoch. */
  private readonly position: Int32Array;
  // Entries are snapshots (member, count, wait); one goes stale when its member is re-entered.
  private readonly version: Int32Array;
  private entryMember: number[] = [];
  private entryVersion: number[] = [];
  private entryCount: number[] = [];
  private entryLast: number[] = [];
  private ready: Heap;
  private blocked: Heap;

  /**
   * `n` members in roster order; `last[i]` orders equal priorities (smaller: waited longer). The
   * queue reads `last` when a member is (re-)entered, so call {@link reenter} after changing it.
   */
  constructor(
    n: number,
    private readonly last: Float64Array,
  ) {
    this.counts = new Float64Array(n);
    this.position = new Int32Array(n).fill(-1);
    this.version = new Int32Array(n);
    this.ready = this.readyHeap();
    this.blocked = this.blockedHeap();
  }

  /**
   * Sets the eligible members (ascending) and their weights. A new epoch starts only when either
   * differs from the current one; otherwise the counts carry on.
   */
  update(members: number[], weights: number[]): void {
    if (!sameNumbers(members, this.members) || !sameNumbers(weights, this.weights)) {
      for (const i of this.members) this.position[i] = -1;
      this.members = members;
      this.weights = weights;
      members.forEach((i, j) => {
        this.position[i] = j;
      });
      this.total = weights.reduce((a, b) => a + b, 0);
      this.seats = 0;
      this.counts = new Float64Array(this.counts.length);
    }
    // Every member re-entered at once, heapified in O(n) rather than pushed one by one.
    this.entryMember = [...this.members];
    this.entryVersion = this.members.map((i) => {
      this.version[i] = (this.version[i] as number) + 1;
      return this.version[i] as number;
    });
    this.entryCount = this.members.map((i) => this.counts[i] as number);
    this.entryLast = this.members.map((i) => this.last[i] as number);
    this.ready = this.readyHeap(this.members.map((_, e) => e));
    this.blocked = this.blockedHeap();
  }

  /** Fills up to `k` seats; each member takes at most one. */
  choose(k: number): number[] {
    const chosen: number[] = [];
    while (chosen.length < k) {
      const t = this.seats + 1;
      while (this.blocked.size > 0 && this.unblockedFrom(this.blocked.peek() as number) <= t)
        this.ready.push(this.blocked.pop() as number);
      let picked = -1;
      while (picked === -1 && this.ready.size > 0) {
        const e = this.ready.pop() as number;
        const i = this.entryMember[e] as number;
        if (this.entryVersion[e] !== this.version[i]) continue;
        if (this.unblockedFrom(e) > t) this.blocked.push(e);
        else picked = i;
      }
      if (picked === -1) break;
      chosen.push(picked);
      // Stale until re-entered, so it cannot take a second seat in this slot.
      this.version[picked] = (this.version[picked] as number) + 1;
      this.counts[picked] = (this.counts[picked] as number) + 1;
      this.seats = t;
    }
    return chosen;
  }

  /** Puts member `i` back with its current count and wait; a member outside the epoch is ignored. */
  reenter(i: number): void {
    if ((this.position[i] as number) < 0) return;
    this.version[i] = (this.version[i] as number) + 1;
    this.entryMember.push(i);
    this.entryVersion.push(this.version[i] as number);
    this.entryCount.push(this.counts[i] as number);
    this.entryLast.push(this.last[i] as number);
    this.ready.push(this.entryMember.length - 1);
  }

  /** The first seat number t at which entry `e` is within its upper quota: the least t with c·W < t·w. */
  private unblockedFrom(e: number): number {
    const c = this.entryCount[e] as number;
    const w = this.weightOf(e);
    return Math.floor((c * this.total) / w) + 1;
  }

  private weightOf(e: number): number {
    return this.weights[this.position[this.entryMember[e] as number] as number] as number;
  }

  private readyHeap(entries: readonly number[] = []): Heap {
    return new Heap((a, b) => {
      // Larger w / (c + 1) first, compared without division.
      const cmp =
        this.weightOf(a) * ((this.entryCount[b] as number) + 1) -
        this.weightOf(b) * ((this.entryCount[a] as number) + 1);
      if (cmp !== 0) return cmp > 0;
      const la = this.entryLast[a] as number;
      const lb = this.entryLast[b] as number;
      if (la !== lb) return la < lb;
      return (this.entryMember[a] as number) < (this.entryMember[b] as number);
    }, entries);
  }

  private blockedHeap(): Heap {
    return new Heap((a, b) => this.unblockedFrom(a) < this.unblockedFrom(b));
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
