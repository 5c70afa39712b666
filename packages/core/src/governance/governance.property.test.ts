import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandArb } from '../../test/commands.arbitrary.js';
import { MemoryStore } from '../log/memory-store.js';
import { sequentialSalts } from '../log/salt.js';
import type { EventStore } from '../log/store.js';
import { verify } from '../log/verify.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { createGovernance } from './governance.js';
import { takeSnapshot } from './snapshot.js';
import { replay } from './state.js';

const prelude = [
  { type: 'community.found', name: 'C' },
  { type: 'building.add', name: 'B', id: 'b1' },
  { type: 'stairwell.add', buildingId: 'b1', name: 'S', id: 's1' },
];

/** A store whose appends arrive a random number of ticks late, so writers really interleave. */
function laggingStore(inner: MemoryStore, delays: () => number): EventStore {
  const lag = async () => {
    for (let i = delays(); i > 0; i--) await Promise.resolve();
  };
  return {
    append: async (drafts, options) => {
      await lag();
      return inner.append(drafts, options);
    },
    appendGroups: async (groups, options) => {
      await lag();
      return inner.appendGroups(groups, options);
    },
    read: (options) => inner.read(options),
    subscribe: (listener) => inner.subscribe(listener),
  };
}

describe('governance properties', () => {
  it('replaying the log equals the live state, and a rejected command appends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { maxLength: 25 }), async (commands) => {
        const store = new MemoryStore();
        const governance = await createGovernance({ store, clock: fixedClock('2026-01-01T00:00:00Z') });
        for (const command of [...prelude, ...commands]) {
          const logBefore = await store.read();
          const stateBefore = governance.snapshot();
          const result = await governance.execute(command);
          const logAfter = await store.read();
          if (result.ok) {
            expect(logAfter.slice(logBefore.length)).toEqual(result.value);
          } else {
            expect(logAfter).toEqual(logBefore);
            expect(governance.snapshot()).toEqual(stateBefore);
          }
        }
        const log = await store.read();
        expect(verify(log).ok).toBe(true);
        expect(takeSnapshot(replay(log))).toEqual(governance.snapshot());
      }),
    );
  });

  it('two concurrent writers never lose or duplicate an event', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { maxLength: 12 }),
        fc.array(commandArb, { maxLength: 12 }),
        fc.infiniteStream(fc.nat({ max: 3 })),
        fc.boolean(),
        fc.boolean(),
        async (forA, forB, delays, deafB, grouped) => {
          const inner = new MemoryStore();
          const store = laggingStore(inner, () => delays.next().value as number);
          const setup = await createGovernance({ store: inner });
          for (const c of prelude) await setup.execute(c);
          // Grouped: each writer fires all its commands at once, so groups lose races and are re-run.
          const groupCommit = grouped ? { maxCommands: 4 } : false;
          const a = await createGovernance({ store, ids: sequentialIds('a-'), groupCommit });
          const b = await createGovernance({ store, ids: sequentialIds('b-'), groupCommit });
          if (deafB) b.dispose(); // B learns of A only through conflicts
          const runAll = async (g: typeof a, commands: unknown[]) => {
            const results = grouped
              ? await Promise.all(commands.map((c) => g.execute(c)))
              : await commands.reduce<Promise<Awaited<ReturnType<typeof g.execute>>[]>>(
                  async (done, c) => [...(await done), await g.execute(c)],
                  Promise.resolve([]),
                );
            return results.flatMap((r) => (r.ok ? [...r.value] : []));
          };
          const [fromA, fromB] = await Promise.all([runAll(a, forA), runAll(b, forB)]);
          const log = await inner.read();
          expect(verify(log).ok).toBe(true);
          // Every accepted event is in the log exactly once, and the log holds nothing else.
          const hashes = log.slice(prelude.length).map((e) => e.hash);
          expect(new Set(hashes).size).toBe(hashes.length);
          expect([...fromA, ...fromB].map((e) => e.hash).sort()).toEqual([...hashes].sort());
          await b.refresh();
          const truth = takeSnapshot(replay(log));
          expect(a.snapshot()).toEqual(truth);
          expect(b.snapshot()).toEqual(truth);
        },
      ),
    );
  });

  it('group commit answers and logs exactly as running the commands one by one', async () => {
    const item = fc.record({
      command: commandArb,
      key: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { maxLength: 25 }),
        fc.integer({ min: 2, max: 8 }),
        fc.boolean(),
        async (items, max, keyed) => {
          const run = async (grouped: boolean) => {
            // A store that records request keys, or one that does not (a repeated key is then a new request).
            // One salt sequence for the store and the governance: both runs then seal the same bytes.
            const salt = sequentialSalts();
            const inner = new MemoryStore([], { salt });
            const store: EventStore = keyed
              ? inner
              : {
                  append: (drafts, o) => inner.append(drafts, { expectedSeq: o.expectedSeq }),
                  appendGroups: (groups, o) =>
                    inner.appendGroups(
                      groups.map(({ drafts }) => ({ drafts })),
                      o,
                    ),
                  read: (o) => inner.read(o),
                  subscribe: (listener) => inner.subscribe(listener),
                };
            const governance = await createGovernance({
              store,
              clock: fixedClock('2026-01-01T00:00:00Z'),
              ids: sequentialIds('x-'),
              salt,
              groupCommit: grouped ? { maxCommands: max } : false,
            });
            for (const command of prelude) await governance.execute(command);
            const execute = (i: (typeof items)[number]) =>
              governance.execute(i.command, i.key ? { requestKey: i.key } : {});
            const answers = [];
            if (grouped) answers.push(...(await Promise.all(items.map(execute))));
            else for (const i of items) answers.push(await execute(i));
            return { answers, log: await store.read(), state: governance.snapshot() };
          };
          const oneByOne = await run(false);
          const grouped = await run(true);
          expect(grouped.answers).toEqual(oneByOne.answers);
          expect(grouped.log).toEqual(oneByOne.log);
          expect(grouped.state).toEqual(oneByOne.state);
        },
      ),
    );
  });
});
