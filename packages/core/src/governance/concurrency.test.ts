import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DelayedStore, type DelayedStoreOptions } from '../log/delayed-store.test-support.js';
import { draftOf, type LoggedEvent, sealEvents } from '../log/event.js';
import { MemoryStore } from '../log/memory-store.js';
import type { EventStore } from '../log/store.js';
import { verify } from '../log/verify.js';
import { executeAll } from '../testing/execute-all.js';
import { openMotionCommands } from '../testing/motion.js';
import { stairwellCommands } from '../testing/stairwell.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { createGovernance, type Governance } from './governance.js';
import { takeSnapshot } from './snapshot.js';
import { replay } from './state.js';

const clock = fixedClock('2026-11-29T02:00:00Z');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Small pseudo-random numbers from a seed, so a failing interleaving replays. */
function pauses(seed: number, most: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % (most + 1);
  };
}

/** Rooms of a stairwell of `households` units, two a floor, as {@link stairwellCommands} numbers them. */
const roomOf = (index: number) => `${Math.floor(index / 2) + 1}0${(index % 2) + 1}`;
const ballot = (index: number) => ({
  type: 'ballot.cast',
  motionId: 'm',
  voterId: `o${roomOf(index)}`,
  vote: index % 3 === 0 ? 'no' : 'yes',
});

/** A log with a stairwell of `households` owners and motion `m` open for their ballots. */
async function openMotion(households: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  const setup = await createGovernance({ store, clock, ids: sequentialIds('setup-') });
  await executeAll(setup, [
    ...stairwellCommands({ households }),
    ...openMotionCommands({ id: 'm', title: '加装电梯', kind: 'proposal' }),
  ]);
  setup.dispose();
  return store;
}

interface Writers {
  readonly governances: Governance[];
  readonly connections: DelayedStore[];
}

/** `count` governances, each over its own delayed connection to `store`. */
async function writers(
  store: MemoryStore,
  count: number,
  options: DelayedStoreOptions,
  groupCommit: (i: number) => boolean,
): Promise<Writers> {
  const connections = Array.from({ length: count }, () => new DelayedStore(store, options));
  const governances = await Promise.all(
    connections.map((connection, i) =>
      createGovernance({
        store: connection,
        clock,
        ids: sequentialIds(`w${i}-`),
        groupCommit: groupCommit(i),
        verifyOnLoad: false,
      }),
    ),
  );
  return { governances, connections };
}

/** Waits until every delivery has landed and every governance has caught up with the log's head. */
async function settle(store: MemoryStore, { governances, connections }: Writers): Promise<void> {
  const head = (await store.read()).at(-1);
  for (let waited = 0; waited < 5_000; waited += 5) {
    await Promise.all(connections.map((c) => c.idle()));
    if (governances.every((g) => g.snapshot().head.hash === head?.hash)) return;
    await sleep(5);
  }
}

/** Every governance holds exactly the state replaying the store's log gives, and the log verifies. */
async function expectConverged(store: MemoryStore, all: Writers): Promise<void> {
  await settle(store, all);
  const log = await store.read();
  expect(verify(log)).toMatchObject({ ok: true, count: log.length });
  const truth = takeSnapshot(replay(log));
  for (const g of all.governances) expect(g.snapshot()).toEqual(truth);
  for (const g of all.governances) g.dispose();
}

describe('several governances with group commit over one store', () => {
  for (const planned of [true, false]) {
    it(`take many concurrent valid ballots with no throw and no refusal (${planned ? 'with' : 'without'} appendPlanned)`, async () => {
      const households = 90;
      const store = await openMotion(households);
      const all = await writers(store, 3, { pause: pauses(planned ? 7 : 11, 3), planned }, () => true);
      const answers = await Promise.all(
        Array.from({ length: households }, (_, i) => all.governances[i % 3]?.execute(ballot(i))),
      );
      expect(answers.filter((a) => !a?.ok)).toEqual([]);
      await expectConverged(store, all);
      const cast = (await store.read()).filter((e) => e.type === 'ballot.cast');
      expect(cast).toHaveLength(households);
    });
  }
});

describe('any interleaving of writers, delays and deliveries', () => {
  it('ends with every governance holding replay(log), no valid ballot refused, a verifying log', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          planned: fc.boolean(),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          most: fc.integer({ min: 0, max: 4 }),
          // Which governance casts each ballot, and how long it waits before casting it.
          casts: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
            minLength: 1,
            maxLength: 40,
          }),
          grouped: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
          messy: fc.boolean(),
        }),
        async ({ planned, seed, most, casts, grouped, messy }) => {
          const store = await openMotion(casts.length);
          const draw = pauses(seed, most);
          // Messy deliveries: each event alone, some twice, newest first.
          const scramble = (count: number) => [
            ...Array.from({ length: count }, (_, i) => count - 1 - i),
            ...Array.from({ length: draw() % (count + 1) }, () => draw() % count),
          ];
          const options = messy ? { pause: draw, planned, scramble } : { pause: draw, planned };
          const all = await writers(store, 3, options, (i) => grouped[i] ?? true);
          const answers = await Promise.all(
            casts.map(async ([writer, wait], i) => {
              await sleep(wait);
              return all.governances[writer]?.execute(ballot(i));
            }),
          );
          expect(answers.filter((a) => !a?.ok)).toEqual([]);
          await expectConverged(store, all);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the store subscription', () => {
  it('never throws: a foreign, out-of-order or repeated delivery is read or rebuilt from, said once', async () => {
    const store = new MemoryStore();
    let deliver: (events: readonly LoggedEvent[]) => void = () => undefined;
    const listened: EventStore = {
      append: (drafts, options) => store.append(drafts, options),
      read: (options) => store.read(options),
      subscribe: (listener) => {
        deliver = listener;
        return () => undefined;
      },
    };
    const repairs: unknown[] = [];
    const g = await createGovernance({ store: listened, clock, onRepair: (reason) => repairs.push(reason) });
    await executeAll(g, stairwellCommands({ households: 2 }));
    const log = await store.read();
    const head = log.at(-1) as LoggedEvent;
    // Another writer's events, not yet delivered: two buildings.
    const other = await createGovernance({ store, clock, ids: sequentialIds('other-') });
    await executeAll(other, [
      { type: 'building.add', name: '97号楼' },
      { type: 'building.add', name: '98号楼' },
    ]);
    const [next, last] = (await store.read({ afterSeq: head.seq })) as [LoggedEvent, LoggedEvent];
    const forged = sealEvents([draftOf(next)], { seq: head.seq, hash: '0'.repeat(64) });
    const deliveries: (readonly LoggedEvent[])[] = [
      [last],
      [next, next],
      log,
      forged,
      [{ ...head, hash: 'f'.repeat(64) }],
    ];
    for (const events of deliveries) expect(() => deliver(events)).not.toThrow();
    await expect.poll(() => g.snapshot().head.seq).toBe(last.seq);
    await expect.poll(() => g.snapshot()).toEqual(takeSnapshot(replay(await store.read())));
    expect(repairs).toHaveLength(1);
    g.dispose();
    other.dispose();
  });
});
