/** A command waiting for its turn, with how to answer it. */
interface Pending<C, A> {
  readonly item: C;
  readonly resolve: (answer: A) => void;
}

/** How a {@link CommandQueue} runs what it gathered. */
export interface CommandQueueOptions<C, A> {
  /** The most items handed to `runGroup` at once; 1 runs every item alone and gathers nothing. */
  readonly groupSize: number;
  /** Runs one item. */
  readonly runOne: (item: C) => Promise<A>;
  /** Runs several items together, answering each in order; absent, items always run one by one. */
  readonly runGroup?: ((items: readonly C[]) => Promise<A[]>) | undefined;
  /** Called before each batch runs, e.g. to repair what a failed batch left. */
  readonly beforeBatch?: () => Promise<void>;
  /** Defers the first drain; defaults to `setImmediate` when grouping and to a microtask otherwise. */
  readonly gather?: (fn: () => void) => void;
  /** The answer of an item `runGroup` left unanswered. */
  readonly missing: A;
}

/** A queue that runs items strictly one batch at a time, in arrival order. */
export interface CommandQueue<C, A> {
  /** Queues an item and answers once it has run. */
  enqueue(item: C): Promise<A>;
}

/** Waits for the I/O callbacks of this event-loop turn, where the platform lets us. */
const nextTurn: (fn: () => void) => void =
  (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate ?? ((fn) => setTimeout(fn, 0));

/**
 * The group-commit queue: items that arrive in one event-loop turn are gathered and run as one batch
 * of at most `groupSize`, so one durable write can serve many; batches never overlap, so commands from
 * one facade never race each other, only other writers.
 */
export function createCommandQueue<C, A>(options: CommandQueueOptions<C, A>): CommandQueue<C, A> {
  const { groupSize, runOne, runGroup } = options;
  // One item at a time needs no gathering; a group waits for the I/O callbacks of this turn.
  const gather = options.gather ?? (groupSize === 1 ? queueMicrotask : nextTurn);
  const pending: Pending<C, A>[] = [];
  let draining = false;
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending.splice(0, groupSize);
      await options.beforeBatch?.();
      if (runGroup && batch.length > 1) {
        const answers = await runGroup(batch.map((p) => p.item));
        for (const [i, p] of batch.entries()) p.resolve(answers[i] ?? options.missing);
      } else for (const p of batch) p.resolve(await runOne(p.item));
    }
    draining = false;
  };
  return {
    enqueue(item) {
      return new Promise((resolve) => {
        pending.push({ item, resolve });
        if (draining) return;
        draining = true;
        gather(() => void drain());
      });
    },
  };
}
