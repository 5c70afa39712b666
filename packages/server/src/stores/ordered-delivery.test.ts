import type { LoggedEvent } from '@linli/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedDelivery } from './ordered-delivery.js';

const event = (seq: number): LoggedEvent => ({
  seq,
  at: '2026-01-01T00:00:00.000Z',
  actor: 'a',
  type: 't',
  payload: {},
  prevHash: '',
  hash: String(seq),
});

/** A log that grows, read by reads that the scheduler resolves (or fails) in any order. */
function harness(s: fc.Scheduler, failing: ReadonlySet<number>) {
  let length = 0;
  let reads = 0;
  const delivered: number[][] = [];
  const delivery = new OrderedDelivery(
    {
      read: (afterSeq) => {
        const n = reads++;
        // What the log holds when the read runs, not when it was asked for.
        return s.schedule(Promise.resolve(), `read ${n} after ${afterSeq}`).then(() => {
          if (failing.has(n)) throw new Error('connection terminated');
          return Array.from({ length: Math.max(0, length - afterSeq) }, (_, i) => event(afterSeq + i + 1));
        });
      },
      deliver: (events) => delivered.push(events.map((e) => e.seq)),
      failed: () => {},
    },
    { baseMs: 1, capMs: 2 },
  );
  return {
    delivery,
    delivered,
    /** How many events the log holds now. */
    length: () => length,
    append: () => {
      length += 1;
      return length;
    },
  };
}

describe('OrderedDelivery', () => {
  it('delivers every appended seq exactly once, in order, whatever the interleaving and failed reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.nat(3),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'append',
              'append+announce',
              'append+offer',
              'offer old',
              'catch-up',
              'old announce',
            ),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        fc.uniqueArray(fc.nat(40), { maxLength: 5 }),
        async (s, head, steps, failing) => {
          const h = harness(s, new Set(failing));
          for (let i = 0; i < head; i++) h.append();
          h.delivery.begin(head);
          for (const [step, settle] of steps) {
            if (step === 'append') h.append();
            else if (step === 'append+announce') h.delivery.announce(h.append());
            else if (step === 'append+offer') {
              // The store's own append (and what it caught up on under the lock), known without a read.
              const seq = h.append();
              h.delivery.offer([event(seq - 1), event(seq)].filter((e) => e.seq > 0));
              h.delivery.announce(seq);
            } else if (step === 'offer old') h.delivery.offer([event(Math.max(1, h.length() - 2))]);
            else if (step === 'old announce') h.delivery.announce(Math.min(1, h.length()));
            else h.delivery.catchUp();
            if (settle && s.count() > 0) await s.waitOne();
          }
          const last = h.append();
          h.delivery.announce(last);
          // Runs the reads still scheduled (and retries as their timers fire) until the last seq arrives.
          for (let spins = 0; h.delivered.flat().at(-1) !== last && spins < 2_000; spins++) {
            if (s.count() > 0) await s.waitOne();
            else await new Promise((resolve) => setTimeout(resolve, 1));
          }
          h.delivery.end();
          const all = h.delivered.flat();
          expect(all).toEqual(Array.from({ length: last - head }, (_, i) => head + i + 1));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('delivers offered events at once, and a notification of them reads nothing again', async () => {
    const delivered: number[] = [];
    const log = [1, 2, 3].map(event);
    let reads = 0;
    const delivery = new OrderedDelivery({
      read: async (afterSeq) => {
        reads += 1;
        return log.filter((e) => e.seq > afterSeq);
      },
      deliver: (events) => delivered.push(...events.map((e) => e.seq)),
      failed: () => {},
    });
    delivery.begin(1);
    delivery.announce(3);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(delivered).toEqual([2, 3]);
    log.push(event(4), event(5));
    delivery.offer([event(3), event(4), event(5)]);
    expect(delivered).toEqual([2, 3, 4, 5]);
    const before = reads;
    delivery.announce(5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toBe(before);
    // An offer that does not continue the delivered run waits for a read instead.
    delivery.offer([event(7)]);
    expect(delivered).toEqual([2, 3, 4, 5]);
  });

  it('holds announcements made before it began and delivers only after the head it began at', async () => {
    const delivered: number[] = [];
    const log = [1, 2, 3, 4].map(event);
    const delivery = new OrderedDelivery({
      read: async (afterSeq) => log.filter((e) => e.seq > afterSeq),
      deliver: (events) => delivered.push(...events.map((e) => e.seq)),
      failed: () => {},
    });
    delivery.announce(4);
    expect(delivered).toEqual([]);
    delivery.begin(2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(delivered).toEqual([3, 4]);
  });

  it('delivers nothing after it ended, even from a read already running', async () => {
    const delivered: number[] = [];
    let finish: (events: readonly LoggedEvent[]) => void = () => {};
    const delivery = new OrderedDelivery({
      read: () => new Promise((resolve) => (finish = resolve)),
      deliver: (events) => delivered.push(...events.map((e) => e.seq)),
      failed: () => {},
    });
    delivery.begin(0);
    delivery.announce(1);
    delivery.end();
    finish([event(1)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(delivered).toEqual([]);
  });
});
