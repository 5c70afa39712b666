import type { LinliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { draftOf, type LoggedEvent, sealEvents } from '../log/event.js';
import type { SaltSource } from '../log/salt.js';
import type { AppendGroup, EventStore } from '../log/store.js';
import { parseWith } from '../validation/zod-errors.js';
import {
  type CommandAnswer,
  type CommandRunner,
  type ExecuteOptions,
  storeFailure,
} from './command-runner.js';
import { type Command, commandSchema } from './commands.js';
import type { LiveState } from './live-state.js';
import { applyEvents } from './state.js';

/** A command of a group, with how it was asked. */
export interface GroupedCommand {
  readonly command: unknown;
  readonly options: ExecuteOptions;
}

/** A store's group append. */
export type AppendGroups = NonNullable<EventStore['appendGroups']>;
/** A store's append decided under its write lock. */
export type AppendPlanned = NonNullable<EventStore['appendPlanned']>;

/**
 * How a group reaches the store: planned under the log's write lock (decided on the log as it
 * stands, so it cannot lose a race), or appended after the head it was decided on.
 */
export type GroupWriter = { readonly appendPlanned: AppendPlanned } | { readonly appendGroups: AppendGroups };

/** A command of the group after the look-ups that may wait on the store. */
type LookedUp =
  /** Answered without deciding: bad input, or a request the store already took. */
  | { readonly answer: CommandAnswer }
  | { readonly command: Command; readonly actor: string; readonly key: string | undefined };

/** How a group's commands fared when decided in order on the tentative state. */
interface GroupPlan {
  /** Per command: its final answer (bad input or an earlier request's events), or its refusal. */
  readonly answers: CommandAnswer[];
  /** Per command: whether its answer stands even if the group's write fails. */
  readonly final: boolean[];
  /** Per command: the index of the append group that carries its events. */
  readonly groupOf: (number | undefined)[];
  readonly groups: AppendGroup[];
}

/**
 * Validates each command and looks its request key up, before anything is folded in tentatively: a
 * look-up waits on the store (and may catch up with it), which must not happen under its write lock
 * nor on a tentative state. A key repeated within the group is looked up once.
 */
async function lookUp(
  runner: CommandRunner,
  batch: readonly GroupedCommand[],
  recordsKeys: boolean,
): Promise<LookedUp[]> {
  const priors = new Map<string, readonly LoggedEvent[] | undefined>();
  const looked: LookedUp[] = [];
  for (const item of batch) {
    const parsed = parseWith(commandSchema, item.command);
    const key = item.options.requestKey;
    if (!parsed.ok) {
      looked.push({ answer: parsed });
      continue;
    }
    if (key !== undefined && (!recordsKeys || !priors.has(key))) priors.set(key, await runner.priorFor(key));
    const prior = key === undefined ? undefined : priors.get(key);
    looked.push(
      prior ? { answer: ok(prior) } : { command: parsed.value, actor: runner.actorOf(item.options), key },
    );
  }
  return looked;
}

/**
 * Decides a group's commands in order, each on the state the ones before it left: their events are
 * sealed and folded in tentatively (no signal) with the salts the store will seal them with, so the
 * hashes later commands were decided on are the ones written. Synchronous, so that it can run under
 * the store's write lock.
 */
function decideGroup(
  looked: readonly LookedUp[],
  live: LiveState,
  runner: CommandRunner,
  recordsKeys: boolean,
  salt: SaltSource | undefined,
): GroupPlan {
  const plan: GroupPlan = { answers: [], final: [], groupOf: [], groups: [] };
  const groupByKey = new Map<string, number>();
  for (const [i, item] of looked.entries()) {
    if ('answer' in item) {
      plan.answers[i] = item.answer;
      plan.final[i] = true;
      continue;
    }
    const { key } = item;
    // Only a store that records keys makes a repeated key one request (as it would one by one).
    const sameRequest = key === undefined || !recordsKeys ? undefined : groupByKey.get(key);
    if (sameRequest !== undefined) {
      plan.groupOf[i] = sameRequest;
      continue;
    }
    const drafts = runner.decideDrafts(item.command, item.actor);
    if (!drafts.ok) {
      plan.answers[i] = drafts;
      continue;
    }
    const tentative = sealEvents(drafts.value, live.state.head, salt);
    applyEvents(live.state, tentative);
    plan.groupOf[i] = plan.groups.length;
    if (key !== undefined && recordsKeys) groupByKey.set(key, plan.groups.length);
    const salted = tentative.map(draftOf);
    plan.groups.push(key === undefined ? { drafts: salted } : { drafts: salted, requestKey: key });
  }
  return plan;
}

/**
 * Decides the group (through `decide`) and writes it. Planned, the state first catches up with what
 * other writers appended, under the lock; a plan is decided once only, since its events are folded
 * in — a store that calls it again fails the group, which then runs again one by one.
 */
async function writeGroup(
  live: LiveState,
  writer: GroupWriter,
  decide: () => AppendGroup[],
): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError> | undefined> {
  const afterSeq = live.state.head.seq;
  if ('appendGroups' in writer) {
    const groups = decide();
    return groups.length === 0 ? undefined : writer.appendGroups(groups, { expectedSeq: afterSeq });
  }
  let planned = false;
  const written = await writer.appendPlanned(
    (caughtUp) => {
      if (planned) throw new Error('a group commit was planned twice');
      planned = true;
      if (!live.catchUp(caughtUp, afterSeq)) throw new Error('the state did not catch up with the log');
      return decide();
    },
    { afterSeq },
  );
  return written.ok ? ok(written.value.sealed) : written;
}

/** A group's answers, or the plan of a group whose write failed and was forgotten. */
type GroupOutcome = { readonly answers: CommandAnswer[] } | { readonly failed: GroupPlan };

/** Decides, writes and answers a group while the live state holds deliveries (its events are tentative). */
async function commitGroup(
  live: LiveState,
  runner: CommandRunner,
  looked: readonly LookedUp[],
  writer: GroupWriter,
  salt: SaltSource | undefined,
): Promise<GroupOutcome> {
  const recordsKeys = live.store.appendedFor !== undefined;
  let plan: GroupPlan = { answers: [], final: [], groupOf: [], groups: [] };
  try {
    const written = await writeGroup(live, writer, () => {
      plan = decideGroup(looked, live, runner, recordsKeys, salt);
      return plan.groups;
    });
    if (!written) return { answers: looked.map((_, i) => plan.answers[i] ?? ok([])) };
    if (written.ok) {
      live.version.value += 1;
      // Held until the group is over, then checked against the tentative events they must equal.
      live.fold(written.value.flat());
      return {
        answers: looked.map((_, i) => {
          const group = plan.groupOf[i];
          return group === undefined ? (plan.answers[i] ?? ok([])) : ok(written.value[group] ?? []);
        }),
      };
    }
  } catch {
    // A store (or plan) that throws failed the group like one that answers with an error: below.
  }
  try {
    // Still in flight: what the store delivered meanwhile is folded only onto the rebuilt state.
    await live.rebuild();
  } catch (e) {
    return {
      answers: looked.map((_, i) => (plan.final[i] ? (plan.answers[i] ?? ok([])) : err(storeFailure(e)))),
    };
  }
  return { failed: plan };
}

/**
 * Runs a group of commands with one write: each is decided on the state the ones before it left and
 * gets its own answer, exactly as if they had run one by one. While the group is in flight the live
 * state holds what other writers' events the store delivers, and folds them in once the group has
 * committed or been forgotten. If the write fails the tentative events are forgotten by rebuilding
 * from the store, and the commands run again one by one.
 */
export async function runGroup(
  live: LiveState,
  runner: CommandRunner,
  batch: readonly GroupedCommand[],
  writer: GroupWriter,
  salt?: SaltSource,
): Promise<CommandAnswer[]> {
  let looked: LookedUp[] | undefined;
  try {
    looked = await lookUp(runner, batch, live.store.appendedFor !== undefined);
  } catch {
    // The store failed a look-up: each command runs alone and reports what the store says then.
  }
  const outcome = looked
    ? await live.inFlight(() => commitGroup(live, runner, looked, writer, salt))
    : { failed: { answers: [], final: [], groupOf: [], groups: [] } };
  if ('answers' in outcome) return outcome.answers;
  // Nothing of the group was written, whatever the failure: a conflict, or one command the store
  // cannot take (a commit is all or nothing). So every command runs again, one by one, with retries:
  // a bad command fails alone and its neighbours land, each answered as one-by-one execution would
  // answer it — which also decides again the refusals decided on the group's tentative events.
  const { answers, final } = outcome.failed;
  const again: CommandAnswer[] = [];
  for (const [i, item] of batch.entries()) {
    const answer = answers[i];
    again.push(final[i] && answer ? answer : await runner.run(item.command, item.options));
  }
  return again;
}
