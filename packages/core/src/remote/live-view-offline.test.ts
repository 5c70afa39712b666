import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGovernance } from '../governance/governance.js';
import { publishView } from '../governance/published-view.js';
import { MemoryStore } from '../log/memory-store.js';
import type { LocalDate } from '../time/local-date.js';
import type { Outbox } from './command-outbox.js';
import { sleep } from './command-sender.js';
import { connectLiveView } from './live-view.js';

/** What the line does to one command request. */
type Fate = 'deliver' | 'drop' | 'lose-answer' | 'unavailable';

/**
 * A server stand-in that keeps idempotency keys as `linli-server` does (per signer, in the store):
 * a command request meets the next fate of `fates` (then `deliver`): dropped before the server,
 * decided but its answer lost on the way back, a 503, or answered.
 */
async function lineToServer(fates: readonly Fate[] = []) {
  const store = new MemoryStore();
  const gov = await createGovernance({ store });
  await gov.execute({ type: 'community.found', name: '新福康里', id: 'xfkl' });
  let requests = 0;
  let streams = 0;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/view'))
      return Response.json(
        publishView(gov, { asOf: '2026-11-29' as LocalDate, rosterUntil: '2026-12-31' as LocalDate }),
      );
    if (url.includes('/stream')) {
      streams += 1;
      return new Response(new ReadableStream({ start() {} }));
    }
    const fate = fates[requests] ?? 'deliver';
    requests += 1;
    await sleep(requests % 3); // answers overtake one another
    if (fate === 'drop') throw new TypeError('Failed to fetch');
    if (fate === 'unavailable')
      return Response.json({ error: { code: 'store.unavailable' } }, { status: 503 });
    const headers = new Headers(init?.headers);
    const { command } = JSON.parse(String(init?.body)) as { command: unknown };
    const signer = headers.get('authorization') ?? 'anyone';
    const key = headers.get('idempotency-key');
    const result = await gov.execute(command, key ? { requestKey: `${signer}\n${key}` } : {});
    if (fate === 'lose-answer') throw new TypeError('Failed to fetch');
    return result.ok
      ? Response.json({ events: result.value })
      : Response.json({ error: result.error }, { status: 400 });
  }) as typeof globalThis.fetch;
  // By name: a building added twice under fresh ids is two buildings (an id alone would refuse the second).
  const added = async (name: string) =>
    (await store.read()).filter(
      (e) => e.type === 'building.added' && (e.payload as { name?: string }).name === name,
    ).length;
  return { fetch, added, log: () => store.read(), requests: () => requests, streams: () => streams };
}

function memoryStorage(): Outbox & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const BASE = 'https://linli.example/c/xfkl';
/** Where the tests fire the browser's `online` event. */
const network = new EventTarget();

describe('a live view offline', () => {
  it('answers "saved" at once while the browser is offline, shows it as pending, and sends it once when the `online` event comes', async () => {
    const server = await lineToServer();
    let online = false;
    const outbox = memoryStorage();
    const live = connectLiveView(BASE, {
      fetch: server.fetch,
      outbox,
      token: 'household-102',
      online: () => online,
      onlineEvents: network,
      retryDelay: 5_000, // no background resend within this test: only the event sends it
    });
    await live.ready;
    const started = Date.now();
    const answer = await live.execute({ type: 'building.add', name: '96号楼', id: 'b96' });
    expect(answer.ok || answer.error.code).toBe('http.queued');
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.requests()).toBe(0);
    expect(live.pending.value.map((e) => e.command)).toEqual([
      { type: 'building.add', name: '96号楼', id: 'b96' },
    ]);
    online = true;
    network.dispatchEvent(new Event('online'));
    await expect.poll(() => live.pending.value).toEqual([]);
    expect(await server.added('96号楼')).toBe(1);
    expect(server.requests()).toBe(1);
    // The view was read again: the building is shown.
    await expect.poll(() => live.head.value.seq).toBe(2);
    live.close();
  });

  it('sends what was queued in the order it was made, a command made meanwhile behind it', async () => {
    const server = await lineToServer();
    let online = false;
    const live = connectLiveView(BASE, {
      fetch: server.fetch,
      outbox: memoryStorage(),
      token: 't-102',
      online: () => online,
      onlineEvents: network,
      retryDelay: 5_000,
    });
    await live.ready;
    await live.execute({ type: 'building.add', name: 'first' });
    online = true;
    // Made while the first still waits: queued behind it at once, not sent ahead of it.
    const second = await live.execute({ type: 'building.add', name: 'second' });
    expect(second.ok || second.error.code).toBe('http.queued');
    await expect.poll(() => live.pending.value).toEqual([]);
    const names = (await server.log())
      .filter((e) => e.type === 'building.added')
      .map((e) => (e.payload as { name: string }).name);
    expect(names).toEqual(['first', 'second']);
    live.close();
  });

  it('keeps each household session its own queue on a shared phone', async () => {
    const server = await lineToServer();
    let online = false;
    const outbox = memoryStorage();
    const live = connectLiveView(BASE, {
      fetch: server.fetch,
      outbox,
      token: 't-102',
      online: () => online,
      onlineEvents: network,
    });
    await live.ready;
    await live.execute({ type: 'building.add', name: '96号楼', id: 'b96' });
    live.token = 't-602';
    expect(live.pending.value).toEqual([]);
    online = true;
    network.dispatchEvent(new Event('online'));
    await sleep(20);
    expect(await server.added('96号楼')).toBe(0); // not sent under 602's session
    live.token = 't-102';
    await expect.poll(() => live.pending.value).toEqual([]);
    expect(await server.added('96号楼')).toBe(1);
    live.close();
  });

  it('lists a queued command the server refused when it was finally sent', async () => {
    const server = await lineToServer(['drop']);
    const live = connectLiveView(BASE, { fetch: server.fetch, attempts: 1, retryDelay: 1 });
    await live.ready;
    const answer = await live.execute({ type: 'building.add', name: '' });
    expect(answer.ok || answer.error.code).toBe('http.queued');
    await expect.poll(() => live.refused.value.length).toBe(1);
    expect(live.refused.value[0]?.error.code).toMatch(/^validation\./);
    expect(live.pending.value).toEqual([]);
    live.close();
  });

  it('says since when the view is stale: never while the stream is connected, the time of the drop after it', async () => {
    let clock = 1_000_000;
    let streamOpen = true;
    const server = await lineToServer();
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/stream')) {
        if (!streamOpen) throw new TypeError('Failed to fetch');
        return new Response(
          new ReadableStream({
            start(controller) {
              const close = setInterval(() => {
                if (!streamOpen) {
                  clearInterval(close);
                  controller.error(new TypeError('network'));
                }
              }, 1);
            },
          }),
        );
      }
      if (String(input).endsWith('/view') && !streamOpen) throw new TypeError('Failed to fetch');
      return server.fetch(input, init);
    }) as typeof globalThis.fetch;
    const live = connectLiveView(BASE, { fetch, now: () => clock, retryDelay: 1 });
    await live.ready;
    await expect.poll(() => live.connected.value).toBe(true);
    expect(live.staleSince.value).toBeUndefined();
    clock = 2_000_000;
    streamOpen = false;
    await expect.poll(() => live.staleSince.value).toBe(2_000_000);
    clock = 2_180_000; // three minutes on, still down: still stale since the drop
    await sleep(20);
    expect(live.staleSince.value).toBe(2_000_000);
    streamOpen = true;
    await expect.poll(() => live.staleSince.value, { timeout: 10_000 }).toBeUndefined();
    live.close();
  });

  it('records each queued command exactly once whatever the line does, across retries, reloads and `online` events', async () => {
    const fate = fc.constantFrom<Fate>('deliver', 'drop', 'lose-answer', 'unavailable');
    const step = fc.oneof(
      fc.record({ kind: fc.constant('cast' as const) }),
      fc.record({ kind: fc.constant('online' as const) }),
      fc.record({ kind: fc.constant('reload' as const) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fate, { maxLength: 30 }),
        fc.array(step, { maxLength: 12 }),
        async (fates, steps) => {
          const server = await lineToServer(fates);
          const outbox = memoryStorage();
          const open = () =>
            connectLiveView(BASE, {
              fetch: server.fetch,
              outbox,
              token: 't-102',
              attempts: 2,
              retryDelay: 1,
              onlineEvents: network,
            });
          let live = open();
          await live.ready;
          const ids: string[] = [];
          const running: Promise<unknown>[] = [];
          for (const s of steps) {
            if (s.kind === 'cast') {
              const id = `b${ids.length}`;
              ids.push(id);
              running.push(live.execute({ type: 'building.add', name: id }));
            } else if (s.kind === 'online') network.dispatchEvent(new Event('online'));
            else if (s.kind === 'wait') await sleep(s.ms);
            else {
              // A reload: the page goes away mid-flight, the next one starts from the outbox.
              live.close();
              live = open();
              await live.ready;
            }
          }
          await Promise.all(running);
          // The line is good from here on (the fates are used up): the queue drains by itself.
          await expect.poll(() => live.pending.value, { timeout: 10_000 }).toEqual([]);
          live.close();
          for (const id of ids) expect(await server.added(id)).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
