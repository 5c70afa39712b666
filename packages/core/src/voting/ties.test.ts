import { describe, expect, it } from 'vitest';
import { beforeClose, motionState, voters } from '../../test/motion-state.js';
import { lotteryPriority } from './lottery.js';
import type { BallotChoice, MotionDefinition, RankedMethod } from './motion.js';
import type { DecisionRule } from './rules.js';
import { tallyMotion } from './tally.js';

/** No threshold, so the outcome says only whether the count found a winner. */
const anyCount: DecisionRule = {
  id: 'none',
  name: { 'zh-CN': '无门槛', en: 'No threshold' },
  jurisdiction: 'community',
  version: '1',
  source: 'test',
  checks: [],
};

type TieBreak = MotionDefinition['tieBreak'];
const ranked = (ranking: number[]): BallotChoice => ({ kind: 'ranked', ranking });

/** Groups of identical rankings: [how many, ranking]. */
function rankings(groups: readonly [number, number[]][]): BallotChoice[] {
  return groups.flatMap(([n, r]) => Array.from({ length: n }, () => ranked(r)));
}

function count(
  kind: MotionDefinition['kind'],
  ballots: readonly (BallotChoice | null)[],
  tieBreak: TieBreak,
  extra: { method?: RankedMethod; options?: number; seats?: number } = {},
  seed = 'a'.repeat(64),
) {
  const entry = motionState(voters(ballots.length), ballots, {
    kind,
    rule: anyCount,
    tieBreak,
    status: 'closed',
    options: extra.options ?? 2,
    ...(extra.method ? { method: extra.method } : {}),
    ...(extra.seats ? { seats: extra.seats } : {}),
  });
  return tallyMotion(entry, { now: beforeClose, seed });
}

const rankedMethods: RankedMethod[] = ['irv', 'schulze', 'rankedPairs', 'stv'];

describe('a tie is reported as tied, and a lottery says it drew', () => {
  it.each(rankedMethods)('%s: A>B against B>A is a tie between A and B', (method) => {
    const ballots = rankings([
      [1, [0, 1]],
      [1, [1, 0]],
    ]);
    const reported = count('ranked', ballots, 'report', { method });
    expect(reported).toMatchObject({ outcome: 'tied', lottery: false });
    expect([...reported.winners].sort()).toEqual(['c0', 'c1']);
    // The lottery's draw: the option with the better place in the seed's order.
    const priority = lotteryPriority('a'.repeat(64), ['c0', 'c1']);
    const preferred = (priority[0] as number) < (priority[1] as number) ? 'c0' : 'c1';
    expect(count('ranked', ballots, 'lottery', { method })).toMatchObject({
      outcome: 'passed',
      winners: [preferred],
      lottery: true,
    });
  });

  it.each(rankedMethods)('%s: when nobody ranks anybody there is no winner and nothing to draw', (method) => {
    for (const tieBreak of ['report', 'lottery'] as const) {
      const tally = count('ranked', [ranked([]), ranked([]), ranked([])], tieBreak, { method, options: 3 });
      expect(tally).toMatchObject({ outcome: 'failed', winners: [], lottery: false });
    }
  });

  it('IRV: a final round tied 922–922 is a tie, not settled by the earlier rounds', () => {
    // Round 1: A 900, B 922, C 22; C's ballots go to A, so the final round is 922–922.
    const ballots = rankings([
      [900, [0, 1]],
      [922, [1, 0]],
      [22, [2, 0]],
    ]);
    const reported = count('ranked', ballots, 'report', { method: 'irv', options: 3 });
    expect(reported.irvRounds?.at(-1)?.votes).toEqual([922, 922, 0]);
    expect(reported).toMatchObject({ outcome: 'tied', lottery: false });
    expect([...reported.winners].sort()).toEqual(['c0', 'c1']);
    // The draw is the lottery's: the tied option with the better place in the seed's order wins.
    const priority = lotteryPriority('a'.repeat(64), ['c0', 'c1', 'c2']);
    const drawn = (priority[0] as number) < (priority[1] as number) ? 'c0' : 'c1';
    expect(count('ranked', ballots, 'lottery', { method: 'irv', options: 3 })).toMatchObject({
      outcome: 'passed',
      winners: [drawn],
      lottery: true,
    });
    // The other seed order draws the other one: the draw follows the seed, not the ballots.
    const other = (['b', 'c', 'd', 'e', 'f'] as const)
      .map((c) => c.repeat(64))
      .find((seed) => {
        const p = lotteryPriority(seed, ['c0', 'c1', 'c2']);
        return ((p[0] as number) < (p[1] as number) ? 'c0' : 'c1') !== drawn;
      });
    if (!other) throw new Error('no seed draws the other option');
    expect(count('ranked', ballots, 'lottery', { method: 'irv', options: 3 }, other).winners).not.toEqual([
      drawn,
    ]);
  });

  it('IRV and STV: a tie for last that decides the winner is a tie, and drawing it sets lottery', () => {
    // C 3, A 2, B 2: eliminating A elects B (4–3), eliminating B elects A; no earlier round to look at.
    const ballots = rankings([
      [3, [2]],
      [2, [0, 1]],
      [2, [1, 0]],
    ]);
    for (const method of ['irv', 'stv'] as const) {
      const reported = count('ranked', ballots, 'report', { method, options: 3 });
      expect(reported).toMatchObject({ outcome: 'tied', lottery: false });
      expect([...reported.winners].sort()).toEqual(['c0', 'c1']);
      const drawn = count('ranked', ballots, 'lottery', { method, options: 3 });
      expect(drawn).toMatchObject({ outcome: 'passed', lottery: true });
      expect(['c0', 'c1']).toContain(drawn.winners[0]);
    }
  });

  it('IRV: a tie for last that cannot change the winner is no tie and draws nothing', () => {
    // C 3, D 3, A 1, B 1: whichever of A and B goes first, C wins.
    const ballots = rankings([
      [3, [2]],
      [3, [3]],
      [1, [0, 2]],
      [1, [1, 2]],
    ]);
    for (const tieBreak of ['report', 'lottery'] as const) {
      expect(count('ranked', ballots, tieBreak, { method: 'irv', options: 4 })).toMatchObject({
        outcome: 'passed',
        winners: ['c2'],
        lottery: false,
      });
    }
  });

  it.each(['irv', 'stv'] as const)(
    '%s: eight candidates with one vote each are tied among all eight, past the recount limit too',
    (method) => {
      const ballots = rankings(Array.from({ length: 8 }, (_, c): [number, number[]] => [1, [c]]));
      const reported = count('ranked', ballots, 'report', { method, options: 8 });
      expect(reported.outcome).toBe('tied');
      expect([...reported.winners].sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
      const drawn = count('ranked', ballots, 'lottery', { method, options: 8 });
      expect(drawn).toMatchObject({ outcome: 'passed', lottery: true });
      expect(drawn.winners).toHaveLength(1);
    },
  );

  it('Ranked Pairs: a three-way cycle of equal majorities is a tie among all three', () => {
    const ballots = rankings([
      [1, [0, 1, 2]],
      [1, [1, 2, 0]],
      [1, [2, 0, 1]],
    ]);
    const reported = count('ranked', ballots, 'report', { method: 'rankedPairs', options: 3 });
    expect(reported.outcome).toBe('tied');
    expect([...reported.winners].sort()).toEqual(['c0', 'c1', 'c2']);
    expect(count('ranked', ballots, 'lottery', { method: 'rankedPairs', options: 3 }).lottery).toBe(true);
  });

  it.each([
    [
      'single',
      [
        { kind: 'single', option: 0 },
        { kind: 'single', option: 1 },
      ],
    ],
    [
      'approval',
      [
        { kind: 'approval', options: [0] },
        { kind: 'approval', options: [1] },
      ],
    ],
    [
      'score',
      [
        { kind: 'score', scores: [5, 3] },
        { kind: 'score', scores: [3, 5] },
      ],
    ],
  ] as const)('%s: equal top counts are a tie', (kind, ballots) => {
    const reported = count(kind, ballots, 'report');
    expect(reported).toMatchObject({ outcome: 'tied', winners: ['c0', 'c1'], lottery: false });
    expect(count(kind, ballots, 'lottery')).toMatchObject({ outcome: 'passed', lottery: true });
  });

  it.each([
    ['single', { kind: 'single', option: 0 }],
    ['approval', { kind: 'approval', options: [] }],
    ['score', { kind: 'score', scores: [0, 0] }],
  ] as const)('%s: with no vote for anyone, nobody is drawn', (kind, ballot) => {
    const tally = count(kind, kind === 'single' ? [null, null] : [ballot, ballot], 'lottery');
    expect(tally).toMatchObject({ outcome: 'failed', winners: [], lottery: false });
  });

  it('proposal: an even split is never a tie; the rule says whether it is enough', () => {
    const yesNo = (vote: 'yes' | 'no'): BallotChoice => ({ kind: 'proposal', vote });
    const entry = motionState(voters(4), [yesNo('yes'), yesNo('yes'), yesNo('no'), yesNo('no')], {
      status: 'closed',
    });
    // simpleMajority is strictly more than half: 2 of 4 is not.
    expect(tallyMotion(entry, { now: beforeClose })).toMatchObject({ outcome: 'failed', lottery: false });
  });
});
