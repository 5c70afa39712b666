/**
 * A command that has fallen due without anyone sending it: a motion past its deadline still open,
 * a month of a recurring charge not yet billed. A scheduler runs `command` with `key` as its
 * idempotency key, so however many processes try, the log takes it once.
 */
export interface DueItem<C = unknown> {
  /** Stable for as long as the work is due, e.g. `motion.close:m1` or `charge.bill:c1:2026-11`. */
  readonly key: string;
  /** The instant it fell due, ISO 8601 in UTC. */
  readonly dueAt: string;
  /** The command to run, as the domain's schema takes it. */
  readonly command: C;
}

/** One domain's due work at an instant, and when its next item falls due (ms since the epoch). */
export interface DuePart<C> {
  readonly items: DueItem<C>[];
  readonly next: number | undefined;
}

/** The earlier of two optional instants. */
export function earlier(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
