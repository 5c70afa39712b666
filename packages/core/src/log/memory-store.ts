import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { EMPTY_HEAD, headOf, type LoggedEvent, sealGroups } from './event.js';
import { GroupCommitStore } from './group-commit-store.js';
import { randomSalt, type SaltSource } from './salt.js';
import type {
  AppendGroup,
  AppendGroupsOptions,
  AppendPlan,
  AppendPlannedOptions,
  EventStore,
  PlannedAppend,
  ReadOptions,
  StoreListener,
} from './store.js';

/**
 * An in-memory {@link EventStore}: for tests, servers that keep their own persistence, and demos.
 * Events are frozen on the way in, so a reader cannot change the log by mutating what it was given.
 * Request keys are remembered for as long as the object lives.
 */
export class MemoryStore extends GroupCommitStore {
  private readonly log: LoggedEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  /** Request key → the seqs its events took (first, last). */
  private readonly requests = new Map<string, readonly [number, number]>();

  private readonly salt: SaltSource;

  /**
   * A store that starts with `events` (e.g. restored from a file); they are not re-verified here.
   * `salt` draws new events' salts (tests may fix it; the default is the platform's random generator).
   */
  constructor(events: readonly LoggedEvent[] = [], options: { readonly salt?: SaltSource } = {}) {
    super();
    this.salt = options.salt ?? randomSalt;
    for (const e of events) this.log.push(Object.freeze(e));
  }

  async appendGroups(
    groups: readonly AppendGroup[],
    options: AppendGroupsOptions,
  ): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError>> {
    return this.commit(groups, options.expectedSeq);
  }

  /**
   * Plans and commits in one synchronous step: nothing else runs on this thread meanwhile, so the
   * plan sees the whole log after `afterSeq` and no other writer can append before its groups.
   */
  async appendPlanned(
    plan: AppendPlan,
    options: AppendPlannedOptions,
  ): Promise<Result<PlannedAppend, LinliError>> {
    const caughtUp = this.log.slice(Math.max(0, options.afterSeq));
    const committed = this.commit(plan(caughtUp), this.log.length);
    return committed.ok ? ok({ caughtUp, sealed: committed.value }) : committed;
  }

  /** Seals `groups` after the head and appends them, if the log still ends at `expectedSeq`. */
  private commit(
    groups: readonly AppendGroup[],
    expectedSeq: number,
  ): Result<readonly (readonly LoggedEvent[])[], LinliError> {
    const head = headOf(this.log, EMPTY_HEAD);
    if (expectedSeq !== head.seq) {
      return err(linliError('log.conflict', [], { expectedSeq, actualSeq: head.seq }));
    }
    const sealed = sealGroups(groups, head, this.salt).map((group) => group.map((e) => Object.freeze(e)));
    // Checked before anything is written: a key already used (here or earlier in this call) refuses it all.
    const keys = new Map<string, readonly [number, number]>();
    for (const [i, group] of groups.entries()) {
      const first = sealed[i]?.[0];
      const last = sealed[i]?.at(-1);
      if (group.requestKey === undefined || !first || !last) continue;
      if (this.requests.has(group.requestKey) || keys.has(group.requestKey))
        return err(linliError('log.conflict', [], { expectedSeq, actualSeq: -1 }));
      keys.set(group.requestKey, [first.seq, last.seq]);
    }
    const events = sealed.flat();
    // One push per event: spreading a batch into `push` overflows the call stack from ~130,000 events.
    for (const event of events) this.log.push(event);
    // Keys last, once the events are in: a key must never name events that are not there.
    for (const [key, range] of keys) this.requests.set(key, range);
    if (events.length > 0) for (const listener of this.listeners) listener(events);
    return ok(sealed);
  }

  /** The events appended under a request key, if any. */
  async appendedFor(requestKey: string): Promise<readonly LoggedEvent[] | undefined> {
    const range = this.requests.get(requestKey);
    return range ? this.log.slice(range[0] - 1, range[1]) : undefined;
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
