import { type Signal, signal } from '@preact/signals-core';
import { LinliException, linliError } from '../errors/linli-error.js';
import type { LoggedEvent } from '../log/event.js';
import type { EventStore } from '../log/store.js';
import { verify } from '../log/verify.js';
import { type RestoreOptions, restoreSnapshot, type Snapshot } from './snapshot.js';
import { applyEvents, emptyState, type GovernanceState } from './state.js';

/** Where a {@link LiveState} loads from. */
export interface LiveStateSource {
  readonly store: EventStore;
  /** Start from this snapshot and read only the events after it. */
  readonly snapshot?: Snapshot;
  /** Upgrades for snapshots written by older versions. */
  readonly migrations?: RestoreOptions['migrations'];
  /**
   * The store's whole log, already read by the caller (a server's start-up check reads and verifies
   * it against a signed checkpoint): the first load folds it instead of reading the store again.
   * Rebuilds always read the store.
   */
  readonly log?: readonly LoggedEvent[] | undefined;
}

/**
 * One community's state as the store's log describes it, shared by the command queue and the read
 * models. The state is mutated in place for speed, so `version` is what signals track: every change
 * that readers may see bumps it.
 */
export interface LiveState {
  readonly store: EventStore;
  /** The current state; replaced wholesale by {@link LiveState.rebuild}. */
  readonly state: GovernanceState;
  /** Bumped whenever readers may see a change. */
  readonly version: Signal<number>;
  /** True while a failed group's tentative events could not be forgotten yet (the store was unreachable). */
  readonly stale: boolean;
  /** Folds committed events in and tells readers. */
  fold(events: readonly LoggedEvent[]): void;
  /** Folds in the events other writers appended since the head. */
  refresh(): Promise<void>;
  /** Forgets whatever was folded in tentatively by reloading from the store, without re-verifying. */
  rebuild(): Promise<void>;
}

/**
 * The state `source` describes (from the snapshot, if one was given), from `source.log` if given,
 * else read from the store. With `verifyLog` the whole log's hash chain is checked, and the snapshot
 * must end on an event of that log.
 * @throws LinliException `log.corrupt`, `snapshot.head_mismatch`, or the snapshot's restore error.
 */
export async function loadState(source: LiveStateSource, verifyLog: boolean): Promise<GovernanceState> {
  let loaded: GovernanceState;
  if (source.snapshot) {
    const restored = restoreSnapshot(
      source.snapshot,
      source.migrations ? { migrations: source.migrations } : {},
    );
    if (!restored.ok) throw new LinliException(restored.error);
    loaded = restored.value;
  } else {
    loaded = emptyState();
  }
  if (!verifyLog) {
    // applyEvents skips what the snapshot already holds.
    applyEvents(loaded, source.log ?? (await source.store.read({ afterSeq: loaded.head.seq })));
    return loaded;
  }
  const log = source.log ?? (await source.store.read());
  const result = verify(log);
  if (!result.ok)
    throw new LinliException(linliError('log.corrupt', [], { seq: result.seq, reason: result.reason }));
  const at = loaded.head.seq > 0 ? log[loaded.head.seq - 1] : undefined;
  if (loaded.head.seq > 0 && at?.hash !== loaded.head.hash) {
    throw new LinliException(linliError('snapshot.head_mismatch', [], { seq: loaded.head.seq }));
  }
  applyEvents(loaded, log.slice(loaded.head.seq));
  return loaded;
}

/** Loads the state `source` describes and keeps it for the parts of a governance facade to share. */
export async function createLiveState(given: LiveStateSource, verifyLog: boolean): Promise<LiveState> {
  let state = await loadState(given, verifyLog);
  // Kept without the log it may have been given: the closures below live as long as the community,
  // and rebuilds read the store anyway.
  const { log: _loaded, ...source } = given;
  let stale = false;
  const version = signal(0);
  const fold = (events: readonly LoggedEvent[]) => {
    if (applyEvents(state, events) > 0) version.value += 1;
  };
  return {
    store: source.store,
    get state() {
      return state;
    },
    version,
    get stale() {
      return stale;
    },
    fold,
    async refresh() {
      fold(await source.store.read({ afterSeq: state.head.seq }));
    },
    async rebuild() {
      stale = true;
      state = await loadState(source, false);
      stale = false;
      version.value += 1;
    },
  };
}
