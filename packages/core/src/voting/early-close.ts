import { sha256Hex } from '../log/event.js';
import type { MotionState } from './state.js';
import { type Tally, tallyMotion } from './tally.js';

/** How many other seeds a close tries before trusting that the draw does not decide the result. */
const PROBES = 4;

/**
 * Whether the tie lottery decides a closing motion's result: a tied win drawn by lot, an instant
 * runoff's tie for last place broken by lot, or — for the methods whose tie order is used deep inside
 * (STV, Schulze, Ranked Pairs) — winners that change when the same ballots are counted under other
 * seeds. Proposals never draw.
 */
export function drawDecides(closing: MotionState, tally: Tally, now: Date): boolean {
  const m = closing.motion;
  if (m.kind === 'proposal') return false;
  if (tally.lottery) return true;
  if (tally.irvRounds?.some((r) => r.tieBrokenBy === 'lottery')) return true;
  const winners = tally.winners.join('\u0000');
  for (let i = 0; i < PROBES; i++) {
    const seed = sha256Hex(new TextEncoder().encode(`${tally.seed}:probe:${i}`));
    if (tallyMotion(closing, { now, seed, reveal: true }).winners.join('\u0000') !== winners) return true;
  }
  return false;
}
