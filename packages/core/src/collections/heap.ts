/**
 * A binary heap of numbers (usually indices into the caller's arrays) under the caller's order: the
 * next member to serve, the next day something changes, the next row to get a fen — each in O(log n)
 * instead of a scan.
 */
export class Heap {
  private readonly items: number[];

  /** `before(a, b)` is true when `a` must come out before `b`. `initial` is heapified in O(n). */
  constructor(
    private readonly before: (a: number, b: number) => boolean,
    initial: readonly number[] = [],
  ) {
    this.items = [...initial];
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  /** The first number, without taking it out. */
  peek(): number | undefined {
    return this.items[0];
  }

  /** Takes out the first index, or undefined when empty. */
  pop(): number | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Puts an index (back) in, e.g. after its priority changed while it was out. */
  push(index: number): void {
    const items = this.items;
    items.push(index);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i] as number, items[parent] as number)) break;
      [items[i], items[parent]] = [items[parent] as number, items[i] as number];
      i = parent;
    }
  }

  private down(start: number): void {
    const items = this.items;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < items.length && this.before(items[left] as number, items[first] as number)) first = left;
      if (right < items.length && this.before(items[right] as number, items[first] as number)) first = right;
      if (first === i) return;
      [items[i], items[first]] = [items[first] as number, items[i] as number];
      i = first;
    }
  }
}
