import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandArb } from '../../test/commands.arbitrary.js';
import type { LoggedEvent } from '../log/event.js';
import { MemoryStore } from '../log/memory-store.js';
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
function laggingStore(inner: EventStore, delays: () => number): EventStore {
  return {
    append: async (drafts, options) => {
      for (let i = delays(); i > 0; i--) await Promise.resolve();
      return inner.append(drafts, options);
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
        async (forA, forB, delays, deafB) => {
          const inner = new MemoryStore();
          const store = laggingStore(inner, () => delays.next().value as number);
          const setup = await createGovernance({ store: inner });
          for (const c of prelude) await setup.execute(c);
          const a = await createGovernance({ store, ids: sequentialIds('a-') });
          const b = await createGovernance({ store, ids: sequentialIds('b-') });
          if (deafB) b.dispose(); // B learns of A only through conflicts
          const runAll = async (g: typeof a, commands: unknown[]) => {
            const accepted: LoggedEvent[] = [];
            for (const c of commands) {
              const r = await g.execute(c);
              if (r.ok) accepted.push(...r.value);
            }
            return accepted;
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
});
