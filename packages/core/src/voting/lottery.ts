import { CanonicalWriter } from '../log/canonical-bytes.js';
import { sha256Hex } from '../log/event.js';

const writer = new CanonicalWriter();

/**
 * A tie-break priority over options drawn from a public seed: option i's place is the rank of
 * SHA-256(canonical JSON of [seed, option id]). The seed is the log head when the motion closes, so
 * nobody could know it while voting, and anyone with the log can redraw the same order.
 */
export function lotteryPriority(seed: string, optionIds: readonly string[]): Int32Array {
  const draws = optionIds.map((id, index) => ({
    index,
    draw: sha256Hex(writer.reset().value([seed, id]).bytes()),
  }));
  draws.sort((a, b) => (a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : a.index - b.index));
  const priority = new Int32Array(optionIds.length);
  draws.forEach((d, place) => {
    priority[d.index] = place;
  });
  return priority;
}
