import type { LinliError } from '../errors/linli-error.js';
import { ok, type Result } from '../errors/result.js';
import type { LoggedEvent } from '../log/event.js';
import type { SaltSource } from '../log/salt.js';
import type { EventStore } from '../log/store.js';
import { type VerifyResult, verify } from '../log/verify.js';
import { chineseHolidays, type HolidayProvider } from '../rotation/holidays.js';
import { type Clock, systemClock } from '../time/clock.js';
import { type IdGenerator, randomIds } from '../time/ids.js';
import { DEFAULT_TIME_ZONE } from '../time/local-date.js';
import { cryptoRandom, type RandomSource } from '../time/random.js';
import { createCommandQueue } from './command-queue.js';
import { type CommandAnswer, createCommandRunner, type ExecuteOptions } from './command-runner.js';
import { type GroupedCommand, type GroupWriter, runGroup } from './group-commit.js';
import { createLiveState } from './live-state.js';
import { createReadModels, type GovernanceReads } from './read-models.js';
import { type RestoreOptions, type Snapshot, takeSnapshot } from './snapshot.js';

export type { ExecuteOptions } from './command-runner.js';

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
  /**
   * The store's whole log, already read: loading folds it instead of reading the store a second time
   * (a server's start-up check reads and verifies it against a signed checkpoint first). It is
   * verified again unless `verifyOnLoad` is false, which is right only when the caller verified
   * exactly these events.
   */
  readonly log?: readonly LoggedEvent[];
  /** Verify the hash chain while loading (default true). A failure rejects with `log.corrupt`. */
  readonly verifyOnLoad?: boolean;
  /** Public holidays for duty rosters; defaults to China's (State Council notices via `chinese-days`). */
  readonly holidays?: HolidayProvider;
  /**
   * How many times to re-decide a command after losing a race to another writer before answering
   * `log.conflict` (default {@link DEFAULT_MAX_RETRIES}). Commands are re-decided until they land or a
   * rule refuses them; this is only a safety limit against a livelock, with a short jittered pause
   * between later tries. Stores that offer `appendPlanned` decide under their write lock and do not
   * lose races at all.
   */
  readonly maxRetries?: number;
  /**
   * Told once, the first time the store delivered events that did not fold onto the state (a gap is
   * simply read; events that do not link to the head make the governance rebuild its state from the
   * log). Defaults to `console.warn`. A subscription never throws.
   */
  readonly onRepair?: (reason: unknown) => void;
  /**
   * Group commit: commands that arrive together share one {@link EventStore.appendGroups} call, so one
   * durable write (one fsync) serves many — what lets a server take thousands of ballots a second.
   * Each command is still decided on the state the commands before it left and gets its own answer,
   * exactly as if they had run one by one. Commands wait one event-loop turn (`setImmediate`) to
   * gather; `maxCommands` (default 256) caps a group. Ignored when the store has neither
   * `appendPlanned` nor `appendGroups`. With `appendPlanned` the group is decided under the log's
   * write lock, after folding in what other writers appended, so it never loses a race.
   * While a group is being written `read` may already see it; signals change only once it is
   * committed, and events other writers append meanwhile are held and folded in after it (never onto
   * its tentative events). If the write fails the state is rebuilt from the store and the commands
   * run again one by one, so a command the store cannot take fails alone and the others still land.
   */
  readonly groupCommit?: boolean | { readonly maxCommands?: number };
}

/**
 * The reactive facade over one community's log. Reads are signals; writes are commands that return a
 * `Result` and, when rejected, change nothing.
 */
export interface Governance extends GovernanceReads {
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
 * How many times a command is re-decided after losing a race before `log.conflict` reaches the
 * caller: a safety limit against a livelock (with a jittered pause between later tries), far above
 * what contention needs, since every lost race means another writer's command landed.
 */
export const DEFAULT_MAX_RETRIES = 200;

/** How a group commit reaches `store`: under its write lock if it offers that, else as a group append. */
function groupWriterOf(store: EventStore): GroupWriter | undefined {
  if (store.appendPlanned) return { appendPlanned: store.appendPlanned.bind(store) };
  if (store.appendGroups) return { appendGroups: store.appendGroups.bind(store) };
  return undefined;
}

/** How many commands one group commit may carry: 1 when the store or the options rule grouping out. */
function groupSizeOf(options: GovernanceOptions): number {
  const { groupCommit } = options;
  if (!groupCommit || !groupWriterOf(options.store)) return 1;
  return Math.max(1, groupCommit === true ? 256 : (groupCommit.maxCommands ?? 256));
}

/**
 * Loads a community's log from `store` and keeps its state current, including events appended by
 * other writers. Rejects with a `LinliException` (`log.corrupt`) if the log fails verification.
 *
 * The facade composes three parts: the {@link LiveState} (the state and the version signals track),
 * the read models over it, and the command queue, which runs commands alone or as a group commit.
 */
export async function createGovernance(options: GovernanceOptions): Promise<Governance> {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const holidays = options.holidays ?? chineseHolidays;
  const live = await createLiveState(options, options.verifyOnLoad ?? true);

  // Never throws: out of order, repeated or foreign events are read again or rebuilt from, and while a
  // group commit is in flight they wait (see LiveState).
  const unsubscribe = store.subscribe((events) => live.fold(events));

  const runner = createCommandRunner(live, {
    clock,
    ids: options.ids ?? randomIds,
    random: options.random ?? cryptoRandom,
    timeZone,
    holidays,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    ...(options.actor === undefined ? {} : { actor: options.actor }),
  });
  const writer = options.groupCommit ? groupWriterOf(store) : undefined;
  // Read out here: a closure over `options` would keep the log it may carry for the community's life.
  const { salt } = options;
  const queue = createCommandQueue<GroupedCommand, CommandAnswer>({
    groupSize: groupSizeOf(options),
    runOne: (item) => runner.run(item.command, item.options),
    runGroup: writer && ((batch) => runGroup(live, runner, batch, writer, salt)),
    // A failed group whose state could not be rebuilt then is rebuilt before anything else runs.
    beforeBatch: async () => {
      if (live.stale) await live.rebuild().catch(() => undefined);
    },
    missing: ok([]),
  });

  return {
    ...createReadModels(live, { clock, timeZone, holidays }),
    execute: (command, execOptions = {}) => queue.enqueue({ command, options: execOptions }),
    refresh: () => live.refresh(),
    async verify() {
      return verify(await store.read());
    },
    snapshot: () => takeSnapshot(live.state),
    dispose: unsubscribe,
  };
}
