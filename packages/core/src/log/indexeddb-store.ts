/// <reference lib="dom" />

import type { LinliError } from '../errors/linli-error.js';
import { linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { type DraftEvent, EMPTY_HEAD, type LoggedEvent, sealEvents } from './event.js';
import type { AppendOptions, EventStore, ReadOptions, StoreListener } from './store.js';

const OBJECT_STORE = 'events';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * An {@link EventStore} in the browser's IndexedDB: the log survives reloads, and every tab with the
 * same database name sees the others' appends (through a BroadcastChannel).
 *
 * Appends run in one readwrite transaction that reads the head, checks `expectedSeq`, seals and adds
 * the events; IndexedDB serializes such transactions, and `add` refuses an existing seq, so two tabs
 * racing can never both write seq n.
 */
export class IndexedDbStore implements EventStore {
  private readonly listeners = new Set<StoreListener>();
  private readonly channel: BroadcastChannel | undefined;

  private constructor(
    private readonly db: IDBDatabase,
    name: string,
  ) {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(`linli-log:${name}`);
      this.channel.onmessage = (message: MessageEvent<readonly LoggedEvent[]>) => this.notify(message.data);
    }
  }

  /** Opens (creating if needed) the log in the IndexedDB database `name`. */
  static async open(name: string, factory: IDBFactory = indexedDB): Promise<IndexedDbStore> {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(OBJECT_STORE, { keyPath: 'seq' });
    };
    return new IndexedDbStore(await request(req), name);
  }

  append(
    drafts: readonly DraftEvent[],
    options: AppendOptions,
  ): Promise<Result<readonly LoggedEvent[], LinliError>> {
    return new Promise((resolve) => {
      const tx = this.db.transaction(OBJECT_STORE, 'readwrite');
      const store = tx.objectStore(OBJECT_STORE);
      let outcome: Result<readonly LoggedEvent[], LinliError> | undefined;
      const cursorRequest = store.openCursor(null, 'prev');
      cursorRequest.onsuccess = () => {
        const last = cursorRequest.result?.value as LoggedEvent | undefined;
        const head = last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
        if (head.seq !== options.expectedSeq) {
          outcome = err(
            linliError('log.conflict', [], { expectedSeq: options.expectedSeq, actualSeq: head.seq }),
          );
          tx.abort();
          return;
        }
        const sealed = sealEvents(drafts, head);
        for (const event of sealed) store.add(event);
        outcome = ok(sealed);
      };
      tx.oncomplete = () => {
        const sealed = outcome?.ok ? outcome.value : [];
        if (sealed.length > 0) {
          this.notify(sealed);
          this.channel?.postMessage(sealed);
        }
        resolve(outcome ?? ok([]));
      };
      tx.onabort = () => {
        // A ConstraintError from `add` means another writer took the seq first: a conflict like any other.
        resolve(
          outcome && !outcome.ok
            ? outcome
            : tx.error?.name === 'ConstraintError'
              ? err(linliError('log.conflict', [], { expectedSeq: options.expectedSeq, actualSeq: -1 }))
              : err(linliError('log.unavailable', [], { reason: tx.error?.message ?? 'aborted' })),
        );
      };
    });
  }

  async read(options: ReadOptions = {}): Promise<readonly LoggedEvent[]> {
    const tx = this.db.transaction(OBJECT_STORE, 'readonly');
    const range = IDBKeyRange.lowerBound(options.afterSeq ?? 0, true);
    return (await request(tx.objectStore(OBJECT_STORE).getAll(range))) as LoggedEvent[];
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the database and the cross-tab channel. */
  close(): void {
    this.channel?.close();
    this.db.close();
  }

  private notify(events: readonly LoggedEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}
