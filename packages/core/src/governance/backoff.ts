import { cryptoRandom, type RandomSource } from '../time/random.js';

/** The longest pause between two tries, in milliseconds. */
const MOST_MS = 32;

/**
 * How long to wait before the next try after `tries` lost races: nothing for the first two (a lost
 * race is normal under load and re-deciding at once is right), then a random pause below a ceiling
 * that doubles up to {@link MOST_MS} ms — jitter, so that writers that keep colliding drift apart.
 */
export function backoffDelay(tries: number, random: RandomSource = cryptoRandom): number {
  if (tries < 2) return 0;
  const ceiling = Math.min(MOST_MS, 2 ** (tries - 1));
  return (random(1)[0] ?? 0) % ceiling;
}

/** Waits {@link backoffDelay} milliseconds (not even a timer turn when it is 0). */
export async function jitteredBackoff(tries: number): Promise<void> {
  const ms = backoffDelay(tries);
  if (ms > 0) await new Promise<void>((resolve) => setTimeout(resolve, ms));
}
