import { beforeEach, expect, it } from 'vitest';
import { createGovernance } from '../governance/governance.js';
import { takeSnapshot } from '../governance/snapshot.js';
import { replay } from '../governance/state.js';
import type { LoggedEvent } from '../log/event.js';
import type { EventStore } from '../log/store.js';
import { verify } from '../log/verify.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { executeAll } from './execute-all.js';
import { openMotionCommands } from './motion.js';
import { stairwellCommands } from './stairwell.js';

const draft = (type: string, n = 0) => ({
  at: '2026-11-29T00:00:00.000Z',
  actor: 'a',
  type,
  payload: { n, text: '新福康里' },
});

/**
 * The behaviour every {@link EventStore} must have, as vitest tests to run against an implementation:
 * append and read, the optimistic-concurrency conflict that changes nothing, notifications, a
 * verifiable chain, two writers racing without losing or duplicating an event, request keys, group
 * commit, three group-committing governances on three connections, and durability across connections. Call it inside a `describe` of your store's test file.
 *
 * @param freshLog - Creates a fresh, empty log and returns a function that opens another connection
 *   (another writer) to that same log.
 */
export function storeConformance(freshLog: () => Promise<() => Promise<EventStore>>): void {
  /** A fresh, empty log; call the returned function again for another writer on the same log. */
  let open: () => Promise<EventStore> = async () => {
    throw new Error('no log');
  };
  beforeEach(async () => {
    open = await freshLog();
  });
  const connect = () => open();
  appendingAndReading(connect);
  racingWriters(connect);
  groupCommit(connect);
  groupCommittingWriters(connect);
}

/** Opens another connection to the log under test. */
type Connect = () => Promise<EventStore>;

/** Appending, reading, conflicts, notifications and durability. */
function appendingAndReading(open: Connect): void {
  it('appends, reads after a seq, and keeps the chain verifiable', async () => {
    const store = await open();
    expect(await store.read()).toEqual([]);
    const first = await store.append([draft('x.one', 1), draft('x.two', 2)], { expectedSeq: 0 });
    expect(first.ok && first.value.map((e) => e.seq)).toEqual([1, 2]);
    const second = await store.append([draft('x.three', 3)], { expectedSeq: 2 });
    expect(second.ok).toBe(true);
    expect((await store.read({ afterSeq: 1 })).map((e) => e.type)).toEqual(['x.two', 'x.three']);
    const log = await store.read();
    expect(log[0]?.payload).toEqual({ n: 1, text: '新福康里' });
    expect(verify(log)).toMatchObject({ ok: true, count: 3 });
  });

  it('refuses a stale writer with log.conflict and writes nothing', async () => {
    const store = await open();
    await store.append([draft('x.one')], { expectedSeq: 0 });
    const stale = await store.append([draft('x.late'), draft('x.later')], { expectedSeq: 0 });
    expect(stale.ok || stale.error).toMatchObject({ code: 'log.conflict' });
    expect((await store.read()).map((e) => e.type)).toEqual(['x.one']);
  });

  it('tells subscribers about appends', async () => {
    const store = await open();
    const heard: number[] = [];
    const stop = store.subscribe((events) => heard.push(...events.map((e) => e.seq)));
    await store.append([draft('x.one'), draft('x.two')], { expectedSeq: 0 });
    await expect.poll(() => heard).toEqual([1, 2]);
    stop();
  });

  it('keeps every acknowledged event for the next connection', async () => {
    const store = await open();
    await store.append([draft('x.one'), draft('x.two')], { expectedSeq: 0 });
    const again = await open();
    expect((await again.read()).map((e) => e.type)).toEqual(['x.one', 'x.two']);
  });
}

/** Two writers on one log, and request keys. */
function racingWriters(open: Connect): void {
  it('lets two governances race on one log without losing, duplicating or refusing an event', async () => {
    const [storeA, storeB] = [await open(), await open()];
    const setup = await createGovernance({ store: storeA, clock: fixedClock('2026-11-29T02:00:00Z') });
    await setup.execute({ type: 'community.found', name: 'C' });
    const a = await createGovernance({ store: storeA, ids: sequentialIds('a-'), verifyOnLoad: false });
    const b = await createGovernance({ store: storeB, ids: sequentialIds('b-'), verifyOnLoad: false });
    const writes = (g: typeof a, n: number) =>
      Promise.all(Array.from({ length: n }, (_, i) => g.execute({ type: 'building.add', name: `楼${i}` })));
    const [ra, rb] = await Promise.all([writes(a, 25), writes(b, 25)]);
    const results = [...ra, ...rb];
    const accepted: LoggedEvent[] = results.flatMap((r) => (r.ok ? [...r.value] : []));
    // A command that loses the race is decided again: a valid one is never refused for it.
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(accepted).toHaveLength(50);
    const log = await storeA.read();
    expect(verify(log)).toMatchObject({ ok: true, count: accepted.length + 1 });
    expect(new Set(log.map((e) => e.hash)).size).toBe(log.length);
    expect(accepted.map((e) => e.hash).sort()).toEqual(
      log
        .slice(1)
        .map((e) => e.hash)
        .sort(),
    );
  });

  it('records a request key with its events and refuses a second append under it', async () => {
    const store = await open();
    const first = await store.append([draft('x.one'), draft('x.two')], { expectedSeq: 0, requestKey: 'k1' });
    expect(first.ok).toBe(true);
    const again = await store.append([draft('x.one')], { expectedSeq: 2, requestKey: 'k1' });
    expect(again.ok || again.error.code).toBe('log.conflict');
    expect(await store.read()).toHaveLength(2);
    expect(await store.appendedFor?.('k1')).toEqual(first.ok && first.value);
    expect(await store.appendedFor?.('k2')).toBeUndefined();
    // Through a governance: the same key twice appends once and answers twice alike.
    const gov = await createGovernance({ store, ids: sequentialIds() });
    const command = { type: 'community.found', name: '新福康里', id: 'xfkl' };
    const once = await gov.execute(command, { requestKey: 'found' });
    const twice = await gov.execute(command, { requestKey: 'found' });
    expect(twice).toEqual(once);
    expect(await store.read()).toHaveLength(3);
    gov.dispose();
  });
}

/** Group commit, and batches of any size. */
function groupCommit(open: Connect): void {
  it('appends groups in one transaction, each with its own request key, all or nothing', async () => {
    const store = await open();
    const appendGroups = store.appendGroups?.bind(store);
    if (!appendGroups) throw new Error('this store must offer group commit');
    const heard: number[][] = [];
    const stop = store.subscribe((events) => heard.push(events.map((e) => e.seq)));
    const groups = await appendGroups(
      [
        { drafts: [draft('x.one', 1), draft('x.two', 2)], requestKey: 'k1' },
        { drafts: [] },
        { drafts: [draft('x.three', 3)], requestKey: 'k2' },
      ],
      { expectedSeq: 0 },
    );
    expect(groups.ok && groups.value.map((g) => g.map((e) => e.seq))).toEqual([[1, 2], [], [3]]);
    await expect.poll(() => heard.flat()).toEqual([1, 2, 3]);
    stop();
    expect((await store.appendedFor?.('k2'))?.map((e) => e.type)).toEqual(['x.three']);
    // A stale head, a key used before, or one key twice in a call: the whole call is refused.
    for (const [expectedSeq, keys] of [
      [0, ['k3']],
      [3, ['k3', 'k1']],
      [3, ['k4', 'k4']],
    ] as const) {
      const refused = await appendGroups(
        keys.map((requestKey) => ({ drafts: [draft('x.late')], requestKey })),
        { expectedSeq },
      );
      expect(refused.ok || refused.error.code).toBe('log.conflict');
    }
    expect(await store.read()).toHaveLength(3);
    expect(await store.appendedFor?.('k3')).toBeUndefined();
    expect(verify(await store.read())).toMatchObject({ ok: true, count: 3 });
  });

  it('takes 200 concurrent commands through group commit in a few transactions', async () => {
    const store = await open();
    let transactions = 0;
    const counted: EventStore = {
      append: (drafts, options) => store.append(drafts, options),
      appendGroups: (groups, options) => {
        transactions += 1;
        return store.appendGroups?.(groups, options) ?? Promise.reject(new Error('no group commit'));
      },
      read: (options) => store.read(options),
      subscribe: (listener) => store.subscribe(listener),
      appendedFor: (key) => store.appendedFor?.(key) ?? Promise.resolve(undefined),
    };
    const gov = await createGovernance({ store: counted, groupCommit: true, ids: sequentialIds() });
    await gov.execute({ type: 'community.found', name: '新福康里' });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        gov.execute({ type: 'building.add', name: `楼${i}` }, { requestKey: `r${i % 150}` }),
      ),
    );
    // 150 distinct requests: the 50 repeats answer with their first events and append nothing.
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results[170]).toEqual(results[20]);
    const log = await store.read();
    expect(verify(log)).toMatchObject({ ok: true, count: 151 });
    expect(transactions).toBeLessThanOrEqual(2);
    gov.dispose();
  });

  it('takes a batch of 200,000 drafts in one append, request key included', async () => {
    const store = await open();
    const drafts = Array.from({ length: 200_000 }, (_, i) => draft('x.bulk', i));
    const appended = await store.append(drafts, { expectedSeq: 0, requestKey: 'bulk' });
    expect(appended.ok && appended.value.length).toBe(200_000);
    const log = await store.read();
    expect(log).toHaveLength(200_000);
    expect(log.at(-1)?.payload).toEqual({ n: 199_999, text: '新福康里' });
    expect((await store.appendedFor?.('bulk'))?.length).toBe(200_000);
  }, 180_000);
}

const room = (i: number) => `${Math.floor(i / 2) + 1}0${(i % 2) + 1}`;

/** Several governances with group commit, each on its own connection, casting ballots at once. */
function groupCommittingWriters(open: Connect): void {
  it('lets three group-committing governances take concurrent ballots: none refused, all end on the log', async () => {
    const clock = fixedClock('2026-11-29T02:00:00Z');
    const households = 90;
    const setupStore = await open();
    const setup = await createGovernance({ store: setupStore, clock, ids: sequentialIds('setup-') });
    await executeAll(setup, [
      ...stairwellCommands({ households }),
      ...openMotionCommands({ id: 'm', title: '加装电梯', kind: 'proposal' }),
    ]);
    setup.dispose();
    const governances = await Promise.all(
      [0, 1, 2].map(async () =>
        createGovernance({ store: await open(), clock, groupCommit: true, verifyOnLoad: false }),
      ),
    );
    const answers = await Promise.all(
      Array.from({ length: households }, (_, i) =>
        governances[i % 3]?.execute({
          type: 'ballot.cast',
          motionId: 'm',
          voterId: `o${room(i)}`,
          vote: 'yes',
        }),
      ),
    );
    expect(answers.filter((a) => !a?.ok)).toEqual([]);
    const log = await setupStore.read();
    expect(verify(log)).toMatchObject({ ok: true, count: log.length });
    expect(log.filter((e) => e.type === 'ballot.cast')).toHaveLength(households);
    const truth = takeSnapshot(replay(log));
    for (const g of governances) {
      await g.refresh();
      expect(g.snapshot()).toEqual(truth);
      g.dispose();
    }
  });
}
