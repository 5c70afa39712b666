import type { LoggedEvent } from '@linli/core';
import { type BackoffSettings, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

/** What an {@link OrderedDelivery} needs from its log and its subscribers. */
export interface DeliverySource {
  /** The log's events after `afterSeq`, in seq order (may throw while the database is away). */
  read(afterSeq: number): Promise<readonly LoggedEvent[]>;
  /** Hands new events to the subscribers; called with consecutive, never repeated seqs. */
  deliver(events: readonly LoggedEvent[]): void;
  /** A read failed; it is retried after a backoff. */
  failed(error: unknown): void;
}

/**
 * Delivers one log's new events to its subscribers exactly once and in seq order, however
 * notifications, catch-ups and read failures interleave. Notifications only say "the log reached
 * seq n"; the events themselves are always read after the last delivered seq, one read at a time,
 * and only a consecutive run starting right after it is delivered. A failed read is retried with
 * backoff until it succeeds or the delivery ends, so an announced event is never dropped.
 */
export class OrderedDelivery {
  /** The last delivered seq; undefined until {@link OrderedDelivery.begin}. */
  private delivered: number | undefined;
  /** The highest seq announced so far. */
  private announced = 0;
  /** A catch-up was asked for: read once even if no notification announced anything. */
  private pending = false;
  private reading = false;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    private readonly source: DeliverySource,
    private readonly backoff: BackoffSettings = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  /** The last delivered seq (undefined before {@link OrderedDelivery.begin}). */
  get lastDelivered(): number | undefined {
    return this.delivered;
  }

  /** Starts delivering after `seq` (the head when listening began); what was announced meanwhile is read. */
  begin(seq: number): void {
    if (this.delivered !== undefined || this.ended) return;
    this.delivered = seq;
    void this.pump();
  }

  /** A notification: the log reached `seq`. */
  announce(seq: number): void {
    if (seq > this.announced) this.announced = seq;
    void this.pump();
  }

  /**
   * Committed events the store learnt without reading them: its own append, and what it caught up
   * on under the log's lock. Delivered at once when they continue the delivered run, so the
   * notification of them reads nothing again; otherwise left to the reads, which deliver them in turn.
   */
  offer(events: readonly LoggedEvent[]): void {
    const after = this.delivered;
    if (after === undefined || this.ended) return;
    const fresh = consecutiveAfter(
      after,
      events.filter((e) => e.seq > after),
    );
    const last = fresh.at(-1);
    if (!last) return;
    this.delivered = last.seq;
    this.source.deliver(fresh);
  }

  /** Reads whatever was appended since the last delivery (after a lost notification connection). */
  catchUp(): void {
    this.pending = true;
    void this.pump();
  }

  /** Stops: nothing is delivered after this, and a scheduled retry is dropped. */
  end(): void {
    this.ended = true;
    clearTimeout(this.retry);
  }

  private due(after: number): boolean {
    return !this.ended && (this.pending || this.announced > after);
  }

  private async pump(): Promise<void> {
    if (this.reading || this.delivered === undefined) return;
    this.reading = true;
    try {
      while (this.delivered !== undefined && this.due(this.delivered)) {
        this.pending = false;
        const announcedBefore = this.announced;
        const read = await this.source.read(this.delivered);
        // An offer may have delivered part of what this read found while it ran.
        const after: number = this.delivered;
        const events = consecutiveAfter(
          after,
          read.filter((e) => e.seq > after),
        );
        this.failures = 0;
        const last = events.at(-1);
        if (this.ended) break;
        if (!last) {
          // Nothing new. A notification never announces more than a read started after it sees
          // (NOTIFY is sent at commit), so only one that arrived during this read needs another.
          if (this.announced > announcedBefore) continue;
          break;
        }
        this.delivered = last.seq;
        this.source.deliver(events);
      }
    } catch (e) {
      if (!this.ended) this.scheduleRetry(e);
    } finally {
      this.reading = false;
    }
  }

  private scheduleRetry(error: unknown): void {
    this.source.failed(error);
    this.pending = true;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.pump(), backoffDelay(this.failures++, this.backoff, this.random));
    this.retry.unref();
  }
}

/** The run of events with seqs `after + 1, after + 2, …` at the start of `events`. */
function consecutiveAfter(after: number, events: readonly LoggedEvent[]): readonly LoggedEvent[] {
  let n = 0;
  while (events[n]?.seq === after + n + 1) n++;
  return n === events.length ? events : events.slice(0, n);
}
