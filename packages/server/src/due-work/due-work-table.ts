import type { DueWork } from '@linli/core';

/**
 * The key of a community's own row that says when to look at it again (the next due instant of
 * `dueWork`): claiming it opens the community and writes its due items, so work falls due even in a
 * community no process holds in memory.
 */
export const CHECK_KEY = 'due.check';

/** A row a scheduler claimed: its lease is the claimer's until it completes, fails, or expires. */
export interface ClaimedWork {
  readonly community: string;
  readonly key: string;
  /** When it fell due (or is retried), ms since the epoch. */
  readonly dueAt: number;
  /** How many times it has been claimed, this time included. */
  readonly attempts: number;
  /** The command to run (as `dueWork` gave it); `null` for the {@link CHECK_KEY} row. */
  readonly command: unknown;
}

/** The part of a row a claim returns. */
export function claimedOf(row: DueWorkRow): ClaimedWork {
  const { community, key, dueAt, attempts, command } = row;
  return { community, key, dueAt, attempts, command };
}

/** A due row as kept, for tests and operators. */
export interface DueWorkRow extends ClaimedWork {
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
  readonly doneAt: number | null;
  readonly lastError: string | null;
}

/**
 * The due-work table shared by every serving process: `(community, key)` rows with when they fall
 * due, who holds a lease on them until when, when they were done, how often tried, and the last error.
 * Every method that ends a claim names its owner, so a process whose lease expired and was taken over
 * changes nothing when it finally answers.
 */
export interface DueWorkTable {
  /**
   * Records a community's due work: new items are added (an item already known keeps its state: a
   * done item stays done, a failing one keeps its retry time), and the community's {@link CHECK_KEY}
   * row is set to `work.next` (removed when nothing will fall due).
   */
  record(community: string, work: DueWork): Promise<void>;
  /** Leases up to `limit` rows due at `now` that nobody holds (or whose lease expired), oldest first. */
  claim(owner: string, now: number, leaseMs: number, limit: number): Promise<ClaimedWork[]>;
  /** Marks a claimed row done. */
  complete(work: ClaimedWork, owner: string, now: number): Promise<void>;
  /** Gives a claimed row back, due again at `retryAt`, with the error that stopped it. */
  fail(work: ClaimedWork, owner: string, error: string, retryAt: number): Promise<void>;
  /** Removes a claimed row that is no longer due (e.g. a motion an organizer closed early). */
  forget(work: ClaimedWork, owner: string): Promise<void>;
  /** Every row of a community, by key (for tests and inspection). */
  rows(community: string): Promise<DueWorkRow[]>;
  close(): Promise<void>;
}

/** The columns of one row, as both databases name them. */
export interface DueWorkColumns {
  community: string;
  key: string;
  due_at: number | string;
  lease_owner: string | null;
  lease_until: number | string | null;
  done_at: number | string | null;
  attempts: number;
  last_error: string | null;
  command: string | null;
}

const orNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** A stored row as a {@link DueWorkRow} (PostgreSQL returns a bigint as a string). */
export function rowOf(row: DueWorkColumns): DueWorkRow {
  return {
    community: row.community,
    key: row.key,
    dueAt: Number(row.due_at),
    attempts: Number(row.attempts),
    command: row.command === null ? null : (JSON.parse(row.command) as unknown),
    leaseOwner: row.lease_owner,
    leaseUntil: orNull(row.lease_until),
    doneAt: orNull(row.done_at),
    lastError: row.last_error,
  };
}

/** The rows {@link DueWorkTable.record} writes for `work`: its items (key, due, command JSON), then the check row if any. */
export function recordedRows(work: DueWork): {
  items: [string, number, string][];
  check: number | undefined;
} {
  return {
    items: work.items.map((item) => [item.key, Date.parse(item.dueAt), JSON.stringify(item.command)]),
    check: work.next === undefined ? undefined : Date.parse(work.next),
  };
}
