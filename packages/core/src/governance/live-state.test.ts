import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../log/event.js';
import { sealEvents } from '../log/event.js';
import { MemoryStore } from '../log/memory-store.js';
import { createGovernance } from './governance.js';
import { createLiveState, loadState } from './live-state.js';
import { takeSnapshot } from './snapshot.js';
import { applyEvents } from './state.js';

// Whether a value was let go is seen after full collections; the test runner does not expose gc.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const at = '2026-11-29T02:00:00.000Z';
const found = {
  at,
  actor: 'tester',
  type: 'community.founded',
  payload: { communityId: 'xfkl', name: '新福康里' },
};
const building = (id: string) => ({
  at,
  actor: 'tester',
  type: 'building.added',
  payload: { buildingId: id, name: `${id}号楼` },
});

async function twoEventStore() {
  const store = new MemoryStore();
  const appended = await store.append([found, building('b96')], { expectedSeq: 0 });
  if (!appended.ok) throw new Error('fixture append failed');
  return store;
}

describe('loadState', () => {
  it('folds the whole log in, or only what follows a snapshot', async () => {
    const store = await twoEventStore();
    const full = await loadState({ store }, true);
    expect(full.head.seq).toBe(2);
    const snapshot = takeSnapshot(full);
    await store.append([building('b97')], { expectedSeq: 2 });
    const resumed = await loadState({ store, snapshot }, true);
    expect([...resumed.community.buildings.keys()]).toEqual(['b96', 'b97']);
  });

  it('rejects an edited log and a snapshot that is not a point of the log', async () => {
    const log = [...(await (await twoEventStore()).read())];
    const snapshot = takeSnapshot(await loadState({ store: new MemoryStore(log) }, true));
    const edited = [log[0], { ...(log[1] as (typeof log)[number]), actor: 'mallory' }] as typeof log;
    await expect(loadState({ store: new MemoryStore(edited) }, true)).rejects.toMatchObject({
      error: { code: 'log.corrupt', params: { seq: 2 } },
    });
    const other = new MemoryStore();
    await other.append([found, building('b1')], { expectedSeq: 0 });
    await expect(loadState({ store: other, snapshot }, true)).rejects.toMatchObject({
      error: { code: 'snapshot.head_mismatch', params: { seq: 2 } },
    });
  });
});

describe('loading a log the caller has already read', () => {
  /** A store that counts its whole-log reads. */
  async function countingStore() {
    const store = await twoEventStore();
    const reads: number[] = [];
    const read = store.read.bind(store);
    store.read = (options) => {
      reads.push(options?.afterSeq ?? 0);
      return read(options);
    };
    return { store, reads };
  }

  it('folds the given log without reading the store again, and rebuilds from the store', async () => {
    const { store, reads } = await countingStore();
    const log = await store.read();
    reads.length = 0;
    const live = await createLiveState({ store, log }, false);
    expect(reads).toEqual([]);
    expect(live.state.head.seq).toBe(2);
    // A rebuild forgets tentative events: it must read the store, never the log it started from.
    await store.append([building('b97')], { expectedSeq: 2 });
    await live.rebuild();
    expect(reads).toEqual([0]);
    expect([...live.state.community.buildings.keys()]).toEqual(['b96', 'b97']);
  });

  it('does not hold on to the given log once loaded (a large log would double what a community costs)', async () => {
    const store = await twoEventStore();
    let log: readonly LoggedEvent[] | undefined = await store.read();
    const held = new WeakRef(log);
    const governance = await createGovernance({ store, log, verifyOnLoad: false, groupCommit: true });
    log = undefined;
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 3; i++) gc();
    expect(held.deref()).toBeUndefined();
    expect(governance.head.value.seq).toBe(2);
    governance.dispose();
  });

  it('still verifies the given log unless told it was verified, catching an edit deep in a long one', async () => {
    const drafts = Array.from({ length: 5000 }, (_, i) => building(`b${i}`));
    const log = sealEvents([found, ...drafts], { seq: 0, hash: '0'.repeat(64) });
    const deep = log[4000] as (typeof log)[number];
    const edited = [...log];
    edited[4000] = { ...deep, payload: { buildingId: 'b3999', name: '假楼' } };
    await expect(loadState({ store: new MemoryStore(), log: edited }, true)).rejects.toMatchObject({
      error: { code: 'log.corrupt', params: { seq: 4001, reason: 'edited' } },
    });
  });
});

describe('createLiveState', () => {
  it('bumps the version only when events are folded in', async () => {
    const store = await twoEventStore();
    const live = await createLiveState({ store }, true);
    expect(live.version.value).toBe(0);
    live.fold(await store.read()); // already folded: nothing applies
    expect(live.version.value).toBe(0);
    await store.append([building('b97')], { expectedSeq: 2 });
    await live.refresh();
    expect(live.version.value).toBe(1);
    expect(live.state.head.seq).toBe(3);
  });

  it('rebuild forgets events folded in tentatively, and tells readers', async () => {
    const store = await twoEventStore();
    const live = await createLiveState({ store }, true);
    const before = live.state;
    applyEvents(live.state, sealEvents([building('b98')], live.state.head));
    expect(live.state.community.buildings.has('b98')).toBe(true);
    await live.rebuild();
    expect(live.state).not.toBe(before);
    expect(live.state.community.buildings.has('b98')).toBe(false);
    expect(live.state.head.seq).toBe(2);
    expect(live.version.value).toBe(1);
    expect(live.stale).toBe(false);
  });

  it('stays stale when the store cannot be read to rebuild', async () => {
    const store = await twoEventStore();
    const live = await createLiveState({ store }, true);
    store.read = async () => {
      throw new Error('closed');
    };
    await expect(live.rebuild()).rejects.toThrow('closed');
    expect(live.stale).toBe(true);
  });
});
