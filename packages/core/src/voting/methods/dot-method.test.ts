import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../../test/fixtures.js';
import { beforeClose, motionState, voters } from '../../../test/motion-state.js';
import { exportMotion } from '../export.js';
import type { BallotChoice } from '../motion.js';
import type { DecisionRule } from '../rules.js';
import { tallyMotion } from '../tally.js';
import { explainCount } from './explainers.js';

/** Dot votes have no total "in favour": the rule may only ask for turnout. */
const halfTakePart: DecisionRule = {
  id: 'half-take-part',
  name: { 'zh-CN': '过半参与', en: 'Half take part' },
  jurisdiction: 'community',
  version: '1',
  source: 'test',
  checks: [
    {
      kind: 'participation',
      dimension: 'headcount',
      threshold: { numerator: 1, denominator: 2 },
      comparison: 'inclusive',
    },
  ],
};

const options = [
  { id: 'lift', label: '加装电梯' },
  { id: 'bikes', label: '非机动车棚' },
  { id: 'garden', label: '屋顶花园' },
];

async function openDotVote(extra: Record<string, unknown> = {}) {
  const setup = await building96();
  await must(
    setup.governance,
    {
      type: 'motion.draft',
      id: 'm',
      title: 'Where should the fund go?',
      kind: 'dot',
      budget: 5,
      options,
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: halfTakePart,
      closesAt: '2026-12-20T10:00:00Z',
      ...extra,
    },
    { type: 'motion.open', motionId: 'm' },
  );
  return setup;
}

const dot = (points: Record<string, number>) => ({
  type: 'ballot.cast',
  motionId: 'm',
  voterId: 'o101',
  points,
});
const points = (...p: number[]): BallotChoice => ({ kind: 'dot', points: p });

describe('dot voting: a ballot spreads up to the budget', () => {
  it('records a ballot within the budget, with its points by option', async () => {
    const { governance } = await openDotVote();
    await must(governance, dot({ lift: 3, bikes: 0, garden: 2 }));
    expect(governance.ballots('m')).toMatchObject([{ voterId: 'o101', choice: points(3, 0, 2) }]);
    expect(governance.tally('m')?.options.map((o) => o.votes)).toEqual([3, 0, 2]);
  });

  it.each([
    ['more points than the budget', dot({ lift: 4, bikes: 2, garden: 0 }), 'ballot.over_budget', ['points']],
    ['a negative number of points', dot({ lift: -1, bikes: 3, garden: 0 }), undefined, ['points', 'lift']],
    ['an option left out', dot({ lift: 3, bikes: 2 }), 'ballot.points_incomplete', ['points']],
    [
      'an option that does not exist',
      dot({ lift: 1, bikes: 1, garden: 1, pool: 1 }),
      'ballot.unknown_option',
      ['points', 'pool'],
    ],
    [
      'another kind’s field',
      { type: 'ballot.cast', motionId: 'm', voterId: 'o101', scores: { lift: 1, bikes: 1, garden: 1 } },
      'ballot.wrong_shape',
      ['points'],
    ],
  ])(
    'refuses %s with a typed error in both languages, and appends nothing',
    async (_name, command, code, path) => {
      const { governance, store } = await openDotVote();
      const before = await store.read();
      const result = await governance.execute(command);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (code) expect(result.error.code).toBe(code);
      expect(result.error.path).toEqual(path);
      expect(result.error.message['zh-CN']).not.toBe(result.error.message.en);
      expect(await store.read()).toEqual(before);
    },
  );

  it('says how far over the budget a ballot is', async () => {
    const { governance } = await openDotVote();
    const result = await governance.execute(dot({ lift: 4, bikes: 2, garden: 1 }));
    expect(result.ok || result.error.message).toEqual({
      'zh-CN': '每人最多 5 点，这张选票用了 7 点',
      en: 'Each voter has 5 points; this ballot spends 7',
    });
  });

  it('gives every voter ten points when the motion names no budget', async () => {
    const { governance } = await openDotVote({ budget: undefined });
    await must(governance, dot({ lift: 10, bikes: 0, garden: 0 }));
    const over = await governance.execute(dot({ lift: 10, bikes: 1, garden: 0 }));
    expect(over.ok || over.error.params).toEqual({ budget: 10, spent: 11 });
  });

  it('refuses a rule that counts votes in favour: points are not a yes', async () => {
    const setup = await building96();
    const result = await setup.governance.execute({
      type: 'motion.draft',
      title: 'T',
      kind: 'dot',
      options,
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'civilCode278.ordinary',
      closesAt: '2026-12-20T10:00:00Z',
    });
    expect(result.ok || result.error.code).toBe('motion.rule_not_applicable');
  });

  it('exports a ballot with its points by option id', async () => {
    const { governance } = await openDotVote();
    await must(governance, dot({ lift: 1, bikes: 4, garden: 0 }));
    const motion = governance.motions.value.find((m) => m.id === 'm');
    const tally = governance.tally('m');
    if (!motion || !tally) throw new Error('no motion');
    const exported = exportMotion(motion, governance.ballots('m'), tally);
    expect(exported.ballots[0]?.choice).toEqual({ points: { lift: 1, bikes: 4, garden: 0 } });
  });
});

describe('dot voting: the count', () => {
  it('gives each option the sum of its points, and the most points wins', () => {
    const ballot = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.option(ballot, { nil: null }), { minLength: 1, maxLength: 12 }), (cast) => {
        const ballots = cast.map((p) => (p ? points(...p) : null));
        const entry = motionState(voters(ballots.length), ballots, {
          kind: 'dot',
          options: 3,
          rule: halfTakePart,
          tieBreak: 'lottery',
        });
        const tally = tallyMotion(entry, { now: beforeClose });
        const sums = [0, 1, 2].map((c) => cast.reduce((s, p) => s + (p?.[c] ?? 0), 0));
        expect(tally.options.map((o) => o.votes)).toEqual(sums);
        expect(tally.votedVoters).toBe(cast.filter((p) => p !== null).length);
        const best = Math.max(...sums);
        if (best === 0) expect(tally.winners).toEqual([]);
        else expect(sums[Number(tally.winners[0]?.slice(1))]).toBe(best);
      }),
    );
  });

  it('reports a tie for the most points, or draws by lot when the motion asks', () => {
    const ballots = [points(2, 1, 0), points(0, 1, 2), points(1, 0, 1)];
    const shape = { kind: 'dot', options: 3, rule: halfTakePart, status: 'closed' } as const;
    const reported = tallyMotion(motionState(voters(3), ballots, shape), { now: beforeClose });
    expect(reported).toMatchObject({ outcome: 'tied', winners: ['c0', 'c2'], lottery: false });
    const drawn = tallyMotion(motionState(voters(3), ballots, { ...shape, tieBreak: 'lottery' }), {
      now: beforeClose,
    });
    expect(drawn).toMatchObject({ outcome: 'passed', lottery: true });
    expect(['c0', 'c2']).toContain(drawn.winners[0]);
  });

  it('explains the count in both languages', () => {
    const entry = motionState(voters(3), [points(3, 1, 0), points(2, 0, 3), null], {
      kind: 'dot',
      options: 3,
      rule: halfTakePart,
    });
    const withBudget = { ...entry, motion: { ...entry.motion, budget: 5 } };
    expect(explainCount(withBudget.motion, tallyMotion(withBudget, { now: beforeClose }))).toEqual({
      'zh-CN': '点数投票（每人 5 点）：C0 5 点、C1 1 点、C2 3 点；领先：C0',
      en: 'Dot vote (5 points each): C0 5 points, C1 1 point, C2 3 points; ahead: C0',
    });
  });
});
