import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { type LinliError, LinliException, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { type FundView, fundView } from '../funds/fund-view.js';
import { type LedgerSummary, summarizeLedger } from '../funds/ledger.js';
import type { DraftEvent, LoggedEvent, LogHead } from '../log/event.js';
import type { EventStore } from '../log/store.js';
import { type VerifyResult, verify } from '../log/verify.js';
import type { Duty } from '../rotation/duty.js';
import { chineseHolidays, type HolidayProvider } from '../rotation/holidays.js';
import { dutyRoster, type RosterSlot } from '../rotation/roster.js';
import { type Clock, systemClock } from '../time/clock.js';
import { type IdGenerator, randomIds } from '../time/ids.js';
import { DEFAULT_TIME_ZONE, type LocalDate, localDateOf } from '../time/local-date.js';
import { parseWith } from '../validation/zod-errors.js';
import type { Ballot, Motion } from '../voting/motion.js';
import { type Tally, tallyMotion } from '../voting/tally.js';
import { visibleBallots, votedVoterIds } from '../voting/visibility.js';
import { commandSchema } from './commands.js';
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
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const maxRetries = options.maxRetries ?? 5;
  const holidays = options.holidays ?? chineseHolidays;

  let state: GovernanceState;
  if (options.snapshot) {
    const restored = restoreSnapshot(
      options.snapshot,
      options.migrations ? { migrations: options.migrations } : {},
    );
    if (!restored.ok) throw new LinliException(restored.error);
    state = restored.value;
  } else {
    state = emptyState();
  }

  if (options.verifyOnLoad ?? true) {
    const log = await store.read();
    const result = verify(log);
    if (!result.ok)
      throw new LinliException(linliError('log.corrupt', [], { seq: result.seq, reason: result.reason }));
    const at = state.head.seq > 0 ? log[state.head.seq - 1] : undefined;
    if (state.head.seq > 0 && at?.hash !== state.head.hash) {
      throw new LinliException(linliError('snapshot.head_mismatch', [], { seq: state.head.seq }));
    }
    applyEvents(state, log.slice(state.head.seq));
  } else {
    applyEvents(state, await store.read({ afterSeq: state.head.seq }));
  }

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

  // Commands from this facade run one at a time, so they never race each other, only other writers.
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (
    command: unknown,
    execOptions: ExecuteOptions,
  ): Promise<Result<readonly LoggedEvent[], LinliError>> => {
    try {
      return await attempt(command, execOptions);
    } catch (e) {
      // A store that throws (quota, closed database, network) is reported, not thrown.
      if (e instanceof LinliException) return err(e.error);
      return err(linliError('log.unavailable', [], { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  const attempt = async (command: unknown, execOptions: ExecuteOptions) => {
    const parsed = parseWith(commandSchema, command);
    if (!parsed.ok) return parsed;
    const actor = execOptions.actor ?? options.actor ?? 'system';
    const key = execOptions.requestKey;
    for (let tries = 0; ; tries++) {
      // Checked on every try: a conflict may be the same request landing through another process.
      const prior = key && store.appendedFor ? await store.appendedFor(key) : undefined;
      if (prior) {
        if ((prior.at(-1)?.seq ?? 0) > state.head.seq) await refresh();
        return ok(prior);
      }
      const now = clock.now();
      const decided = decide(state, parsed.value, {
        newId: ids,
        today: localDateOf(now, timeZone),
        now,
        actor,
        head: state.head,
        holidays,
      });
      if (!decided.ok) return decided;
      const at = now.toISOString();
      const drafts: DraftEvent[] = decided.value.map((e) => ({
        at,
        actor,
        type: e.type,
        payload: e.payload,
      }));
      const appended = await store.append(
        drafts,
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
      return entry ? tallyMotion(entry, { now: clock.now() }) : undefined;
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
      const result = queue.then(() => run(command, execOptions));
      queue = result.catch(() => undefined);
      return result;
    },
    refresh,
    async verify() {
      return verify(await store.read());
    },
    snapshot: () => takeSnapshot(state),
    dispose: unsubscribe,
  };
}
