// Brute force on small elections: the winners a count can reach through its ties are exactly those that
// some tie-break priority (a lottery's possible draws) gives, so a reported tie names every one of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantRunoff } from './irv.js';
import { pairwiseMatrix, smithSet } from './pairwise.js';
import { packRankings } from './ranked-ballots.js';
import { rankedPairs } from './ranked-pairs.js';
import { schulze } from './schulze.js';
import { singleTransferableVote } from './stv.js';
import { everyResolution, leastPreferred, type TiePriority } from './tie-order.js';

const identity = (k: number) => Array.from({ length: k }, (_, i) => i);

function permutations(xs: readonly number[]): number[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Every priority over k options: priority[option] = place. */
const priorities = (k: number): TiePriority[] =>
  permutations(identity(k)).map((order) => {
    const priority = new Int32Array(k);
    order.forEach((option, place) => {
      priority[option] = place;
    });
    return priority;
  });

const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

/** Small elections full of ties: 2–4 options, few ballots, partial rankings. */
const tieHeavy = fc
  .integer({ min: 2, max: 4 })
  .chain((k) =>
    fc.tuple(
      fc.constant(k),
      fc.array(fc.shuffledSubarray(identity(k), { minLength: 1 }), { minLength: 1, maxLength: 7 }),
    ),
  );

describe('every way of settling a tie, against every lottery draw', () => {
  it('IRV: the possible winners are exactly the winners of some priority', () => {
    fc.assert(
      fc.property(tieHeavy, ([k, rankings]) => {
        const ballots = packRankings(k, rankings);
        const base = identity(k);
        const explored = everyResolution(
          (pick) => instantRunoff(ballots, base, pick),
          (tied) => leastPreferred(tied, base),
        );
        expect(explored.complete).toBe(true);
        const possible = sorted(explored.results.flatMap((r) => r.tiedForWin ?? [r.winner as number]));
        const drawn = sorted(
          priorities(k).flatMap((p) => {
            const r = instantRunoff(ballots, p);
            return r.tiedForWin ?? [r.winner as number];
          }),
        );
        expect(possible).toEqual(drawn);
      }),
      { numRuns: 300 },
    );
  });

  it('IRV: a final round tie leaves the winner to the priority, and says so', () => {
    const ballots = packRankings(2, [[0], [1]]);
    expect(instantRunoff(ballots, [0, 1])).toMatchObject({ winner: 0, tiedForWin: [0, 1] });
    expect(instantRunoff(ballots, [1, 0])).toMatchObject({ winner: 1, tiedForWin: [0, 1] });
  });

  it('Ranked Pairs: every winner some priority gives is among the possible (unbeaten) ones', () => {
    fc.assert(
      fc.property(tieHeavy, ([k, rankings]) => {
        const d = pairwiseMatrix(packRankings(k, rankings));
        const explored = everyResolution(
          (pick) => rankedPairs(d, k, identity(k), pick),
          (tied) => tied[0] as number,
        );
        const possible = sorted(explored.results.flatMap((r) => r.unbeaten));
        for (const p of priorities(k)) expect(possible).toContain(rankedPairs(d, k, p).winner);
        // A single possible winner is what every draw gives.
        if (possible.length === 1)
          for (const p of priorities(k)) expect(rankedPairs(d, k, p).unbeaten).toEqual(possible);
      }),
      { numRuns: 300 },
    );
  });

  it('Ranked Pairs and Schulze elect from the Smith set under every priority', () => {
    fc.assert(
      fc.property(tieHeavy, ([k, rankings]) => {
        const d = pairwiseMatrix(packRankings(k, rankings));
        const smith = smithSet(d, k);
        expect(smith.length).toBeGreaterThan(0);
        for (const p of priorities(k)) {
          expect(smith).toContain(rankedPairs(d, k, p).winner);
          for (const w of schulze(d, k, p).winners) expect(smith).toContain(w);
        }
        // Every Smith member beats every option outside the set.
        for (const x of smith)
          for (let y = 0; y < k; y++)
            if (!smith.includes(y)) expect(d[x * k + y] as number).toBeGreaterThan(d[y * k + x] as number);
      }),
      { numRuns: 300 },
    );
  });

  it('Ranked Pairs: A>B against B>A leaves both unbeaten', () => {
    const d = pairwiseMatrix(
      packRankings(2, [
        [0, 1],
        [1, 0],
      ]),
    );
    expect(rankedPairs(d, 2, [0, 1]).unbeaten).toEqual([0, 1]);
  });

  it('STV: the seats filled under every draw are among the explored ones', () => {
    fc.assert(
      fc.property(tieHeavy, fc.integer({ min: 1, max: 2 }), ([k, rankings], seats) => {
        const ballots = packRankings(k, rankings);
        const base = identity(k);
        const explored = everyResolution(
          (pick) => singleTransferableVote(ballots, seats, base, pick),
          (tied) => leastPreferred(tied, base),
        );
        const key = (elected: readonly number[]) => sorted(elected).join(',');
        const possible = new Set(explored.results.map((r) => key(r.elected)));
        const drawn = new Set(
          priorities(k).map((p) => key(singleTransferableVote(ballots, seats, p).elected)),
        );
        expect([...possible].sort()).toEqual([...drawn].sort());
      }),
      { numRuns: 300 },
    );
  });
});
