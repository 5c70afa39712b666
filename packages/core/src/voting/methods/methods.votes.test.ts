// Cross-checks against an independent implementation: the `votes` package (tests only).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Approbation, FirstPastThePost, InstantRunoff, RankedPairs, Schulze, utils } from 'votes';
import { approvalCounts, pluralityCounts } from './counts.js';
import { instantRunoff } from './irv.js';
import { pairwiseMatrix } from './pairwise.js';
import { packRankings } from './ranked-ballots.js';
import { rankedPairs } from './ranked-pairs.js';
import { schulze } from './schulze.js';

const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const identity = (k: number) => Array.from({ length: k }, (_, i) => i);

/** k options and n full rankings (random permutations). */
const fullElection = fc.integer({ min: 2, max: 6 }).chain((k) =>
  fc.tuple(
    fc.constant(k),
    fc.array(fc.shuffledSubarray(identity(k), { minLength: k, maxLength: k }), {
      minLength: 1,
      maxLength: 60,
    }),
  ),
);
/** k options and n partial rankings (possibly empty). */
const partialElection = fc
  .integer({ min: 2, max: 6 })
  .chain((k) =>
    fc.tuple(fc.constant(k), fc.array(fc.shuffledSubarray(identity(k)), { minLength: 1, maxLength: 40 })),
  );

const toVotes = (k: number, rankings: number[][]) => ({
  candidates: names.slice(0, k),
  ballots: rankings.map((r) => ({ ranking: r.map((c) => [names[c] as string]), weight: 1 })),
});
const set = (xs: readonly number[]) => [...xs].map((c) => names[c]).sort();
const winnersOf = (scores: Record<string, number>) => {
  const max = Math.max(...Object.values(scores));
  return Object.keys(scores)
    .filter((c) => scores[c] === max)
    .sort();
};

describe('methods agree with the votes package', () => {
  it('plurality: first-choice counts', () => {
    fc.assert(
      fc.property(partialElection, ([k, rankings]) => {
        const choice = Int16Array.from(rankings.map((r) => r[0] ?? -1));
        const ours = pluralityCounts(k, choice);
        const theirs = new FirstPastThePost(
          toVotes(
            k,
            rankings.filter((r) => r.length > 0),
          ),
        ).scores();
        for (let c = 0; c < k; c++) expect(ours[c]).toBe(theirs[names[c] as string] ?? 0);
      }),
    );
  });

  it('approval: approvals per option', () => {
    fc.assert(
      fc.property(partialElection, ([k, sets]) => {
        const marks = new Uint8Array(sets.length * k);
        sets.forEach((s, b) => {
          for (const c of s) marks[b * k + c] = 1;
        });
        const ours = approvalCounts(k, marks);
        const theirs = new Approbation({
          candidates: names.slice(0, k),
          ballots: sets
            .filter((s) => s.length > 0)
            .map((s) => ({ ranking: [s.map((c) => names[c] as string)], weight: 1 })),
        }).scores();
        for (let c = 0; c < k; c++) expect(ours[c]).toBe(theirs[names[c] as string] ?? 0);
      }),
    );
  });

  it('pairwise matrix, partial rankings included (ranked beats unranked)', () => {
    fc.assert(
      fc.property(partialElection, ([k, rankings]) => {
        const d = pairwiseMatrix(packRankings(k, rankings));
        const { array } = utils.matrixFromBallots(toVotes(k, rankings).ballots, names.slice(0, k));
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expect(d[i * k + j]).toBe(array[i]?.[j]);
      }),
    );
  });

  it('Schulze: the same winner when it is unique; otherwise votes picks a subset of the Schulze winners', () => {
    // Definitional difference: Schulze's winners are every option no path beats; votes instead ranks by
    // how many options each beats, which can drop an unbeaten option that merely ties some loser.
    fc.assert(
      fc.property(fullElection, ([k, rankings]) => {
        const d = pairwiseMatrix(packRankings(k, rankings));
        const ours = set(schulze(d, k, identity(k)).winners);
        const theirs = winnersOf(
          new Schulze(utils.matrixFromBallots(toVotes(k, rankings).ballots, names.slice(0, k))).scores(),
        );
        if (ours.length === 1) expect(theirs).toEqual(ours);
        else for (const w of theirs) expect(ours).toContain(w);
      }),
    );
  });

  it('Ranked Pairs: the same winner whenever no two majorities are equally strong', () => {
    fc.assert(
      fc.property(fullElection, ([k, rankings]) => {
        const d = pairwiseMatrix(packRankings(k, rankings));
        const strengths = [];
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++)
            if ((d[i * k + j] as number) > (d[j * k + i] as number)) strengths.push(d[i * k + j]);
        const majorities = strengths.length;
        // With equal strengths the winner depends on the tie rule, which the two libraries define differently.
        fc.pre(new Set(strengths).size === majorities && majorities === (k * (k - 1)) / 2);
        const ours = rankedPairs(d, k, identity(k));
        const theirs = new RankedPairs(
          utils.matrixFromBallots(toVotes(k, rankings).ballots, names.slice(0, k)),
        ).scores();
        expect([names[ours.winner]]).toEqual(winnersOf(theirs));
      }),
      { numRuns: 1000, maxSkipsPerRun: 1000 },
    );
  });

  it('IRV: the same winner whenever no tie for last place had to be broken', () => {
    fc.assert(
      fc.property(fullElection, ([k, rankings]) => {
        const ours = instantRunoff(packRankings(k, rankings), identity(k));
        // votes eliminates every option tied for last at once; we break the tie, and a final round tie is
        // ours to report. Compare where no tie arose.
        fc.pre(ours.tiedForWin === undefined && ours.rounds.every((r) => r.tieBrokenBy === undefined));
        const theirs = new InstantRunoff(toVotes(k, rankings)).ranking();
        expect(theirs[0]).toEqual([names[ours.winner as number]]);
      }),
      { numRuns: 1000, maxSkipsPerRun: 1000 },
    );
  });
});

describe('textbook elections', () => {
  it("Schulze: Wikipedia's 45-voter example elects E, ranking E > A > C > B > D", () => {
    const groups: [number, string][] = [
      [5, 'ACBED'],
      [5, 'ADECB'],
      [8, 'BEDAC'],
      [3, 'CABED'],
      [7, 'CAEBD'],
      [2, 'CBADE'],
      [7, 'DCEBA'],
      [8, 'EBADC'],
    ];
    const rankings = groups.flatMap(([n, r]) =>
      Array.from({ length: n }, () => [...r].map((c) => names.indexOf(c))),
    );
    const d = pairwiseMatrix(packRankings(5, rankings));
    const result = schulze(d, 5, identity(5));
    expect(result.ranking.map((c) => names[c]).join('')).toBe('EACBD');
    expect(result.paths[0 * 5 + 1]).toBe(28); // strongest path A→B
  });

  it('Tennessee capital: IRV elects Knoxville, Condorcet methods elect Nashville', () => {
    // M(emphis) N(ashville) C(hattanooga) K(noxville), per 100 voters.
    const [M, N, C, K] = [0, 1, 2, 3];
    const groups: [number, number[]][] = [
      [42, [M, N, C, K]],
      [26, [N, C, K, M]],
      [15, [C, K, N, M]],
      [17, [K, C, N, M]],
    ];
    const rankings = groups.flatMap(([n, r]) => Array.from({ length: n }, () => r));
    const ballots = packRankings(4, rankings);
    const d = pairwiseMatrix(ballots);
    expect(instantRunoff(ballots, identity(4)).winner).toBe(K);
    expect(schulze(d, 4, identity(4)).winners).toEqual([N]);
    expect(rankedPairs(d, 4, identity(4)).winner).toBe(N);
  });
});
