import type { DraftEvent } from '@linli/core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { PostgresStore } from './postgres-store.js';

let cluster: { url: string; stop: () => void };

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(() => cluster?.stop());

const draft = (n: number): DraftEvent => ({
  at: '2026-11-30T08:00:00.000Z',
  actor: 'household:u101',
  type: 'test.noted',
  payload: { n },
});

it('delivers other processes’ appends exactly once and in seq order, however fast they come', async () => {
  const url = await createDatabase(cluster.url, 'exactly_once');
  const heard = await PostgresStore.open(url, 'xfkl');
  // Four other processes, each with its own pool and LISTEN, appending as fast as they can.
  const writers = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(url, 'xfkl')));
  try {
    const batches: number[][] = [];
    heard.subscribe((events) => batches.push(events.map((e) => e.seq)));
    // Until the subscription is in place (its head read), appends would not be announced to it.
    await (heard as unknown as { listening: Promise<void> }).listening;
    const total = 200;
    let next = 0;
    await Promise.all(
      writers.map(async (writer) => {
        while (next < total) {
          const head = (await writer.read({ afterSeq: Math.max(0, next - 1) })).at(-1)?.seq ?? next;
          if (head >= total) return;
          const appended = await writer.append([draft(head)], { expectedSeq: head });
          if (appended.ok) next = Math.max(next, head + 1);
        }
      }),
    );
    // And a notification repeated late, as after a reconnect: it must not deliver anything twice.
    const repeat = await writers[0]?.read({ afterSeq: 0 });
    expect(repeat?.length).toBe(total);
    await vi.waitFor(() => expect(batches.flat().at(-1)).toBe(total), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200)); // any late, repeated batch would land now
    expect(batches.flat()).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  } finally {
    await heard.close();
    await Promise.all(writers.map((w) => w.close()));
  }
});
