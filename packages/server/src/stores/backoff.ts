/** How a lost database connection is retried: exponential backoff, capped, with jitter. */
export interface BackoffSettings {
  /** The first retry's delay before jitter (ms). */
  readonly baseMs: number;
  /** No delay exceeds this (ms). */
  readonly capMs: number;
}

/** 100 ms doubling to at most 5 s: a restart of a few seconds is bridged within one cap. */
export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 100, capMs: 5_000 };

/**
 * The delay before retry `attempt` (0 for the first): `min(cap, base·2^attempt)` scaled by a factor in
 * [0.5, 1) drawn from `random` ("equal jitter"), so that several processes that lost the database at
 * the same moment do not all knock again at the same moment, and none waits longer than the cap.
 */
export function backoffDelay(attempt: number, settings: BackoffSettings, random: () => number): number {
  const exponential = settings.baseMs * 2 ** Math.min(attempt, 30);
  const ceiling = Math.min(settings.capMs, exponential);
  return Math.floor(ceiling * (0.5 + random() / 2));
}
