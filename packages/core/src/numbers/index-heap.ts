/**
 * A binary heap of array indices under a caller's order, for picking "the next one to get (or give up)
 * a fen" many times over without scanning every row each time.
 */
export class IndexHeap {
  private readonly items: number[];

  /** `before(a, b)` is true when `a` must come out before `b`; it must be a strict total order. */
  constructor(
    indices: readonly number[],
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.items = [...indices];
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
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
