import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beforeClose, motionState, voters } from '../../test/motion-state.js';
import type { BallotChoice } from './motion.js';
import { tallyMotion } from './tally.js';

const identity = (k: number) => Array.from({ length: k }, (_, i) => i);

describe('the public IRV tally', () => {
  it('counts first choices and final-round support by voter, whoever stayed away', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 4 })
          .chain((k) =>
            fc.tuple(
              fc.constant(k),
              fc.array(
                fc.tuple(
                  fc.integer({ min: 1, max: 20_000 }),
                  fc.option(fc.shuffledSubarray(identity(k), { minLength: 1 }), { nil: null }),
                ),
                { minLength: 1, maxLength: 12 },
              ),
            ),
          ),
        ([k, roll]) => {
          const ballots = roll.map(([, r]): BallotChoice | null =>
            r ? { kind: 'ranked', ranking: r } : null,
          );
          const entry = motionState(
            voters(
              roll.length,
              roll.map(([area]) => area),
            ),
            ballots,
            { kind: 'ranked', method: 'irv', options: k, tieBreak: 'lottery' },
          );
          const tally = tallyMotion(entry, { now: beforeClose, seed: 'c'.repeat(64) });
          const cast = roll.filter(([, r]) => r !== null);
          expect(tally.options.map((o) => o.votes)).toEqual(
            identity(k).map((c) => cast.filter(([, r]) => r?.[0] === c).length),
          );
          const winner = entry.motion.options.findIndex((o) => o.id === tally.winners[0]);
          const out = new Set(tally.irvRounds?.map((r) => r.eliminated));
          let heads = 0;
          let area = 0;
          for (const [a, r] of cast) {
            if (r?.find((c) => !out.has(c)) !== winner) continue;
            heads++;
            area += a;
          }
          expect(tally.totals.headcount.yes).toBe(heads);
          expect(tally.totals.area.yes).toBe(area);
        },
      ),
      { numRuns: 300 },
    );
  });
});
