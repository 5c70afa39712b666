import type { LinliError } from '../errors/linli-error.js';
import type { Result } from '../errors/result.js';
import type { DraftEvent, LoggedEvent } from './event.js';

/** Options of {@link EventStore.append}. */
export interface AppendOptions {
  /**
   * The seq of the last event the writer has seen. The append succeeds only if the log still ends
   * there; otherwise it fails with `log.conflict` and writes nothing (optimistic concurrency).
   */
  readonly expectedSeq: number;
  /**
   * A caller's idempotency key. A store that implements {@link EventStore.appendedFor} records it in
   * the same transaction as the events and refuses a second append under it (`log.conflict`), so a
   * retried request can never append twice — not even across a crash.
   */
  readonly requestKey?: string;
}

/** One command's events inside a group append, with that command's own idempotency key. */
export interface AppendGroup {
  readonly drafts: readonly DraftEvent[];
  /** As {@link AppendOptions.requestKey}, for this group alone. */
  readonly requestKey?: string;
}

/** Options of {@link EventStore.appendGroups}. */
export interface AppendGroupsOptions {
  /** As {@link AppendOptions.expectedSeq}: the log must still end here for any group to be appended. */
  readonly expectedSeq: number;
}

/**
 * Decides, under the log's write lock, what to append: called with the events other writers appended
 * after the caller's head (`caughtUp`, in seq order, possibly none), it answers the groups to append
 * after them. Synchronous, so the lock is held only for as long as deciding takes. It may be called
 * more than once if the store has to retry its transaction; each call must decide afresh. If it
 * throws, the store writes nothing and rejects with what it threw.
 */
export type AppendPlan = (caughtUp: readonly LoggedEvent[]) => readonly AppendGroup[];

/** Options of {@link EventStore.appendPlanned}. */
export interface AppendPlannedOptions {
  /** The seq of the last event the caller has folded in; the plan is handed every event after it. */
  readonly afterSeq: number;
}

/** What {@link EventStore.appendPlanned} appended. */
export interface PlannedAppend {
  /** The events other writers had appended after `afterSeq`, as handed to the plan. */
  readonly caughtUp: readonly LoggedEvent[];
  /** Each planned group's sealed events, in the plan's order (empty when the plan appended nothing). */
  readonly sealed: readonly (readonly LoggedEvent[])[];
}

/** Options of {@link EventStore.read}. */
export interface ReadOptions {
  /** Return only events with a greater seq; 0 (the default) reads the whole log. */
  readonly afterSeq?: number;
}

/**
 * A log as a store read it, with the JSON text it parsed each event's payload from (by index): for
 * `verify`'s `payloadTexts`, so that checking a log need not encode every payload again.
 */
export interface StoredLog {
  /** The events, in seq order, each payload parsed from its text. */
  readonly events: readonly LoggedEvent[];
  /** `payloadTexts[i]`: the stored JSON text `events[i].payload` was parsed from. */
  readonly payloadTexts: readonly string[];
}

/** Called with events newly appended by any writer, in seq order. */
export type StoreListener = (events: readonly LoggedEvent[]) => void;

/**
 * Where an event log lives. A store only appends and reads; it is the authority on seq and hashes,
 * sealing drafts itself so that no writer can forge a chain. Memory, IndexedDB, HTTP, SQLite and
 * Postgres stores all implement exactly this.
 */
export interface EventStore {
  /**
   * Appends drafts atomically after `expectedSeq`. All or nothing: on `log.conflict` (someone else
   * appended first) the log is unchanged and the caller should read, re-decide and retry.
   */
  append(
    drafts: readonly DraftEvent[],
    options: AppendOptions,
  ): Promise<Result<readonly LoggedEvent[], LinliError>>;
  /**
   * Appends several commands' events, in order, in one transaction: one durable commit for many
   * commands (group commit). All or nothing, exactly as if each group had been appended in turn with
   * its own request key; answers each group's sealed events. Optional: stores whose commits are cheap
   * need not offer it.
   */
  appendGroups?(
    groups: readonly AppendGroup[],
    options: AppendGroupsOptions,
  ): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError>>;
  /**
   * Appends what `plan` decides while holding the log's write lock: the store reads the events after
   * `afterSeq`, hands them to `plan`, seals the groups it answers after them and commits, with no other
   * writer able to append in between — so a planned append never fails on a moved head and no
   * decision is wasted when several processes write one log. All or nothing, as
   * {@link EventStore.appendGroups}; a request key used before still fails with `log.conflict`.
   * Optional: stores with one writer need not offer it.
   */
  appendPlanned?(plan: AppendPlan, options: AppendPlannedOptions): Promise<Result<PlannedAppend, LinliError>>;
  /** Reads events in seq order. */
  read(options?: ReadOptions): Promise<readonly LoggedEvent[]>;
  /**
   * Reads as {@link EventStore.read} does, with the text each payload was parsed from. Optional:
   * offered by stores that keep payloads as JSON text, ideally `canonicalJson(payload)`, the text the
   * hash covers, so that verification hashes it as it stands.
   */
  readWithPayloadTexts?(options?: ReadOptions): Promise<StoredLog>;
  /** Listens for appends by any writer of this log; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void;
  /** The events appended under a request key, if any (stores with durable idempotency only). */
  appendedFor?(requestKey: string): Promise<readonly LoggedEvent[] | undefined>;
}
