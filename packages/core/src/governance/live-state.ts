import { type Signal, signal } from '@preact/signals-core';
import { LinliException, linliError } from '../errors/linli-error.js';
import type { LoggedEvent } from '../log/event.js';
import type { EventStore } from '../log/store.js';
import { verify } from '../log/verify.js';
import { foldCommitted } from './fold-committed.js';
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
  /**
   * Told, once, the first time the state had to be rebuilt because delivered events did not fold
   * (out of order beyond repair, or not linking to the head); defaults to `console.warn`.
   */
  readonly onRepair?: ((reason: unknown) => void) | undefined;
}

/**
 * One community's state as the store's log describes it, shared by the command queue and the read
 * models. The state is mutated in place for speed, so `version` is what signals track: every change
 * that readers may see bumps it.
 *
 * Only committed events are folded in, except by a group commit in flight ({@link LiveState.inFlight}):
 * its events are folded in tentatively, and whatever the store delivers meanwhile is held until the
 * group has committed or been forgotten. Nothing a store delivers can make it throw: events are
 * folded in seq order, repeats skipped; a gap is read from the store and an event that does not link
 * to the head makes it rebuild.
 */
export interface LiveState {
  readonly store: EventStore;
  /** The current state; replaced wholesale by {@link LiveState.rebuild}. */
  readonly state: GovernanceState;
  /** Bumped whenever readers may see a change. */
  readonly version: Signal<number>;
  /** True while a failed group's tentative events could not be forgotten yet (the store was unreachable). */
  readonly stale: boolean;
  /**
   * Folds committed events in (a store's notification, an append's answer) and tells readers; holds
   * them while a group is in flight or a rebuild runs. Never throws: repairs what does not link.
   */
  fold(events: readonly LoggedEvent[]): void;
  /**
   * Folds in, synchronously and even while a group is in flight, the committed events a store hands
   * a plan under its write lock; answers whether the state now ends exactly where they end, i.e.
   * whether it may be decided on (otherwise it is repaired afterwards).
   */
  catchUp(caughtUp: readonly LoggedEvent[], afterSeq: number): boolean;
  /** Folds in the events other writers appended since the head. */
  refresh(): Promise<void>;
  /** Forgets whatever was folded in tentatively by reloading from the store, without re-verifying. */
  rebuild(): Promise<void>;
  /**
   * Runs a group commit whose events `run` folds in tentatively, once no rebuild is running: store
   * deliveries are held until `run` settles (having committed, or rebuilt to forget its events), then
   * folded in seq order.
   */
  inFlight<T>(run: () => Promise<T>): Promise<T>;
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
  const { store } = source;
  let stale = false;
  const version = signal(0);
  /** Groups in flight and rebuilds running: while any, deliveries wait in `held`. */
  let holds = 0;
  let held: LoggedEvent[] = [];
  let rebuilding: Promise<void> | undefined;
  let refreshing = false;
  let refreshAgain = false;
  let warned = false;

  const rebuild = (): Promise<void> =>
    (rebuilding ??= (async () => {
      holds += 1;
      stale = true;
      try {
        state = await loadState(source, false);
        stale = false;
        version.value += 1;
      } finally {
        rebuilding = undefined;
        release();
      }
    })());
  /** Rebuilds after the state met what it cannot fold; says why once, on the first repair. */
  const repair = (reason: unknown) => {
    if (!warned) {
      warned = true;
      (source.onRepair ?? warnOnce)(reason);
    }
    rebuild().catch(() => undefined);
  };
  const refresh = async () => {
    fold(await store.read({ afterSeq: state.head.seq }));
  };
  /** A refresh for a gap: one at a time, once more if another gap showed meanwhile. */
  const fillGap = () => {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    refresh()
      .catch(repair)
      .finally(() => {
        refreshing = false;
        if (refreshAgain) {
          refreshAgain = false;
          fillGap();
        }
      });
  };
  const absorb = (events: readonly LoggedEvent[]) => {
    if (events.length === 0) return;
    // A state that could not be rebuilt still holds a failed group's events: read everything again.
    if (stale) return repair(new Error('the state was stale'));
    try {
      const outcome = foldCommitted(state, events);
      if (outcome.applied > 0) version.value += 1;
      if (outcome.kind === 'gap') fillGap();
      else if (outcome.kind === 'diverged') repair(new Error('an event did not link to the head'));
    } catch (e) {
      repair(e);
    }
  };
  const fold = (events: readonly LoggedEvent[]) => {
    if (holds > 0) for (const e of events) held.push(e);
    else absorb(events);
  };
  const release = () => {
    holds -= 1;
    if (holds > 0 || held.length === 0) return;
    const waiting = held;
    held = [];
    absorb(waiting);
  };

  return {
    store,
    get state() {
      return state;
    },
    version,
    get stale() {
      return stale;
    },
    fold,
    catchUp(caughtUp, afterSeq) {
      try {
        const outcome = foldCommitted(state, caughtUp);
        if (outcome.applied > 0) version.value += 1;
        return outcome.kind === 'folded' && state.head.seq === (caughtUp.at(-1)?.seq ?? afterSeq);
      } catch {
        return false;
      }
    },
    refresh,
    rebuild,
    async inFlight(run) {
      // A rebuild swaps the state: a group must fold its tentative events into the one that stays.
      while (rebuilding) await rebuilding.catch(() => undefined);
      holds += 1;
      try {
        return await run();
      } finally {
        release();
      }
    },
  };
}

/** How a governance says, once, that it had to repair its state: on the console. */
function warnOnce(reason: unknown): void {
  console.warn(
    'linli: a store delivered events that did not fold; the state was rebuilt from the log:',
    reason,
  );
}
