import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Clock, dueWork, type Governance, SCHEDULER_ACTOR, systemClock } from '@linli/core';
import { CHECK_KEY, type ClaimedWork, type DueWorkTable } from './due-work-table.js';
import { recordDueWork } from './record-due-work.js';

/**
 * How the scheduler reaches a community: runs `work` on its governance, opening the community first
 * if no one holds it in memory (and closing it after, or keeping it, as the host decides).
 */
export type RunInCommunity = <T>(
  community: string,
  work: (governance: Governance) => Promise<T>,
) => Promise<T>;

/** The scheduler's settings; see the server README's "Due work" section. */
export interface DueWorkSchedulerOptions {
  readonly table: DueWorkTable;
  readonly run: RunInCommunity;
  /** How often to look for due work (`LINLI_DUE_WORK_SECONDS`, default 30 s). */
  readonly intervalMs?: number;
  /** How long a claimed row is this process's (`LINLI_DUE_WORK_LEASE_SECONDS`, default 300 s). */
  readonly leaseMs?: number;
  /** Rows claimed at once. */
  readonly batch?: number;
  /** The longest wait before a failed item is tried again (default 1 hour). */
  readonly maxBackoffMs?: number;
  readonly clock?: Clock;
  /** Who holds the leases this process takes; unique per process unless given. */
  readonly owner?: string;
  /** Where a failure is reported besides the table (default: one line on stderr). */
  readonly onError?: (work: ClaimedWork, error: string) => void;
}

/** What became of one claimed row. */
type Outcome = 'done' | 'no longer due' | 'checked';

/**
 * Runs the work that falls due, in every serving process at once: each round claims due rows with a
 * lease, runs each row's command as {@link SCHEDULER_ACTOR} with the row's key as the idempotency
 * key (so a row whose lease expired mid-run, run again by another process, gets the first run's
 * events instead of a second append), then marks it done. A refused command whose work is no longer
 * due (someone did it by hand) is forgotten; any other failure is retried after a backoff that
 * doubles with each attempt, and its error is kept.
 */
export class DueWorkScheduler {
  readonly owner: string;
  private readonly table: DueWorkTable;
  private readonly run: RunInCommunity;
  private readonly intervalMs: number;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly maxBackoffMs: number;
  private readonly clock: Clock;
  private readonly onError: (work: ClaimedWork, error: string) => void;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<unknown> = Promise.resolve();
  private running = false;
  private stopping = false;

  constructor(options: DueWorkSchedulerOptions) {
    this.table = options.table;
    this.run = options.run;
    this.intervalMs = options.intervalMs ?? 30_000;
    this.leaseMs = options.leaseMs ?? 300_000;
    this.batch = options.batch ?? 20;
    this.maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
    this.clock = options.clock ?? systemClock;
    this.owner = options.owner ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.onError =
      options.onError ??
      ((work, error) => console.error(`linli: due work ${work.community} ${work.key} failed: ${error}`));
  }

  /** Looks for due work now and then every interval, until {@link stop}. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    const loop = () => {
      this.round = this.runDue().catch((e: unknown) => console.error('linli: due work:', e));
      void this.round.then(() => {
        if (!this.stopping) this.timer = setTimeout(loop, this.intervalMs);
      });
    };
    loop();
  }

  /** Stops looking; resolves when the round under way has finished (its rows done or given back). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.round;
    this.running = false;
  }

  /**
   * Claims and runs due rows until none is left (a check row may add items due at once). Returns how
   * many rows it ran.
   */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.table.claim(
        this.owner,
        this.clock.now().getTime(),
        this.leaseMs,
        this.batch,
      );
      for (const work of claimed) await this.runOne(work);
      total += claimed.length;
      if (claimed.length === 0 || this.stopping) return total;
    }
  }

  private async runOne(work: ClaimedWork): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.run(work.community, (governance) => this.perform(work, governance));
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.onError(work, error);
      const backoff = Math.min(this.intervalMs * 2 ** (work.attempts - 1), this.maxBackoffMs);
      await this.table.fail(work, this.owner, error, this.clock.now().getTime() + backoff);
      return;
    }
    if (outcome === 'done') await this.table.complete(work, this.owner, this.clock.now().getTime());
    else if (outcome === 'no longer due') await this.table.forget(work, this.owner);
  }

  private async perform(work: ClaimedWork, governance: Governance): Promise<Outcome> {
    if (work.key === CHECK_KEY) {
      await recordDueWork(this.table, work.community, governance, this.clock);
      return 'checked';
    }
    const answer = await governance.execute(work.command, { actor: SCHEDULER_ACTOR, requestKey: work.key });
    if (answer.ok) return 'done';
    // Refused: fine if someone else did it (an organizer closed the motion early); otherwise an error.
    await governance.refresh();
    const due = governance.read((state) => dueWork(state, this.clock.now()));
    if (!due.items.some((item) => item.key === work.key)) return 'no longer due';
    throw new Error(`${answer.error.code}: ${answer.error.message.en}`);
  }
}
