/**
 * Where "now" comes from. Domain logic never calls `Date.now()`; it asks the clock it was given, so
 * tests can pin time exactly and replays are reproducible.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `instant` (ISO 8601 or a Date); `advance` moves it forward by milliseconds. */
export function fixedClock(
  instant: string | Date,
): Clock & { advance(ms: number): void; set(instant: string | Date): void } {
  let current = new Date(instant).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(next: string | Date) {
      current = new Date(next).getTime();
    },
  };
}
