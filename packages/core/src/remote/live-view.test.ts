import { describe, expect, it } from 'vitest';
import { linliError } from '../errors/linli-error.js';
import { createGovernance } from '../governance/governance.js';
import { publishView } from '../governance/published-view.js';
import { MemoryStore } from '../log/memory-store.js';
import type { LocalDate } from '../time/local-date.js';
import { connectLiveView, QUEUED_ERROR, UNREACHABLE_ERROR } from './live-view.js';

/**
 * A server stand-in that drops the first `drops` command requests on the floor (offline), then
 * answers the next `conflicts` with 409 `log.conflict`, as when another process appended first.
 */
async function flakyServer(drops: number, conflicts = 0) {
  const gov = await createGovernance({ store: new MemoryStore() });
  await gov.execute({ type: 'community.found', name: '新福康里', id: 'xfkl' });
  const keys: string[] = [];
  let appended = 0;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/view'))
      return Response.json(
        publishView(gov, { asOf: '2026-11-29' as LocalDate, rosterUntil: '2026-12-31' as LocalDate }),
      );
    if (url.includes('/stream')) return new Response(new ReadableStream({ start() {} }));
    const headers = new Headers(init?.headers);
    keys.push(headers.get('idempotency-key') ?? '');
    if (keys.length <= drops) throw new TypeError('Failed to fetch');
    if (keys.length <= drops + conflicts)
      return Response.json(
        { error: linliError('log.conflict', [], { expectedSeq: 1, actualSeq: 2 }) },
        { status: 409 },
      );
    const { command } = JSON.parse(String(init?.body)) as { command: unknown };
    const result = await gov.execute(command);
    appended += result.ok ? result.value.length : 0;
    return result.ok
      ? Response.json({ events: result.value })
      : Response.json({ error: result.error }, { status: 400 });
  }) as typeof globalThis.fetch;
  return { fetch, keys, appended: () => appended };
}

describe('connectLiveView', () => {
  it('keeps a command through an outage, retrying with one idempotency key', async () => {
    const server = await flakyServer(2);
    const live = connectLiveView('https://linli.example/c/xfkl', { fetch: server.fetch, retryDelay: 1 });
    await live.ready;
    const result = await live.execute({ type: 'building.add', name: '96号楼', id: 'b96' });
    expect(result.ok).toBe(true);
    expect(server.keys).toHaveLength(3);
    expect(new Set(server.keys).size).toBe(1);
    expect(server.appended()).toBe(1);
    expect(live.head.value.seq).toBe(2);
    live.close();
  });

  it('answers a typed, bilingual "saved, sent when back online" when the server stays away, and passes refusals through', async () => {
    const server = await flakyServer(100);
    const live = connectLiveView('https://linli.example/c/xfkl', {
      fetch: server.fetch,
      retryDelay: 1,
      attempts: 3,
    });
    await live.ready;
    const result = await live.execute({ type: 'building.add', name: '96号楼' });
    expect(result.ok || result.error).toEqual(QUEUED_ERROR);
    expect(server.keys).toHaveLength(3);
    expect(live.pending.value).toHaveLength(1);
    expect(QUEUED_ERROR).toEqual(linliError('http.queued'));
    expect(UNREACHABLE_ERROR).toEqual(linliError('http.unreachable'));

    const answering = await flakyServer(0);
    const other = connectLiveView('https://linli.example/c/xfkl', { fetch: answering.fetch });
    await other.ready;
    const refused = await other.execute({ type: 'building.add' });
    expect(refused.ok || refused.error.code).toMatch(/^validation\./);
    expect(answering.appended()).toBe(0);
    live.close();
    other.close();
  });

  it('keeps an unanswered command in the outbox and sends it once after a reload', async () => {
    const server = await flakyServer(1);
    const saved = new Map<string, string>();
    const outbox = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
    };
    const offline = connectLiveView('https://linli.example/c/xfkl', {
      fetch: server.fetch,
      outbox,
      attempts: 1,
    });
    await offline.ready;
    const lost = await offline.execute({ type: 'building.add', name: '96号楼', id: 'b96' });
    expect(lost.ok || lost.error.code).toBe('http.queued');
    expect(JSON.parse(saved.get('linli-outbox:https://linli.example/c/xfkl') ?? '[]')).toHaveLength(1);
    offline.close();

    // The next page load finds the command and sends it under its original key.
    const reloaded = connectLiveView('https://linli.example/c/xfkl', { fetch: server.fetch, outbox });
    await reloaded.ready;
    await expect.poll(() => server.appended()).toBe(1);
    await expect.poll(() => saved.get('linli-outbox:https://linli.example/c/xfkl')).toBe('[]');
    expect(new Set(server.keys).size).toBe(1);
    reloaded.close();
  });

  it('sends a command that lost a race once more under its key, and answers a second conflict as it is', async () => {
    const once = await flakyServer(0, 1);
    const live = connectLiveView('https://linli.example/c/xfkl', { fetch: once.fetch, retryDelay: 1 });
    await live.ready;
    const result = await live.execute({ type: 'building.add', name: '96号楼', id: 'b96' });
    expect(result.ok).toBe(true);
    expect(once.keys).toHaveLength(2);
    expect(new Set(once.keys).size).toBe(1);
    expect(once.appended()).toBe(1);
    live.close();

    const always = await flakyServer(0, 100);
    const other = connectLiveView('https://linli.example/c/xfkl', { fetch: always.fetch, retryDelay: 1 });
    await other.ready;
    const refused = await other.execute({ type: 'building.add', name: '96号楼', id: 'b96' });
    expect(refused.ok || refused.error.code).toBe('log.conflict');
    expect(always.keys).toHaveLength(2);
    other.close();
  });
});
