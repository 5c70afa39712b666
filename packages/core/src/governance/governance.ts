import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { type LinliError, LinliException, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { type FundView, fundView } from '../funds/fund-view.js';
import { type LedgerSummary, summarizeLedger } from '../funds/ledger.js';
import { type DraftEvent, draftOf, type LoggedEvent, type LogHead, sealEvents } from '../log/event.js';
import type { SaltSource } from '../log/salt.js';
import type { AppendGroup, EventStore } from '../log/store.js';
import { type VerifyResult, verify } from '../log/verify.js';
import type { Duty } from '../rotation/duty.js';
import { chineseHolidays, type HolidayProvider } from '../rotation/holidays.js';
import { dutyRoster, type RosterSlot } from '../rotation/roster.js';
import { type Clock, systemClock } from '../time/clock.js';
import { type IdGenerator, randomIds } from '../time/ids.js';
import { DEFAULT_TIME_ZONE, type LocalDate, localDateOf } from '../time/local-date.js';
import { cryptoRandom, type RandomSource } from '../time/random.js';
import { parseWith } from '../validation/zod-errors.js';
import type { Ballot, Motion } from '../voting/motion.js';
import type { Tally } from '../voting/tally.js';
import { visibleBallots, visibleTally, votedVoterIds } from '../voting/visibility.js';
import { type Command, commandSchema } from './commands.js';
import { type CommunityView, communityView } from './community-view.js';
import { decide } from './decide.js';
import type { ReadModels, UnitLabel } from './published-view.js';
import { type RestoreOptions, restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.js';
import { applyEvents, emptyState, type GovernanceState } from './state.js';

/** Options of {@link createGovernance}. */
export interface GovernanceOptions {
  /** Where the log lives. */
  readonly store: EventStore;
  /** Source of `at` timestamps and of "today"; defaults to the system clock. */
  readonly clock?: Clock;
  /** Source of new entity ids; defaults to random ids. */
  readonly ids?: IdGenerator;
  /** Source of secret random bytes (tie-lottery salts); defaults to `crypto.getRandomValues`. */
  readonly random?: RandomSource;
  /**
   * Source of the salts of a group commit's events, which are sealed tentatively here before the
   * store seals them for good; defaults to the platform's cryptographic generator.
   */
  readonly salt?: SaltSource;
  /** Who acts when `execute` is not told otherwise; defaults to `system`. */
  readonly actor?: string;
  /** IANA zone in which "today" is computed; defaults to Asia/Shanghai. */
  readonly timeZone?: string;
  /** Start from this snapshot and read only the events after it. */
  readonly snapshot?: Snapshot;
  /** Upgrades for snapshots written by older versions. */
  readonly migrations?: RestoreOptions['migrations'];
  /** Verify the hash chain while loading (default true). A failure rejects with `log.corrupt`. */
  readonly verifyOnLoad?: boolean;
  /** Public holidays for duty rosters; defaults to China's (State Council notices via `chinese-days`). */
  readonly holidays?: HolidayProvider;
  /** How many times to re-decide a command after losing a race to another writer (default 5). */
  readonly maxRetries?: number;
  /**
   * Group commit: commands that arrive together share one {@link EventStore.appendGroups} call, so one
   * durable write (one fsync) serves many — what lets a server take thousands of ballots a second.
   * Each command is still decided on the state the commands before it left and gets its own answer,
   * exactly as if they had run one by one. Commands wait one event-loop turn (`setImmediate`) to
   * gather; `maxCommands` (default 256) caps a group. Ignored when the store has no `appendGroups`.
   * While a group is being written `read` may already see it; signals change only once it is
   * committed. If the write fails the state is rebuilt from the store and the commands run again one
   * by one, so a command the store cannot take fails alone and the others still land.
   */
  readonly groupCommit?: boolean | { readonly maxCommands?: number };
}

/** Options of {@link Governance.execute}. */
export interface ExecuteOptions {
  /** Who is acting; recorded in every resulting event. */
  readonly actor?: string;
  /**
   * An idempotency key for this command. With a store that records keys (`appendedFor`), a command
   * already appended under the key returns its original events instead of being decided again.
   */
  readonly requestKey?: string;
}

/** A command waiting for its turn. */
interface PendingCommand {
  readonly command: unknown;
  readonly options: ExecuteOptions;
  readonly resolve: (answer: Result<readonly LoggedEvent[], LinliError>) => void;
}

/**
 * The reactive facade over one community's log. Reads are signals; writes are commands that return a
 * `Result` and, when rejected, change nothing.
 */
export interface Governance extends ReadModels {
  /** The last event folded in. */
  readonly head: ReadonlySignal<LogHead>;
  /** The community read model for today. */
  readonly community: ReadonlySignal<CommunityView>;
  /**
   * Runs `fn` on the current state and returns its result. Called inside a `computed` or `effect`, it
   * re-runs whenever the state changes, so any query becomes a live read model.
   */
  read<T>(fn: (state: Readonly<GovernanceState>) => T): T;
  /** Every motion, in the order drafted. */
  readonly motions: ReadonlySignal<readonly Motion[]>;
  /**
   * The tally of a motion right now (clock time decides whether its deadline has passed). Secret
   * motions reveal nothing but turnout before close. Reactive like `read`.
   */
  tally(motionId: string): Tally | undefined;
  /** The live ballots of a motion as the public may see them: none before close when secret. */
  ballots(motionId: string): readonly Ballot[];
  /** Who has voted on a motion, where the motion lets that be seen. */
  voted(motionId: string): readonly string[];
  /** A duty, or undefined. */
  duty(dutyId: string): Duty | undefined;
  /** A unit's room and floor, for labels. */
  unit(unitId: string): UnitLabel | undefined;
  /** A duty's roster from its start up to `to` (holidays, swaps and covers applied). Reactive like `read`. */
  roster(dutyId: string, to: LocalDate): readonly RosterSlot[];
  /** A fund's public table (rows, totals, collection, income) as of `asOf` (default today). Reactive. */
  fundView(fundId: string, asOf?: LocalDate): FundView | undefined;
  /** A fund's totals and unit statements as of `asOf` (default today). Reactive like `read`. */
  fundSummary(fundId: string, asOf?: LocalDate): LedgerSummary | undefined;
  /** Validates, decides and appends a command. Never throws for bad input: returns a typed error. */
  execute(command: unknown, options?: ExecuteOptions): Promise<Result<readonly LoggedEvent[], LinliError>>;
  /** Reads events appended by other writers that have not arrived through `subscribe` yet. */
  refresh(): Promise<void>;
  /** Reads the whole log from the store and verifies its hash chain. */
  verify(): Promise<VerifyResult>;
  /** The current state as a snapshot. */
  snapshot(): Snapshot;
  /** Stops listening to the store. */
  dispose(): void;
}

/**
 * Loads a community's log from `store` and keeps its state current, including events appended by
 * other writers. Rejects with a `LinliException` (`log.corrupt`) if the log fails verification.
 */
export async function createGovernance(options: GovernanceOptions): Promise<Governance> {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const random = options.random ?? cryptoRandom;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const maxRetries = options.maxRetries ?? 5;
  const holidays = options.holidays ?? chineseHolidays;

  /** The state the store's log describes (from the snapshot, if one was given). */
  const load = async (verifyLog: boolean): Promise<GovernanceState> => {
    let loaded: GovernanceState;
    if (options.snapshot) {
      const restored = restoreSnapshot(
        options.snapshot,
        options.migrations ? { migrations: options.migrations } : {},
      );
      if (!restored.ok) throw new LinliException(restored.error);
      loaded = restored.value;
    } else {
      loaded = emptyState();
    }
    if (!verifyLog) {
      applyEvents(loaded, await store.read({ afterSeq: loaded.head.seq }));
      return loaded;
    }
    const log = await store.read();
    const result = verify(log);
    if (!result.ok)
      throw new LinliException(linliError('log.corrupt', [], { seq: result.seq, reason: result.reason }));
    const at = loaded.head.seq > 0 ? log[loaded.head.seq - 1] : undefined;
    if (loaded.head.seq > 0 && at?.hash !== loaded.head.hash) {
      throw new LinliException(linliError('snapshot.head_mismatch', [], { seq: loaded.head.seq }));
    }
    applyEvents(loaded, log.slice(loaded.head.seq));
    return loaded;
  };

  let state = await load(options.verifyOnLoad ?? true);

  // The state is mutated in place for speed; this counter is what signals track.
  const version = signal(0);
  const fold = (events: readonly LoggedEvent[]) => {
    if (applyEvents(state, events) > 0) version.value += 1;
  };

  const today = (): LocalDate => localDateOf(clock.now(), timeZone);

  const refresh = async () => {
    fold(await store.read({ afterSeq: state.head.seq }));
  };

  const unsubscribe = store.subscribe((events) => {
    const first = events[0];
    if (!first) return;
    // A gap means we missed a notification; read instead of folding out of order.
    if (first.seq > state.head.seq + 1) void refresh();
    else fold(events);
  });

  /** A command's events, decided on the current state; nothing changes. */
  const decideDrafts = (command: Command, actor: string): Result<DraftEvent[], LinliError> => {
    const now = clock.now();
    const decided = decide(state, command, {
      newId: ids,
      today: localDateOf(now, timeZone),
      now,
      actor,
      head: state.head,
      holidays,
      random,
    });
    if (!decided.ok) return decided;
    const at = now.toISOString();
    return ok(decided.value.map((e) => ({ at, actor, type: e.type, payload: e.payload })));
  };

  /** An idempotent retry's original events, if the store knows the key. */
  const priorFor = async (key: string | undefined) => {
    const prior = key && store.appendedFor ? await store.appendedFor(key) : undefined;
    if (prior && (prior.at(-1)?.seq ?? 0) > state.head.seq) await refresh();
    return prior;
  };

  const failure = (e: unknown): LinliError =>
    e instanceof LinliException
      ? e.error
      : linliError('log.unavailable', [], { reason: e instanceof Error ? e.message : String(e) });

  const run = async (
    command: unknown,
    execOptions: ExecuteOptions,
  ): Promise<Result<readonly LoggedEvent[], LinliError>> => {
    try {
      return await attempt(command, execOptions);
    } catch (e) {
      // A store that throws (quota, closed database, network) is reported, not thrown.
      return err(failure(e));
    }
  };

  const attempt = async (command: unknown, execOptions: ExecuteOptions) => {
    const parsed = parseWith(commandSchema, command);
    if (!parsed.ok) return parsed;
    const actor = execOptions.actor ?? options.actor ?? 'system';
    const key = execOptions.requestKey;
    for (let tries = 0; ; tries++) {
      // Checked on every try: a conflict may be the same request landing through another process.
      const prior = await priorFor(key);
      if (prior) return ok(prior);
      const drafts = decideDrafts(parsed.value, actor);
      if (!drafts.ok) return drafts;
      const appended = await store.append(
        drafts.value,
        key ? { expectedSeq: state.head.seq, requestKey: key } : { expectedSeq: state.head.seq },
      );
      if (appended.ok) {
        fold(appended.value);
        return appended;
      }
      if (appended.error.code !== 'log.conflict' || tries >= maxRetries) return err(appended.error);
      await refresh();
    }
  };

  /** Set when a failed group could not be forgotten (the store was unreachable); fixed before the next command. */
  let stale = false;
  const rebuild = async () => {
    stale = true;
    state = await load(false);
    stale = false;
    version.value += 1;
  };

  /**
   * Decides a group of commands in order, each on the state the ones before it left (their events
   * folded in tentatively), and appends them all in one transaction. If that fails, the tentative
   * events are forgotten by rebuilding from the store, and the commands run again one by one.
   */
  const runGroup = async (
    batch: readonly PendingCommand[],
    appendGroups: NonNullable<EventStore['appendGroups']>,
  ): Promise<Result<readonly LoggedEvent[], LinliError>[]> => {
    // Per command: its final answer (bad input or an earlier request's events), or its group, or its refusal.
    const answers: Result<readonly LoggedEvent[], LinliError>[] = [];
    const final: boolean[] = [];
    const groupOf: (number | undefined)[] = [];
    const groups: AppendGroup[] = [];
    const groupByKey = new Map<string, number>();
    const expectedSeq = state.head.seq;
    try {
      for (const [i, item] of batch.entries()) {
        const parsed = parseWith(commandSchema, item.command);
        const key = item.options.requestKey;
        // Only a store that records keys makes a repeated key one request (as it would one by one).
        const sameRequest = key === undefined || !store.appendedFor ? undefined : groupByKey.get(key);
        const prior = parsed.ok && sameRequest === undefined ? await priorFor(key) : undefined;
        if (!parsed.ok || prior) {
          answers[i] = parsed.ok ? ok(prior ?? []) : parsed;
          final[i] = true;
          continue;
        }
        if (sameRequest !== undefined) {
          groupOf[i] = sameRequest;
          continue;
        }
        const drafts = decideDrafts(parsed.value, item.options.actor ?? options.actor ?? 'system');
        if (!drafts.ok) {
          answers[i] = drafts;
          continue;
        }
        // Tentative, no signal until committed. The store gets the tentative events' salts, so it seals
        // them to the very hashes the later commands of this group were decided on.
        const tentative = sealEvents(drafts.value, state.head, options.salt);
        applyEvents(state, tentative);
        groupOf[i] = groups.length;
        if (key !== undefined && store.appendedFor) groupByKey.set(key, groups.length);
        const salted = tentative.map(draftOf);
        groups.push(key === undefined ? { drafts: salted } : { drafts: salted, requestKey: key });
      }
      if (groups.length === 0) return answers;
      const appended = await appendGroups(groups, { expectedSeq });
      if (appended.ok) {
        version.value += 1;
        return batch.map((_, i) => {
          const group = groupOf[i];
          return group === undefined ? (answers[i] ?? ok([])) : ok(appended.value[group] ?? []);
        });
      }
    } catch {
      // A store that throws failed the group like one that answers with an error: handled below.
    }
    try {
      await rebuild();
    } catch (e) {
      return batch.map((_, i) => (final[i] ? (answers[i] ?? ok([])) : err(failure(e))));
    }
    // Nothing of the group was written, whatever the failure: a conflict, or one command the store
    // cannot take (a commit is all or nothing). So every command runs again, one by one, with retries:
    // a bad command fails alone and its neighbours land, each answered as one-by-one execution would
    // answer it — which also decides again the refusals decided on the group's tentative events.
    const again: Result<readonly LoggedEvent[], LinliError>[] = [];
    for (const [i, item] of batch.entries()) {
      const answer = answers[i];
      again.push(final[i] && answer ? answer : await run(item.command, item.options));
    }
    return again;
  };

  const appendGroups = options.groupCommit ? store.appendGroups?.bind(store) : undefined;
  const groupSize =
    !appendGroups || !options.groupCommit
      ? 1
      : Math.max(1, options.groupCommit === true ? 256 : (options.groupCommit.maxCommands ?? 256));
  // One command at a time needs no gathering; a group waits for the I/O callbacks of this turn.
  const gather: (fn: () => void) => void =
    groupSize === 1
      ? queueMicrotask
      : ((globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate ??
        ((fn) => setTimeout(fn, 0)));
  // Commands from this facade never race each other, only other writers.
  const pending: PendingCommand[] = [];
  let draining = false;
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending.splice(0, groupSize);
      if (stale) await rebuild().catch(() => undefined);
      if (appendGroups && batch.length > 1) {
        const answers = await runGroup(batch, appendGroups);
        for (const [i, item] of batch.entries()) item.resolve(answers[i] ?? ok([]));
      } else for (const item of batch) item.resolve(await run(item.command, item.options));
    }
    draining = false;
  };

  return {
    head: computed(() => {
      version.value;
      return state.head;
    }),
    community: computed(() => {
      version.value;
      return communityView(state.community, today());
    }),
    motions: computed(() => {
      version.value;
      return [...state.voting.motions.values()].map((entry) => entry.motion);
    }),
    read(fn) {
      version.value;
      return fn(state);
    },
    tally(motionId) {
      version.value;
      const entry = state.voting.motions.get(motionId);
      return entry ? visibleTally(entry, clock.now()) : undefined;
    },
    duty(dutyId) {
      version.value;
      return state.rotation.duties.get(dutyId);
    },
    unit(unitId) {
      version.value;
      const unit = state.community.units.get(unitId);
      const buildingId = unit && state.community.stairwells.get(unit.stairwellId)?.buildingId;
      return unit && buildingId ? { room: unit.room, floor: unit.floor, buildingId } : undefined;
    },
    stairwellBuilding(stairwellId) {
      version.value;
      return state.community.stairwells.get(stairwellId)?.buildingId;
    },
    roster(dutyId, to) {
      version.value;
      const duty = state.rotation.duties.get(dutyId);
      return duty ? dutyRoster(state.community, duty, to, holidays) : [];
    },
    fundView(fundId, asOf) {
      version.value;
      return fundView(state.community, state.funds, fundId, asOf ?? today());
    },
    fundSummary(fundId, asOf) {
      version.value;
      const entries = state.funds.entries.get(fundId);
      return entries ? summarizeLedger(entries, asOf ?? today()) : undefined;
    },
    voted(motionId) {
      version.value;
      const entry = state.voting.motions.get(motionId);
      return entry ? votedVoterIds(entry) : [];
    },
    ballots(motionId) {
      version.value;
      const entry = state.voting.motions.get(motionId);
      return entry ? visibleBallots(entry, clock.now()) : [];
    },
    execute(command, execOptions = {}) {
      return new Promise((resolve) => {
        pending.push({ command, options: execOptions, resolve });
        if (draining) return;
        draining = true;
        gather(() => void drain());
      });
    },
    refresh,
    async verify() {
      return verify(await store.read());
    },
    snapshot: () => takeSnapshot(state),
    dispose: unsubscribe,
  };
}
