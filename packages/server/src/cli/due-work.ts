import { createGovernance, type Governance, SCHEDULER_ACTOR, systemClock } from '@linli/core';
import type { DueWorkTable } from '../due-work/due-work-table.js';
import { recordDueWork, watchDueWork } from '../due-work/record-due-work.js';
import { DueWorkScheduler, type RunInCommunity } from '../due-work/scheduler.js';
import { CliFailure } from './backup.js';
import type { DataFolder } from './data-folder.js';

/** The scheduler's settings from the environment (see the server README's "Due work"). */
export interface DueWorkSettings {
  /** Seconds between rounds; `undefined` when `LINLI_DUE_WORK_SECONDS=off`. */
  readonly intervalMs: number | undefined;
  readonly leaseMs: number;
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback * 1000;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > 86_400)
    throw new CliFailure(`${name} must be a number of seconds (more than 0, at most 86400), not "${text}"`);
  return Math.round(value * 1000);
}

/** `LINLI_DUE_WORK_SECONDS` (default 30, or `off`) and `LINLI_DUE_WORK_LEASE_SECONDS` (default 300). */
export function dueWorkSettings(env: NodeJS.ProcessEnv = process.env): DueWorkSettings {
  const leaseMs = seconds(env, 'LINLI_DUE_WORK_LEASE_SECONDS', 300);
  if (env.LINLI_DUE_WORK_SECONDS === 'off') return { intervalMs: undefined, leaseMs };
  return { intervalMs: seconds(env, 'LINLI_DUE_WORK_SECONDS', 30), leaseMs };
}

/**
 * The scheduler's way into a community: the governance this process serves it with, or else the
 * community opened from the data folder for this one piece of work and closed after.
 */
export function runInDataFolder(data: DataFolder, served: ReadonlyMap<string, Governance>): RunInCommunity {
  return async (community, work) => {
    const held = served.get(community);
    if (held) return work(held);
    const store = await data.eventStore(community);
    const governance = await createGovernance({ store, actor: SCHEDULER_ACTOR, groupCommit: false });
    try {
      return await work(governance);
    } finally {
      governance.dispose();
      await store.close();
    }
  };
}

/**
 * After an administrative command changed a community's log (`fromSeq` was its head before), records
 * its due work, so a community no server holds in memory still has its work found.
 */
export async function recordAfterChange(
  data: DataFolder,
  community: string,
  governance: Governance,
  fromSeq: number,
): Promise<void> {
  if (governance.head.value.seq === fromSeq) return;
  const table = await data.dueWorkTable();
  try {
    await recordDueWork(table, community, governance, systemClock);
  } finally {
    await table.close();
  }
}

/**
 * Starts due work for a serving process: records what is due in each community it serves, runs
 * the work already due (so a restarted server catches up before it answers), then keeps the table
 * current as the logs change and looks for due work every interval. Returns the graceful stop: the
 * round under way finishes, then the table closes.
 */
export async function startDueWork(
  data: DataFolder,
  served: ReadonlyMap<string, Governance>,
  settings: DueWorkSettings = dueWorkSettings(),
): Promise<() => Promise<void>> {
  const table: DueWorkTable = await data.dueWorkTable();
  const onError = (e: unknown) => console.error('linli: recording due work failed:', e);
  for (const [id, governance] of served) await recordDueWork(table, id, governance, systemClock);
  const watchers = [...served].map(([id, governance]) =>
    watchDueWork(table, id, governance, systemClock, onError),
  );
  const scheduler =
    settings.intervalMs === undefined
      ? undefined
      : new DueWorkScheduler({
          table,
          run: runInDataFolder(data, served),
          intervalMs: settings.intervalMs,
          leaseMs: settings.leaseMs,
        });
  // A database that fails now is reported; the rounds that follow try again.
  await scheduler?.runDue().catch((e: unknown) => console.error('linli: due work:', e));
  scheduler?.start();
  return async () => {
    await scheduler?.stop();
    await Promise.all(watchers.map((stop) => stop()));
    await table.close();
  };
}
