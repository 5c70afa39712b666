import { type Clock, type Governance, systemClock } from '@linli/core';
import type { DueWorkTable } from '../due-work/due-work-table.js';
import { recordDueWork, watchDueWork } from '../due-work/record-due-work.js';
import { DueWorkScheduler, type RunInCommunity } from '../due-work/scheduler.js';
import type { CommunityHost } from '../hosting/community-host.js';
import type { CommunityWatcher } from '../hosting/data-folder-host.js';
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
 * The scheduler's way into a community: through the host, which opens it for the work if nobody has
 * it open and holds it (no eviction) until the work ends.
 */
export function runInHost(host: CommunityHost): RunInCommunity {
  return async (community, work) => {
    const done = await host.withCommunity(community, async (hosted) => ({
      value: await work(hosted.governance),
    }));
    if (!done) throw new Error(`community ${community} is not hosted here`);
    return done.value;
  };
}

/**
 * What the host runs on every community it opens: its due work recorded, then kept current while it
 * stays open; the returned stop runs before it is closed.
 */
export function dueWorkWatcher(table: DueWorkTable, clock: Clock = systemClock): CommunityWatcher {
  const onError = (e: unknown) => console.error('linli: recording due work failed:', e);
  return async (id, governance) => {
    await recordDueWork(table, id, governance, clock).catch(onError);
    return watchDueWork(table, id, governance, clock, onError);
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
 * Starts due work for a serving process. A listed community with no row yet (listed before due work
 * existed, never opened since) gets a check row due now, so its work is found without a visit; the
 * work already due runs at once (a restarted server catches up before it answers), then every
 * interval. Open communities keep their rows current through {@link dueWorkWatcher}. Returns the
 * graceful stop: the round under way finishes.
 */
export async function startDueWork(
  table: DueWorkTable,
  host: CommunityHost,
  settings: DueWorkSettings = dueWorkSettings(),
  clock: Clock = systemClock,
): Promise<() => Promise<void>> {
  const now = clock.now().toISOString();
  for (const { id } of await host.listed())
    if ((await table.rows(id)).length === 0) await table.record(id, { items: [], next: now });
  const scheduler =
    settings.intervalMs === undefined
      ? undefined
      : new DueWorkScheduler({
          table,
          run: runInHost(host),
          intervalMs: settings.intervalMs,
          leaseMs: settings.leaseMs,
          clock,
        });
  // A database that fails now is reported; the rounds that follow try again.
  await scheduler?.runDue().catch((e: unknown) => console.error('linli: due work:', e));
  scheduler?.start();
  return async () => {
    await scheduler?.stop();
  };
}
