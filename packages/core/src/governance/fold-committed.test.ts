import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealEvents } from '../log/event.js';
import { sequentialSalts } from '../log/salt.js';
import { foldCommitted } from './fold-committed.js';
import { emptyState, replay } from './state.js';

const building = (i: number) => ({
  at: '2026-11-29T02:00:00.000Z',
  actor: 'tester',
  type: 'building.added',
  payload: { buildingId: `b${i}`, name: `${i}号楼` },
});
const log = sealEvents(
  Array.from({ length: 12 }, (_, i) => building(i)),
  { seq: 0, hash: '0'.repeat(64) },
  sequentialSalts(),
);

describe('foldCommitted', () => {
  it('folds the log from any order and repetition of its events, and stops at a gap without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: log.length - 1 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: log.length }),
        (picks, upTo) => {
          const state = emptyState();
          // Everything up to `upTo`, shuffled among repeats of any event.
          const delivered = [...log.slice(0, upTo), ...picks.map((i) => log[i] ?? log[0])].reverse();
          const outcome = foldCommitted(
            state,
            delivered.filter((e) => e !== undefined),
          );
          expect(state.head.seq).toBeGreaterThanOrEqual(upTo);
          const head = state.head.seq;
          expect(state).toEqual(replay(log.slice(0, head)));
          expect(outcome.kind).toBe(picks.some((i) => i > head) ? 'gap' : 'folded');
        },
      ),
    );
  });

  it('answers diverged for an event that does not link or that contradicts the head', () => {
    const state = replay(log.slice(0, 3));
    const foreign = sealEvents([building(99)], { seq: 3, hash: 'f'.repeat(64) });
    expect(foldCommitted(state, foreign).kind).toBe('diverged');
    const [, , third] = log;
    if (!third) throw new Error('fixture');
    expect(foldCommitted(state, [{ ...third, hash: 'e'.repeat(64) }]).kind).toBe('diverged');
    expect(state).toEqual(replay(log.slice(0, 3)));
  });
});
