import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from './event.js';
import { MemoryStore } from './memory-store.js';

const draft = (type: string) => ({ at: '2026-11-29T00:00:00.000Z', actor: 'a', type, payload: {} });

describe('MemoryStore', () => {
  it('seals, reads after a seq, and notifies subscribers once per append', async () => {
    const store = new MemoryStore();
    const heard: number[][] = [];
    const stop = store.subscribe((events) => heard.push(events.map((e) => e.seq)));
    await store.append([draft('a'), draft('b')], { expectedSeq: 0 });
    await store.append([draft('c')], { expectedSeq: 2 });
    stop();
    await store.append([draft('d')], { expectedSeq: 3 });
    expect(heard).toEqual([[1, 2], [3]]);
    expect((await store.read({ afterSeq: 2 })).map((e) => e.type)).toEqual(['c', 'd']);
    const [first, second] = await store.read();
    expect(second?.prevHash).toBe(first?.hash);
  });

  it('refuses a stale writer and keeps the log as it was', async () => {
    const store = new MemoryStore();
    await store.append([draft('a')], { expectedSeq: 0 });
    const stale = await store.append([draft('b')], { expectedSeq: 0 });
    expect(stale.ok || stale.error).toMatchObject({
      code: 'log.conflict',
      params: { expectedSeq: 0, actualSeq: 1 },
    });
    expect(await store.read()).toHaveLength(1);
  });

  it('hands out frozen events, so a reader cannot rewrite history', async () => {
    const store = new MemoryStore();
    await store.append([draft('a')], { expectedSeq: 0 });
    const [event] = (await store.read()) as LoggedEvent[];
    expect(Object.isFrozen(event)).toBe(true);
  });

  it('appends groups as one, each with its own request key, all or nothing', async () => {
    const store = new MemoryStore();
    const heard: number[][] = [];
    store.subscribe((events) => heard.push(events.map((e) => e.seq)));
    const groups = await store.appendGroups(
      [{ drafts: [draft('a'), draft('b')], requestKey: 'k1' }, { drafts: [] }, { drafts: [draft('c')] }],
      { expectedSeq: 0 },
    );
    expect(groups.ok && groups.value.map((g) => g.map((e) => e.seq))).toEqual([[1, 2], [], [3]]);
    expect(heard).toEqual([[1, 2, 3]]); // one notification for the whole group
    expect((await store.appendedFor('k1'))?.map((e) => e.type)).toEqual(['a', 'b']);
    // A key used before, or twice in one call, refuses the whole call.
    for (const keys of [['k1'], ['k2', 'k2']]) {
      const refused = await store.appendGroups(
        keys.map((requestKey) => ({ drafts: [draft('d')], requestKey })),
        { expectedSeq: 3 },
      );
      expect(refused.ok || refused.error.code).toBe('log.conflict');
    }
    expect(await store.read()).toHaveLength(3);
    expect(await store.appendedFor('k2')).toBeUndefined();
    const one = await store.append([draft('d')], { expectedSeq: 3, requestKey: 'k2' });
    expect(await store.appendedFor('k2')).toEqual(one.ok && one.value);
  });

  it('takes a batch of 200,000 drafts in one append, and records its request key only with it', async () => {
    const store = new MemoryStore();
    const drafts = Array.from({ length: 200_000 }, () => draft('x'));
    const appended = await store.append(drafts, { expectedSeq: 0, requestKey: 'big' });
    expect(appended.ok && appended.value.length).toBe(200_000);
    expect(await store.read()).toHaveLength(200_000);
    expect((await store.appendedFor('big'))?.length).toBe(200_000);
  });

  it('records no request key when the append fails', async () => {
    const store = new MemoryStore();
    // No JSON form: sealing throws, and neither the events nor the key may stay behind.
    const bad = { ...draft('x'), payload: { n: Number.NaN } };
    await expect(store.append([draft('a'), bad], { expectedSeq: 0, requestKey: 'k' })).rejects.toThrow();
    expect(await store.read()).toEqual([]);
    expect(await store.appendedFor('k')).toBeUndefined();
  });
});
