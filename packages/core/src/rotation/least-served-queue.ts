import { Heap } from '../collections/heap.js';

/**
 * The least-served policy's chooser: fewest turns first, then longest since last served, then roster
 * order. A heap of snapshot entries (member, turns, last turn); an entry goes stale once its member is
 * queued again or drops out, so nothing is ever searched for or removed from the middle.
 */
export class LeastServedQueue {
  private readonly version: Int32Array;
  private readonly entryMember: number[] = [];
  private readonly entryVersion: number[] = [];
  private readonly entryCount: number[] = [];
  private readonly entryLast: number[] = [];
  private readonly heap: Heap;

  /**
   * `count`, `last` and `eligible` are the scheduler's own per-member arrays, read when a member is
   * queued or taken. An inactive queue (another policy) only keeps versions and never holds entries.
   */
  constructor(
    members: number,
    private readonly count: Float64Array,
    private readonly last: Float64Array,
    private readonly eligible: Uint8Array,
    private readonly active: boolean,
  ) {
    this.version = new Int32Array(members);
    const { entryCount, entryLast, entryMember } = this;
    this.heap = new Heap((a, b) => {
      const ca = entryCount[a] as number;
      const cb = entryCount[b] as number;
      if (ca !== cb) return ca < cb;
      const la = entryLast[a] as number;
      const lb = entryLast[b] as number;
      if (la !== lb) return la < lb;
      return (entryMember[a] as number) < (entryMember[b] as number);
    });
  }

  /** Queues member `i` with its current turns and last turn; its older entries go stale. */
  enqueue(i: number): void {
    this.drop(i);
    if (!this.active) return;
    this.entryMember.push(i);
    this.entryVersion.push(this.version[i] as number);
    this.entryCount.push(this.count[i] as number);
    this.entryLast.push(this.last[i] as number);
    this.heap.push(this.entryMember.length - 1);
  }

  /** Makes member `i`'s entries stale, as when it can no longer serve. */
  drop(i: number): void {
    this.version[i] = (this.version[i] as number) + 1;
  }

  /** Takes members off the queue into `chosen` until it holds `seats`; stale entries are discarded. */
  take(seats: number, chosen: number[]): void {
    while (chosen.length < seats && this.heap.size > 0) {
      const e = this.heap.pop() as number;
      const i = this.entryMember[e] as number;
      if (this.eligible[i] === 1 && this.entryVersion[e] === this.version[i]) chosen.push(i);
    }
  }
}
