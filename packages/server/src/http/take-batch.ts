import { windowStart } from './rate-limit.js';

/** One rate-limit take waiting for its turn's statement: the row key and when it was taken. */
export interface QueuedTake {
  /** The table's row key (limit and key, hashed). */
  readonly key: string;
  /** The injected clock's moment, ms; null counts on the database's clock. */
  readonly at: number | null;
}

/** One row of a batched statement: a key, its moment, and how many takes it counts. */
export interface TakeRow {
  readonly key: string;
  readonly at: number | null;
  count: number;
}

/** Where one take is counted: its statement (round), its row there, and how many of the row's takes came first. */
export interface TakeSlot {
  readonly round: number;
  readonly row: TakeRow;
  readonly before: number;
}

/** A turn's takes as statements to run one after the other, and each take's slot in them (in arrival order). */
export interface TakeBatch {
  /** The statements' rows, each statement's sorted by key (so concurrent batches lock rows in one order). */
  readonly rounds: readonly (readonly TakeRow[])[];
  readonly slots: readonly TakeSlot[];
}

/**
 * Groups takes that arrived in one turn: a key's takes become one row counting them all, so a
 * statement touches each row once (PostgreSQL's `ON CONFLICT DO UPDATE` refuses a row twice). Only
 * when one key's takes fall in different windows (injected clocks crossing a minute) does a later
 * window go to a later statement, so each take still counts exactly as if taken alone.
 */
export function batchTakes(takes: readonly QueuedTake[]): TakeBatch {
  const rounds: TakeRow[][] = [];
  const last = new Map<string, { round: number; row: TakeRow; window: number | null }>();
  const slots = takes.map(({ key, at }): TakeSlot => {
    const window = at === null ? null : windowStart(at);
    const seen = last.get(key);
    if (seen && seen.window === window) {
      seen.row.count += 1;
      return { round: seen.round, row: seen.row, before: seen.row.count - 1 };
    }
    const round = seen ? seen.round + 1 : 0;
    const row: TakeRow = { key, at, count: 1 };
    let statement = rounds[round];
    if (!statement) {
      statement = [];
      rounds[round] = statement;
    }
    statement.push(row);
    last.set(key, { round, row, window });
    return { round, row, before: 0 };
  });
  for (const statement of rounds) statement.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rounds, slots };
}

/**
 * The count one take reached: its row ended at `total` after its statement, and the row's takes
 * counted up to it in arrival order.
 */
export function countOfTake(slot: TakeSlot, total: number): number {
  return total - slot.row.count + 1 + slot.before;
}
