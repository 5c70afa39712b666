import { effect } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { LinliException, linliError } from '../errors/linli-error.js';
import { err } from '../errors/result.js';
import { MemoryStore } from '../log/memory-store.js';
import type { EventStore } from '../log/store.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { createGovernance } from './governance.js';
import { SNAPSHOT_VERSION, takeSnapshot } from './snapshot.js';
import { replay } from './state.js';

/** Room 101 of stairwell s1, 80.00 m², registered. */
const addRoom101 = (id: string) => ({
  type: 'unit.add',
  stairwellId: 's1',
  room: '101',
  floor: 1,
  area: 8000,
  areaSource: 'registered',
  id,
});

async function building() {
  const setup = await freshGovernance();
  await must(
    setup.governance,
    { type: 'community.found', name: '新福康里' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
  );
  return setup;
}

describe('createGovernance: commands', () => {
  it('records who did what and when, with deterministic ids', async () => {
    const { governance, store } = await building();
    const result = await governance.execute(
      { type: 'unit.add', stairwellId: 's1', room: '301', floor: 3, area: 7532, areaSource: 'registered' },
      { actor: 'official-9' },
    );
    expect(result.ok).toBe(true);
    const [event] = await store.read({ afterSeq: 3 });
    expect(event).toMatchObject({
      seq: 4,
      at: '2026-11-29T02:00:00.000Z',
      actor: 'official-9',
      type: 'unit.added',
      payload: { unitId: 'unit-1', room: '301', floor: 3, area: 7532, areaSource: 'registered' },
    });
    expect(governance.community.value.units[0]).toMatchObject({
      id: 'unit-1',
      area: 7532,
      areaSource: 'registered',
    });
  });

  it('rejects invalid input with a typed, bilingual error and a path, appending nothing', async () => {
    const { governance, store } = await building();
    const before = await store.read();
    const result = await governance.execute({
      type: 'unit.add',
      stairwellId: 's1',
      room: '301',
      floor: 3.5,
      area: -1,
      areaSource: 'guess',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'validation.not_integer', path: ['floor'] });
    expect(result.error.message['zh-CN']).toBe('必须是整数');
    expect(result.error.message.en).toBe('Must be an integer');
    expect(result.error.issues?.map((i) => [i.code, i.path])).toEqual([
      ['validation.not_integer', ['floor']],
      ['validation.too_small', ['area']],
      ['validation.invalid_value', ['areaSource']],
    ]);
    expect(await store.read()).toEqual(before);
  });

  it('names an unknown command type and unknown fields', async () => {
    const { governance } = await building();
    const unknown = await governance.execute({ type: 'unit.demolish' });
    expect(unknown.ok || unknown.error.path).toEqual(['type']);
    const extra = await governance.execute({ type: 'building.add', name: 'B', colour: 'red' });
    expect(extra.ok || extra.error).toMatchObject({
      code: 'validation.unrecognized_keys',
      params: { keys: 'colour' },
    });
    const nonObject = await governance.execute(42);
    expect(nonObject.ok).toBe(false);
  });

  it('rejects impossible dates', async () => {
    const { governance } = await building();
    const result = await governance.execute({ type: 'resident.moveIn', unitId: 'x', date: '2026-02-29' });
    expect(result.ok || result.error).toMatchObject({ code: 'date.invalid', path: ['date'] });
    if (!result.ok) expect(result.error.message['zh-CN']).toContain('不是有效日期');
  });

  it.each([
    [{ type: 'community.found', name: 'Again' }, 'community.already_founded', []],
    [{ type: 'stairwell.add', buildingId: 'nope', name: 'S' }, 'entity.not_found', ['buildingId']],
    [{ type: 'building.add', name: 'Twin', id: 'b96' }, 'entity.duplicate_id', ['id']],
    [
      { type: 'unit.add', stairwellId: 's1', room: '101', floor: 1, area: 1, areaSource: 'contract' },
      'unit.duplicate_room',
      ['room'],
    ],
    [
      { type: 'unit.transfer', unitId: 'u101', ownerIds: ['o1', 'o1'] },
      'ownership.duplicate_owner',
      ['ownerIds', 1],
    ],
    [{ type: 'unit.transfer', unitId: 'u101', ownerIds: ['ghost'] }, 'entity.not_found', ['ownerIds']],
    [
      { type: 'unit.transfer', unitId: 'u101', ownerIds: ['o1'], date: '2009-12-31' },
      'ownership.out_of_order',
      ['date'],
    ],
    [
      { type: 'resident.moveOut', residentId: 'r1', date: '2011-01-01' },
      'resident.move_out_before_move_in',
      ['date'],
    ],
  ])('refuses %j with %s and changes nothing', async (command, code, path) => {
    const { governance, store } = await building();
    await must(
      governance,
      addRoom101('u101'),
      { type: 'owner.register', name: '王', kind: 'person', id: 'o1' },
      { type: 'unit.transfer', unitId: 'u101', ownerIds: ['o1'], date: '2010-01-01' },
      { type: 'resident.moveIn', unitId: 'u101', id: 'r1', date: '2012-01-01' },
    );
    const log = await store.read();
    const view = governance.community.value;
    const result = await governance.execute(command);
    expect(result.ok || result.error).toMatchObject({ code, path });
    if (!result.ok) {
      expect(result.error.message['zh-CN']).not.toBe(result.error.message.en);
      expect(result.error.message['zh-CN'].length).toBeGreaterThan(0);
    }
    expect(await store.read()).toEqual(log);
    expect(governance.community.value).toBe(view);
  });

  it('refuses to act before the community is founded', async () => {
    const { governance } = await freshGovernance();
    const result = await governance.execute({ type: 'building.add', name: 'B' });
    expect(result.ok || result.error.code).toBe('community.not_founded');
  });

  it('keeps history: moves and transfers are dated, never overwritten', async () => {
    const { governance, clock } = await building();
    await must(
      governance,
      addRoom101('u'),
      { type: 'owner.register', name: 'A', kind: 'person', id: 'a' },
      { type: 'owner.register', name: 'B', kind: 'person', id: 'b' },
      { type: 'unit.transfer', unitId: 'u', ownerIds: ['a'], date: '2010-01-01' },
      { type: 'unit.transfer', unitId: 'u', ownerIds: ['b'] },
      { type: 'resident.moveIn', unitId: 'u', name: '张阿姨', birthYear: 1944, id: 'r', date: '2010-02-01' },
      { type: 'resident.moveOut', residentId: 'r' },
    );
    const unit = governance.read((s) => s.community.units.get('u'));
    expect(unit?.ownership).toEqual([
      { ownerIds: ['a'], from: '2010-01-01' },
      { ownerIds: ['b'], from: '2026-11-29' }, // today in Asia/Shanghai from the injected clock
    ]);
    expect(governance.read((s) => s.community.residents.get('r'))).toMatchObject({
      movedIn: '2010-02-01',
      movedOut: '2026-11-29',
    });
    expect(governance.community.value.residents).toEqual([]);
    clock.set('2026-11-29T16:30:00Z'); // 00:30 on 30 November in Shanghai
    await must(governance, { type: 'resident.moveIn', unitId: 'u', id: 'r2' });
    expect(governance.read((s) => s.community.residents.get('r2')?.movedIn)).toBe('2026-11-30');
  });
});

describe('createGovernance: reactivity and other writers', () => {
  it('updates signals once per accepted command and not for rejected ones', async () => {
    const { governance } = await building();
    const seen: number[] = [];
    const stop = effect(() => {
      seen.push(governance.community.value.buildings.length);
    });
    await governance.execute({ type: 'building.add', name: '97号楼' });
    await governance.execute({ type: 'building.add', name: '' });
    stop();
    expect(seen).toEqual([1, 2]);
  });

  it('folds in events appended by another writer on the same store', async () => {
    const { governance, store } = await building();
    const other = await createGovernance({
      store,
      ids: sequentialIds('other-'),
      clock: fixedClock('2026-11-30T00:00:00Z'),
    });
    await must(other, { type: 'building.add', name: '98号楼' });
    expect(governance.community.value.buildings.map((b) => b.name)).toEqual(['96号楼', '98号楼']);
    expect(governance.head.value).toEqual(other.head.value);
  });

  it('re-decides after losing a race, so a stale writer neither loses nor duplicates events', async () => {
    const { governance, store } = await building();
    governance.dispose(); // deaf to notifications: it only learns of others through conflicts
    const other = await createGovernance({ store, ids: sequentialIds('other-') });
    await must(other, { type: 'building.add', name: '98号楼', id: 'b98' });
    const result = await governance.execute({ type: 'building.add', name: '98号楼 again', id: 'b98' });
    expect(result.ok || result.error.code).toBe('entity.duplicate_id');
    await must(governance, { type: 'building.add', name: '99号楼' });
    expect((await store.read()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await governance.verify()).toMatchObject({ ok: true, count: 5 });
  });

  it('reports a store that throws as log.unavailable, without throwing', async () => {
    const store = new MemoryStore();
    const governance = await createGovernance({ store });
    // Both ways a store appends fail alike.
    store.append = async () => {
      throw new Error('disk full');
    };
    store.appendPlanned = async () => {
      throw new Error('disk full');
    };
    const result = await governance.execute({ type: 'community.found', name: 'C' });
    expect(result.ok || result.error).toMatchObject({
      code: 'log.unavailable',
      params: { reason: 'disk full' },
    });
  });
});

describe('snapshots', () => {
  it('round-trip: restoring a snapshot and reading the rest equals replaying the whole log', async () => {
    const { governance, store } = await building();
    const snapshot = JSON.parse(JSON.stringify(governance.snapshot()));
    await must(governance, { type: 'building.add', name: '97号楼' });
    const resumed = await createGovernance({ store, snapshot });
    expect(resumed.snapshot()).toEqual(takeSnapshot(replay(await store.read())));
    expect(resumed.snapshot()).toEqual(governance.snapshot());
  });

  it('runs migrations from older versions and refuses newer ones', async () => {
    const { governance, store } = await building();
    const current = governance.snapshot();
    const { community, ...rest } = current;
    const v0 = { ...rest, version: 0, data: community };
    const migrated = await createGovernance({
      store,
      snapshot: v0 as never,
      migrations: { 0: ({ data, ...old }) => ({ ...old, version: 1, community: data }) },
    });
    expect(migrated.snapshot()).toEqual(current);
    await expect(createGovernance({ store, snapshot: v0 as never })).rejects.toMatchObject({
      error: { code: 'snapshot.unsupported_version' },
    });
    await expect(
      createGovernance({ store, snapshot: { ...current, version: SNAPSHOT_VERSION + 1 } }),
    ).rejects.toThrow(LinliException);
  });

  it('refuses a snapshot that does not belong to the log', async () => {
    const { governance } = await building();
    const snapshot = governance.snapshot();
    const foreign = new MemoryStore();
    await (await createGovernance({ store: foreign })).execute({ type: 'community.found', name: 'X' });
    await expect(
      createGovernance({ store: foreign, snapshot: { ...snapshot, head: { ...snapshot.head, seq: 1 } } }),
    ).rejects.toMatchObject({
      error: { code: 'snapshot.head_mismatch' },
    });
  });
});

describe('loading a tampered log', () => {
  it('rejects with log.corrupt naming the first bad seq', async () => {
    const { store } = await building();
    const log = [...(await store.read())];
    log[1] = { ...(log[1] as (typeof log)[number]), actor: 'mallory' };
    await expect(createGovernance({ store: new MemoryStore(log) })).rejects.toMatchObject({
      error: { code: 'log.corrupt', params: { seq: 2, reason: 'edited' } },
    });
  });
});

describe('group commit', () => {
  /** A MemoryStore that counts group appends and can be told to fail the next one. */
  function countingStore() {
    const inner = new MemoryStore();
    const probe = { groupAppends: 0, failNext: false };
    const store: EventStore = {
      append: (drafts, options) => inner.append(drafts, options),
      appendGroups: async (groups, options) => {
        probe.groupAppends += 1;
        if (!probe.failNext) return inner.appendGroups(groups, options);
        probe.failNext = false;
        return err(linliError('log.unavailable', [], { reason: 'disk full' }));
      },
      read: (options) => inner.read(options),
      subscribe: (listener) => inner.subscribe(listener),
      appendedFor: (key) => inner.appendedFor(key),
    };
    return { inner, store, probe };
  }
  const addBuildings = (gov: { execute: (c: unknown) => Promise<unknown> }, n: number, from = 0) =>
    Promise.all(
      Array.from({ length: n }, (_, i) => gov.execute({ type: 'building.add', name: `楼${from + i}` })),
    );

  it('writes commands that arrive together in one append, each answered with its own events', async () => {
    const { inner, store, probe } = countingStore();
    const gov = await createGovernance({ store, groupCommit: true, ids: sequentialIds() });
    await gov.execute({ type: 'community.found', name: '新福康里' });
    const heads: number[] = [];
    const stop = effect(() => {
      heads.push(gov.head.value.seq);
    });
    const results = (await addBuildings(gov, 100)) as Awaited<ReturnType<typeof gov.execute>>[];
    stop();
    expect(probe.groupAppends).toBe(1);
    expect(results.map((r) => r.ok && r.value.map((e) => e.seq))).toEqual(
      Array.from({ length: 100 }, (_, i) => [i + 2]),
    );
    expect(heads).toEqual([1, 101]); // one signal change for the group, after it was written
    expect(takeSnapshot(replay(await inner.read()))).toEqual(gov.snapshot());
  });

  it('a group whose write fails for one command commits the others, each answered as one by one', async () => {
    // A store that cannot take one command's events (as PostgreSQL could not take a NUL): any append
    // that carries them fails as a whole, like one transaction.
    const inner = new MemoryStore();
    const poisoned = (drafts: readonly { payload: unknown }[]) =>
      drafts.some((d) => JSON.stringify(d.payload).includes('毒'));
    const refusal = err(linliError('log.unavailable', [], { reason: 'invalid byte sequence' }));
    let groupAppends = 0;
    const store: EventStore = {
      append: async (drafts, options) => (poisoned(drafts) ? refusal : inner.append(drafts, options)),
      appendGroups: async (groups, options) => {
        groupAppends += 1;
        return groups.some((g) => poisoned(g.drafts)) ? refusal : inner.appendGroups(groups, options);
      },
      read: (options) => inner.read(options),
      subscribe: (listener) => inner.subscribe(listener),
      appendedFor: (key) => inner.appendedFor(key),
    };
    const gov = await createGovernance({ store, groupCommit: true, ids: sequentialIds() });
    await gov.execute({ type: 'community.found', name: '新福康里' });
    const names = Array.from({ length: 10 }, (_, i) => (i === 3 ? '毒楼' : `楼${i}`));
    const results = await Promise.all(names.map((name) => gov.execute({ type: 'building.add', name })));
    expect(groupAppends).toBe(1);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(
      names.map((_, i) => (i === 3 ? 'log.unavailable' : 'ok')),
    );
    // In arrival order, with no gap where the poisoned one would have been.
    expect(results.flatMap((r) => (r.ok ? r.value.map((e) => e.seq) : []))).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(gov.community.value.buildings.map((b) => b.name)).toEqual(names.filter((n) => n !== '毒楼'));
    expect(takeSnapshot(replay(await inner.read()))).toEqual(gov.snapshot());
  });

  it('a group write that fails for a passing reason still commits every command, one by one', async () => {
    const { inner, store, probe } = countingStore();
    const gov = await createGovernance({ store, groupCommit: { maxCommands: 8 } });
    await gov.execute({ type: 'community.found', name: '新福康里' });
    const before = gov.snapshot();
    const head = gov.head.value;
    probe.failNext = true;
    const heads: unknown[] = [];
    const stop = effect(() => {
      heads.push(gov.head.value);
    });
    const retried = (await addBuildings(gov, 3)) as Awaited<ReturnType<typeof gov.execute>>[];
    stop();
    expect(retried.every((r) => r.ok)).toBe(true);
    expect(await inner.read()).toHaveLength(4);
    // The tentative state was forgotten first: the same head, but a new object, so caches keyed on
    // it (the server's view) know to rebuild.
    expect(heads[1]).toEqual(head);
    expect(heads[1]).not.toBe(head);
    expect(before.head).toEqual(head);
    // The next commands are decided on the real state, in groups of at most 8.
    const again = (await addBuildings(gov, 20, 3)) as Awaited<ReturnType<typeof gov.execute>>[];
    expect(again.every((r) => r.ok)).toBe(true);
    expect(probe.groupAppends).toBe(1 + 3);
    expect(takeSnapshot(replay(await inner.read()))).toEqual(gov.snapshot());
  });
});
