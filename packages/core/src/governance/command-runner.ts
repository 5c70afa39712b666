import { type LinliError, LinliException, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { DraftEvent, LoggedEvent } from '../log/event.js';
import type { EventStore } from '../log/store.js';
import type { HolidayProvider } from '../rotation/holidays.js';
import type { Clock } from '../time/clock.js';
import type { IdGenerator } from '../time/ids.js';
import { localDateOf } from '../time/local-date.js';
import type { RandomSource } from '../time/random.js';
import { parseWith } from '../validation/zod-errors.js';
import { jitteredBackoff } from './backoff.js';
import type { Command } from './commands.js';
import { commandSchema } from './commands.js';
import { decide } from './decide.js';
import type { LiveState } from './live-state.js';

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

/** A command's answer: its logged events, or why it changed nothing. */
export type CommandAnswer = Result<readonly LoggedEvent[], LinliError>;

/** What deciding a command needs besides the state: the injected time, ids and randomness. */
export interface CommandSettings {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly random: RandomSource;
  readonly timeZone: string;
  readonly holidays: HolidayProvider;
  /** Who acts when a command does not say; `system` if unset. */
  readonly actor?: string;
  /**
   * How many times to re-decide a command after losing a race to another writer: a safety limit
   * against a livelock, not a policy (a command is re-decided until it lands or a rule refuses it).
   */
  readonly maxRetries: number;
  /** Waits before re-deciding after the `tries`-th lost race; defaults to {@link jitteredBackoff}. */
  readonly pause?: (tries: number) => Promise<void>;
}

/** Decides commands on a {@link LiveState} and appends them one at a time. */
export interface CommandRunner {
  /** Who acts for a command run with `options`. */
  actorOf(options: ExecuteOptions): string;
  /** A command's events, decided on the current state; nothing changes. */
  decideDrafts(command: Command, actor: string): Result<DraftEvent[], LinliError>;
  /** An idempotent retry's original events, if the store knows the key (folded in first if new to us). */
  priorFor(key: string | undefined): Promise<readonly LoggedEvent[] | undefined>;
  /** Validates, decides and appends one command, re-deciding after conflicts. Never throws. */
  run(command: unknown, options: ExecuteOptions): Promise<CommandAnswer>;
}

/** A thrown store failure as the typed error it is reported with. */
export function storeFailure(e: unknown): LinliError {
  return e instanceof LinliException
    ? e.error
    : linliError('log.unavailable', [], { reason: e instanceof Error ? e.message : String(e) });
}

/** The one-by-one command path over `live`: validate, decide, append with optimistic concurrency, fold. */
export function createCommandRunner(live: LiveState, settings: CommandSettings): CommandRunner {
  const { clock, ids, random, timeZone, holidays, maxRetries } = settings;
  const pause = settings.pause ?? jitteredBackoff;
  const { store } = live;
  const actorOf = (options: ExecuteOptions) => options.actor ?? settings.actor ?? 'system';

  const decideDrafts = (command: Command, actor: string): Result<DraftEvent[], LinliError> => {
    const { state } = live;
    const now = clock.now();
    const context = {
      newId: ids,
      today: localDateOf(now, timeZone),
      now,
      actor,
      head: state.head,
      holidays,
      random,
    };
    const decided = decide(state, command, context);
    if (!decided.ok) return decided;
    const at = now.toISOString();
    return ok(decided.value.map((e) => ({ at, actor, type: e.type, payload: e.payload })));
  };

  const priorFor = async (key: string | undefined) => {
    const prior = key && store.appendedFor ? await store.appendedFor(key) : undefined;
    if (prior && (prior.at(-1)?.seq ?? 0) > live.state.head.seq) await live.refresh();
    return prior;
  };

  /**
   * One try under the store's write lock: catch up with what other writers appended, decide on that,
   * append. The plan may be called again by a store that retries its transaction, and decides afresh.
   */
  const planned = async (
    appendPlanned: NonNullable<EventStore['appendPlanned']>,
    command: Command,
    actor: string,
    key: string | undefined,
  ): Promise<CommandAnswer> => {
    const afterSeq = live.state.head.seq;
    let decided: Result<DraftEvent[], LinliError> | undefined;
    const appended = await appendPlanned(
      (caughtUp) => {
        // Decided afresh on every call: nothing is folded in until the store has committed.
        decided = live.catchUp(caughtUp, afterSeq) ? decideDrafts(command, actor) : undefined;
        if (!decided?.ok) return [];
        return [key === undefined ? { drafts: decided.value } : { drafts: decided.value, requestKey: key }];
      },
      { afterSeq },
    );
    if (!appended.ok) return appended;
    if (!decided) {
      // The state could not catch up (it is being repaired): as if the race were lost.
      return err(linliError('log.conflict', [], { expectedSeq: afterSeq, actualSeq: live.state.head.seq }));
    }
    if (!decided.ok) return decided;
    const events = appended.value.sealed[0] ?? [];
    live.fold(events);
    return ok(events);
  };

  /** One try with optimistic concurrency: decide on the state as it is, append if the head has not moved. */
  const optimistic = async (
    command: Command,
    actor: string,
    key: string | undefined,
  ): Promise<CommandAnswer> => {
    const drafts = decideDrafts(command, actor);
    if (!drafts.ok) return drafts;
    const expectedSeq = live.state.head.seq;
    const appended = await store.append(
      drafts.value,
      key ? { expectedSeq, requestKey: key } : { expectedSeq },
    );
    if (appended.ok) live.fold(appended.value);
    return appended;
  };

  const attempt = async (command: unknown, options: ExecuteOptions): Promise<CommandAnswer> => {
    const parsed = parseWith(commandSchema, command);
    if (!parsed.ok) return parsed;
    const actor = actorOf(options);
    const key = options.requestKey;
    const appendPlanned = store.appendPlanned?.bind(store);
    for (let tries = 0; ; tries++) {
      // Checked on every try: a conflict may be the same request landing through another process.
      const prior = await priorFor(key);
      if (prior) return ok(prior);
      const answer = appendPlanned
        ? await planned(appendPlanned, parsed.value, actor, key)
        : await optimistic(parsed.value, actor, key);
      if (answer.ok || answer.error.code !== 'log.conflict' || tries >= maxRetries) return answer;
      // Lost a race (or the state is being repaired): catch up, and against a livelock wait a little.
      await pause(tries);
      await live.refresh();
    }
  };

  return {
    actorOf,
    decideDrafts,
    priorFor,
    async run(command, options) {
      try {
        return await attempt(command, options);
      } catch (e) {
        // A store that throws (quota, closed database, network) is reported, not thrown.
        return err(storeFailure(e));
      }
    },
  };
}
