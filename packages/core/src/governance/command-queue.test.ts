import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommandQueue } from './command-queue.js';

/** A gather step the test fires by hand, so "one event-loop turn" is explicit. */
function manualTurn() {
  const waiting: (() => void)[] = [];
  return {
    gather: (fn: () => void) => void waiting.push(fn),
    fire: () => {
      for (const fn of waiting.splice(0)) fn();
    },
  };
}

describe('createCommandQueue', () => {
  it('gathers what arrives before the turn ends into batches of at most groupSize, in order', async () => {
    const turn = manualTurn();
    const batches: number[][] = [];
    const queue = createCommandQueue<number, string>({
      groupSize: 3,
      runOne: async (n) => `one ${n}`,
      runGroup: async (items) => {
        batches.push([...items]);
        return items.map((n) => `group ${n}`);
      },
      gather: turn.gather,
      missing: 'missing',
    });
    const answers = Promise.all([1, 2, 3, 4, 5].map((n) => queue.enqueue(n)));
    expect(batches).toEqual([]); // nothing runs before the turn ends
    turn.fire();
    expect(await answers).toEqual(['group 1', 'group 2', 'group 3', 'group 4', 'group 5']);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('runs a lone item, and every item when there is no group runner, one by one', async () => {
    const ran: number[] = [];
    const queue = createCommandQueue<number, number>({
      groupSize: 8,
      runOne: async (n) => {
        ran.push(n);
        return n * 10;
      },
      missing: -1,
    });
    expect(await Promise.all([queue.enqueue(1), queue.enqueue(2)])).toEqual([10, 20]);
    expect(await queue.enqueue(3)).toBe(30);
    expect(ran).toEqual([1, 2, 3]);
  });

  it('answers an item its group runner left out with the missing answer', async () => {
    const queue = createCommandQueue<number, string>({
      groupSize: 4,
      runOne: async () => 'one',
      runGroup: async () => ['first'],
      missing: 'missing',
    });
    expect(await Promise.all([queue.enqueue(1), queue.enqueue(2)])).toEqual(['first', 'missing']);
  });

  it('as a property: batches never overlap, each is preceded by beforeBatch, and every item is answered once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
        async (groupSize, waves) => {
          const log: string[] = [];
          let running = 0;
          const enter = async (label: string) => {
            running += 1;
            if (running > 1) throw new Error('batches overlapped');
            log.push(label);
            await new Promise((resolve) => setTimeout(resolve, 0));
            running -= 1;
          };
          const queue = createCommandQueue<number, number>({
            groupSize,
            runOne: async (n) => {
              await enter(`one ${n}`);
              return n;
            },
            runGroup: async (items) => {
              await enter(`group ${items.join(',')}`);
              return [...items];
            },
            beforeBatch: async () => void log.push('before'),
            missing: -1,
          });
          const all: Promise<number>[] = [];
          let next = 0;
          for (const size of waves) {
            for (let i = 0; i < size; i++) all.push(queue.enqueue(next++));
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          expect(await Promise.all(all)).toEqual(Array.from({ length: next }, (_, i) => i));
          expect(log.filter((entry) => entry === 'before')).toHaveLength(log.length / 2);
          for (const [i, entry] of log.entries()) {
            if (entry.startsWith('group')) expect(entry.split(',').length).toBeLessThanOrEqual(groupSize);
            if (entry !== 'before') expect(log[i - 1]).toBe('before');
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
