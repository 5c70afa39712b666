import { describe, expect, it } from 'vitest';
import { LeastServedQueue } from './least-served-queue.js';

function queueOf(counts: number[], lasts: number[], active = true) {
  const count = Float64Array.from(counts);
  const last = Float64Array.from(lasts);
  const eligible = new Uint8Array(counts.length).fill(1);
  const queue = new LeastServedQueue(counts.length, count, last, eligible, active);
  for (let i = 0; i < counts.length; i++) queue.enqueue(i);
  return { queue, count, last, eligible };
}

describe('LeastServedQueue', () => {
  it('gives turns to the fewest served, then the longest waiting, then roster order', () => {
    const { queue } = queueOf([2, 1, 1, 1], [0, 5, 3, 3]);
    const chosen: number[] = [];
    queue.take(3, chosen);
    expect(chosen).toEqual([2, 3, 1]);
  });

  it('skips entries gone stale: a member queued again or no longer eligible', () => {
    const { queue, count, eligible } = queueOf([0, 0, 0], [-1, -1, -1]);
    count[0] = 5;
    queue.enqueue(0); // its first entry (0 turns) is stale now
    eligible[1] = 0;
    queue.drop(1);
    const chosen: number[] = [];
    queue.take(3, chosen);
    expect(chosen).toEqual([2, 0]);
  });

  it('holds nothing when another policy is in force', () => {
    const { queue } = queueOf([0, 0], [-1, -1], false);
    const chosen: number[] = [];
    queue.take(2, chosen);
    expect(chosen).toEqual([]);
  });
});
