import { err, ok } from '../errors/result.js';
import { draftOf, sealEvents } from '../log/event.js';
import type { SaltSource } from '../log/salt.js';
import type { AppendGroup, EventStore } from '../log/store.js';
import { parseWith } from '../validation/zod-errors.js';
import {
  type CommandAnswer,
  type CommandRunner,
  type ExecuteOptions,
  storeFailure,
} from './command-runner.js';
import { commandSchema } from './commands.js';
import type { LiveState } from './live-state.js';
import { applyEvents } from './state.js';

/** A command of a group, with how it was asked. */
export interface GroupedCommand {
  readonly command: unknown;
  readonly options: ExecuteOptions;
}

/** A store's group append. */
export type AppendGroups = NonNullable<EventStore['appendGroups']>;

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
 * Decides a group's commands in order, each on the state the ones before it left: their events are
 * sealed and folded in tentatively (no signal) with the salts the store will seal them with, so the
 * hashes later commands were decided on are the ones written. Fills `plan` as it goes, so the answers
 * already final stand if a later command's look-up throws.
 */
async function planGroup(
  plan: GroupPlan,
  live: LiveState,
  runner: CommandRunner,
  batch: readonly GroupedCommand[],
  salt: SaltSource | undefined,
): Promise<void> {
  const groupByKey = new Map<string, number>();
  const recordsKeys = live.store.appendedFor !== undefined;
  for (const [i, item] of batch.entries()) {
    const parsed = parseWith(commandSchema, item.command);
    const key = item.options.requestKey;
    // Only a store that records keys makes a repeated key one request (as it would one by one).
    const sameRequest = key === undefined || !recordsKeys ? undefined : groupByKey.get(key);
    const prior = parsed.ok && sameRequest === undefined ? await runner.priorFor(key) : undefined;
    if (!parsed.ok || prior) {
      plan.answers[i] = parsed.ok ? ok(prior ?? []) : parsed;
      plan.final[i] = true;
      continue;
    }
    if (sameRequest !== undefined) {
      plan.groupOf[i] = sameRequest;
      continue;
    }
    const drafts = runner.decideDrafts(parsed.value, runner.actorOf(item.options));
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
}

/**
 * Runs a group of commands with one append: each is decided on the state the ones before it left and
 * gets its own answer, exactly as if they had run one by one. If the write fails the tentative events
 * are forgotten by rebuilding from the store, and the commands run again one by one.
 */
export async function runGroup(
  live: LiveState,
  runner: CommandRunner,
  batch: readonly GroupedCommand[],
  appendGroups: AppendGroups,
  salt?: SaltSource,
): Promise<CommandAnswer[]> {
  const expectedSeq = live.state.head.seq;
  const plan: GroupPlan = { answers: [], final: [], groupOf: [], groups: [] };
  try {
    await planGroup(plan, live, runner, batch, salt);
    if (plan.groups.length === 0) return plan.answers;
    const appended = await appendGroups(plan.groups, { expectedSeq });
    if (appended.ok) {
      live.version.value += 1;
      return batch.map((_, i) => {
        const group = plan.groupOf[i];
        return group === undefined ? (plan.answers[i] ?? ok([])) : ok(appended.value[group] ?? []);
      });
    }
  } catch {
    // A store that throws failed the group like one that answers with an error: handled below.
  }
  const { answers, final } = plan;
  try {
    await live.rebuild();
  } catch (e) {
    return batch.map((_, i) => (final[i] ? (answers[i] ?? ok([])) : err(storeFailure(e))));
  }
  // Nothing of the group was written, whatever the failure: a conflict, or one command the store
  // cannot take (a commit is all or nothing). So every command runs again, one by one, with retries:
  // a bad command fails alone and its neighbours land, each answered as one-by-one execution would
  // answer it — which also decides again the refusals decided on the group's tentative events.
  const again: CommandAnswer[] = [];
  for (const [i, item] of batch.entries()) {
    const answer = answers[i];
    again.push(final[i] && answer ? answer : await runner.run(item.command, item.options));
  }
  return again;
}
