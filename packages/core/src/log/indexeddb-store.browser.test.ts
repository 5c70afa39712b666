import { describe, expect, it } from 'vitest';
import { createGovernance } from '../governance/governance.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { IndexedDbStore } from './indexeddb-store.js';
import { verify } from './verify.js';

const draft = (type: string) => ({ at: '2026-11-29T00:00:00.000Z', actor: 'a', type, payload: { n: type } });
let counter = 0;
const freshName = () => `linli-test-${Date.now()}-${counter++}`;

describe('IndexedDbStore (real Chromium IndexedDB)', () => {
  it('appends, reads after a seq, and persists across a reopen', async () => {
    const name = freshName();
    const store = await IndexedDbStore.open(name);
    const first = await store.append([draft('x.one'), draft('x.two')], { expectedSeq: 0 });
    expect(first.ok && first.value.map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.read({ afterSeq: 1 })).map((e) => e.type)).toEqual(['x.two']);
    store.close();

    const reopened = await IndexedDbStore.open(name);
    const log = await reopened.read();
    expect(log.map((e) => e.type)).toEqual(['x.one', 'x.two']);
    expect(verify(log).ok).toBe(true);
    reopened.close();
  });

  it('refuses a stale append with log.conflict and writes nothing', async () => {
    const store = await IndexedDbStore.open(freshName());
    await store.append([draft('x.one')], { expectedSeq: 0 });
    const stale = await store.append([draft('x.late'), draft('x.later')], { expectedSeq: 0 });
    expect(stale.ok || stale.error).toMatchObject({
      code: 'log.conflict',
      params: { expectedSeq: 0, actualSeq: 1 },
    });
    expect((await store.read()).map((e) => e.type)).toEqual(['x.one']);
    store.close();
  });

  it('lets two racing writers both land, in order, with nothing lost', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([IndexedDbStore.open(name), IndexedDbStore.open(name)]);
    const results = await Promise.all([
      a.append([draft('a.1')], { expectedSeq: 0 }),
      b.append([draft('b.1')], { expectedSeq: 0 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'log.conflict')).toHaveLength(1);
    expect(await a.read()).toHaveLength(1);
    a.close();
    b.close();
  });

  it('tells other connections (other tabs) about appends, and a governance folds them in', async () => {
    const name = freshName();
    const storeA = await IndexedDbStore.open(name);
    const storeB = await IndexedDbStore.open(name);
    const clock = fixedClock('2026-11-29T00:00:00Z');
    const tabA = await createGovernance({ store: storeA, clock, ids: sequentialIds('a-') });
    const tabB = await createGovernance({ store: storeB, clock, ids: sequentialIds('b-') });
    await tabA.execute({ type: 'community.found', name: '新福康里' });
    await tabA.execute({ type: 'building.add', name: '96号楼' });
    await expect.poll(() => tabB.community.value.buildings.map((b) => b.name)).toEqual(['96号楼']);
    const fromB = await tabB.execute({ type: 'building.add', name: '97号楼' });
    expect(fromB.ok).toBe(true);
    await expect.poll(() => tabA.head.value.seq).toBe(3);
    expect(tabA.snapshot()).toEqual(tabB.snapshot());
    storeA.close();
    storeB.close();
  });
});
