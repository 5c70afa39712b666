import { linliError } from '../errors/linli-error.js';
import { err, ok } from '../errors/result.js';
import { type DraftEvent, EMPTY_HEAD, headOf, type LoggedEvent, sealEvents } from './event.js';
import type { AppendOptions, EventStore, ReadOptions, StoreListener } from './store.js';

/**
 * An in-memory {@link EventStore}: for tests, servers that keep their own persistence, and demos.
 * Events are frozen on the way in, so a reader cannot change the log by mutating what it was given.
 */
export class MemoryStore implements EventStore {
  private readonly log: LoggedEvent[] = [];
  private readonly listeners = new Set<StoreListener>();

  /** A store that starts with `events` (e.g. restored from a file); they are not re-verified here. */
  constructor(events: readonly LoggedEvent[] = []) {
    for (const e of events) this.log.push(Object.freeze(e));
  }

  async append(drafts: readonly DraftEvent[], options: AppendOptions) {
    const head = headOf(this.log, EMPTY_HEAD);
    if (options.expectedSeq !== head.seq) {
      return err(linliError('log.conflict', [], { expectedSeq: options.expectedSeq, actualSeq: head.seq }));
    }
    const sealed = sealEvents(drafts, head).map((e) => Object.freeze(e));
    this.log.push(...sealed);
    if (sealed.length > 0) for (const listener of this.listeners) listener(sealed);
    return ok(sealed);
  }

  async read(options: ReadOptions = {}): Promise<readonly LoggedEvent[]> {
    const after = options.afterSeq ?? 0;
    // seq n sits at index n - 1, so the slice is direct.
    return this.log.slice(Math.max(0, after));
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
