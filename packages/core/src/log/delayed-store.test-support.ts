import type { LoggedEvent } from './event.js';
import type { MemoryStore } from './memory-store.js';
import type { EventStore, StoreListener } from './store.js';

/** How a {@link DelayedStore} stands in for a store across a network. */
export interface DelayedStoreOptions {
  /** The next pause, in milliseconds (0 still waits a timer turn); called before and after each call. */
  readonly pause: () => number;
  /** Whether to offer `appendPlanned` (a store that decides under its write lock). */
  readonly planned: boolean;
  /**
   * Delivers each notification as single events, in the order this returns (indexes into the
   * batch, repeats allowed): for deliveries repeated or out of order. Absent, a batch is delivered
   * once, whole, in order.
   */
  readonly scramble?: (count: number) => readonly number[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One writer's connection to a shared {@link MemoryStore} with network-like delays: every call
 * waits before it reaches the log and before its answer comes back, and every notification arrives
 * after its own pause — so another writer's events reach a governance while its group commit is in
 * flight, as they do between processes.
 */
export class DelayedStore implements EventStore {
  readonly appendPlanned?: NonNullable<EventStore['appendPlanned']>;
  private pending = 0;

  constructor(
    private readonly inner: MemoryStore,
    private readonly options: DelayedStoreOptions,
  ) {
    if (options.planned) {
      this.appendPlanned = (plan, planOptions) => this.delayed(() => inner.appendPlanned(plan, planOptions));
    }
  }

  append: EventStore['append'] = (drafts, options) => this.delayed(() => this.inner.append(drafts, options));
  appendGroups: NonNullable<EventStore['appendGroups']> = (groups, options) =>
    this.delayed(() => this.inner.appendGroups(groups, options));
  read: EventStore['read'] = (options) => this.delayed(() => this.inner.read(options));
  appendedFor: NonNullable<EventStore['appendedFor']> = (key) =>
    this.delayed(() => this.inner.appendedFor(key));

  subscribe(listener: StoreListener): () => void {
    let listening = true;
    const later = (events: readonly LoggedEvent[]) => {
      this.pending += 1;
      setTimeout(() => {
        this.pending -= 1;
        if (listening) listener(events);
      }, this.options.pause());
    };
    const stop = this.inner.subscribe((events) => {
      const { scramble } = this.options;
      if (!scramble) return later(events);
      for (const i of scramble(events.length)) {
        const event = events[i % events.length];
        if (event) later([event]);
      }
    });
    return () => {
      listening = false;
      stop();
    };
  }

  /** Resolves once every notification sent so far has been delivered. */
  async idle(): Promise<void> {
    while (this.pending > 0) await sleep(1);
  }

  private async delayed<T>(call: () => Promise<T>): Promise<T> {
    this.pending += 1;
    try {
      await sleep(this.options.pause());
      const answer = await call();
      await sleep(this.options.pause());
      return answer;
    } finally {
      this.pending -= 1;
    }
  }
}
