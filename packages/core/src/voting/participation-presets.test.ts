import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { stairwellCommands } from '../testing/stairwell.js';
import { rulePresetsFor } from './rule-fit.js';
import { civilCode278, rulePresets } from './rules.js';

const closesAt = '2026-12-20T10:00:00Z';
const options = [
  { id: 'a', label: '方案甲' },
  { id: 'b', label: '方案乙' },
  { id: 'c', label: '方案丙' },
];

/** Every way a motion can be counted except a yes/no proposal, as the draft's fields. */
const winnerMethods = {
  single: { kind: 'single' },
  approval: { kind: 'approval' },
  score: { kind: 'score' },
  dot: { kind: 'dot' },
  irv: { kind: 'ranked', method: 'irv' },
  schulze: { kind: 'ranked', method: 'schulze' },
  rankedPairs: { kind: 'ranked', method: 'rankedPairs' },
  stv: { kind: 'ranked', method: 'stv', seats: 1 },
} as const;
type WinnerMethod = keyof typeof winnerMethods;

/** The methods whose counts have no total in favour: before these presets, no preset fitted them. */
const participationOnly = ['score', 'dot', 'schulze', 'rankedPairs', 'stv'] as const;
const participationPresets = ['civilCode278.participation', 'twoThirdsTurnout'] as const;

/** A ballot naming `a` first (or alone, or best) in the method's own field. */
function ballotForA(method: WinnerMethod): Record<string, unknown> {
  const kind = winnerMethods[method].kind;
  if (kind === 'single') return { option: 'a' };
  if (kind === 'approval') return { options: ['a'] };
  if (kind === 'score') return { scores: { a: 5, b: 1, c: 0 } };
  if (kind === 'dot') return { points: { a: 8, b: 2, c: 0 } };
  return { ranking: ['a', 'c', 'b'] };
}

/** One stairwell of units with the given areas (hundredths of m²), each with its owner and a household. */
async function stairwell(areas: readonly number[]) {
  const setup = await freshGovernance();
  await must(
    setup.governance,
    ...stairwellCommands({ households: areas.length, residents: true, area: (i) => areas[i] ?? 7500 }),
  );
  return setup;
}

const draft = (method: WinnerMethod, rule: string, basis = 'owners') => ({
  type: 'motion.draft',
  id: 'm',
  title: '外立面设计征询',
  scope: { kind: 'stairwell', id: 's1' },
  basis,
  rule,
  options,
  closesAt,
  ...winnerMethods[method],
});

describe('participation-only presets', () => {
  it('carry the Art. 278 participation thresholds exactly: two thirds, inclusive, by heads (and area)', () => {
    expect(civilCode278.participation.checks).toEqual(civilCode278.major.checks.slice(0, 2));
    expect(rulePresets.twoThirdsTurnout.checks).toEqual(civilCode278.major.checks.slice(0, 1));
    expect(civilCode278.participation.checks.map((c) => [c.kind, c.dimension])).toEqual([
      ['participation', 'headcount'],
      ['participation', 'area'],
    ]);
    expect(rulePresets['civilCode278.participation']).toBe(civilCode278.participation);
  });

  for (const preset of participationPresets)
    it.each(Object.keys(winnerMethods) as WinnerMethod[])(`${preset} is accepted for %s`, async (method) => {
      const { governance } = await stairwell([7500, 7500, 7500]);
      const drafted = await governance.execute(draft(method, preset));
      expect(drafted.ok || drafted.error).toBe(true);
    });

  it.each(participationOnly)('the approval presets are still refused for %s', async (method) => {
    const { governance, store } = await stairwell([7500, 7500, 7500]);
    const before = (await store.read()).length;
    const drafted = await governance.execute(draft(method, 'civilCode278.major'));
    expect(drafted.ok || drafted.error.code).toBe('motion.rule_not_applicable');
    expect((await store.read()).length).toBe(before);
  });

  it.each([
    [
      'a yes/no proposal: turnout alone would pass it',
      'twoThirdsTurnout',
      'owners',
      'motion.rule_decides_nothing',
    ],
    ['a yes/no proposal by owners', 'civilCode278.participation', 'owners', 'motion.rule_decides_nothing'],
    ['area when residents vote', 'civilCode278.participation', 'residents', 'motion.dimension_unavailable'],
  ])('refuses %s', async (_what, rule, basis, code) => {
    const { governance, store } = await stairwell([7500, 7500, 7500]);
    const before = (await store.read()).length;
    const drafted = await governance.execute({
      type: 'motion.draft',
      title: 'T',
      kind: basis === 'residents' ? 'score' : 'proposal',
      ...(basis === 'residents' ? { options } : {}),
      scope: { kind: 'stairwell', id: 's1' },
      basis,
      rule,
      closesAt,
    });
    expect(drafted.ok || drafted.error.code).toBe(code);
    expect((await store.read()).length).toBe(before);
  });

  it('refuses a block rule where no ballot can block', async () => {
    const { governance } = await stairwell([7500, 7500, 7500]);
    const drafted = await governance.execute(draft('score', 'consent'));
    expect(drafted.ok || [drafted.error.code, drafted.error.path]).toEqual([
      'motion.block_not_available',
      ['rule', 'noBlock'],
    ]);
  });

  it('are what a wizard offers for score and ranked votes, and never for a proposal', () => {
    const ids = (kind: 'score' | 'ranked' | 'proposal', basis: 'owners' | 'residents') =>
      rulePresetsFor({ kind, basis }).map((r) => r.id);
    expect(ids('score', 'owners')).toEqual(['civilCode278.participation', 'twoThirdsTurnout']);
    expect(ids('ranked', 'owners')).toEqual(['civilCode278.participation', 'twoThirdsTurnout']);
    expect(ids('score', 'residents')).toEqual(['twoThirdsTurnout']);
    expect(ids('proposal', 'owners')).toEqual([
      'civilCode278.ordinary',
      'civilCode278.major',
      'simpleMajority',
      'twoThirds',
      'unanimity',
      'consent',
    ]);
    expect(rulePresetsFor({ kind: 'ranked', method: 'irv', basis: 'owners' }).length).toBe(
      Object.keys(rulePresets).length - 1,
    );
  });
});

/** Drafts and opens the motion, casts a ballot for `a` from each of `voters` owners, and closes it. */
async function voteAndClose(areas: readonly number[], voters: number, method: WinnerMethod, rule: string) {
  const { governance } = await stairwell(areas);
  const basis = rule === 'twoThirdsTurnout' ? 'households' : 'owners';
  await must(governance, draft(method, rule, basis), { type: 'motion.open', motionId: 'm' });
  // The units laid out first (as `stairwellCommands` numbers them) vote.
  const first = new Set(areas.slice(0, voters).map((_, i) => `u${Math.floor(i / 2) + 1}0${(i % 2) + 1}`));
  const roll = governance.motions.value[0]?.electorate ?? [];
  for (const voter of roll.filter((v) => v.unitIds.some((u) => first.has(u))))
    await must(governance, { type: 'ballot.cast', motionId: 'm', voterId: voter.id, ...ballotForA(method) });
  await must(governance, { type: 'motion.close', motionId: 'm' });
  return governance.motions.value[0]?.result;
}

const methodArb = fc.constantFrom(...(Object.keys(winnerMethods) as WinnerMethod[]));

describe('a full close: participation decides whether, the method decides who', () => {
  it('elects the method’s winner on a small electorate once two thirds took part', async () => {
    const result = await voteAndClose(
      [7500, 8000, 9000, 6000, 7000, 5500],
      4,
      'schulze',
      'civilCode278.participation',
    );
    expect(result).toMatchObject({ outcome: 'passed', winners: ['a'] });
  });

  it('by heads: exactly two thirds of the households passes, one short fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), methodArb, async (k, method) => {
        const areas = Array.from({ length: 3 * k }, () => 7500);
        const at = await voteAndClose(areas, 2 * k, method, 'twoThirdsTurnout');
        expect(at).toMatchObject({ outcome: 'passed', winners: ['a'] });
        const short = await voteAndClose(areas, 2 * k - 1, method, 'twoThirdsTurnout');
        expect(short?.outcome).toBe('failed');
      }),
      { numRuns: 12 },
    );
  });

  it('by area: participants holding exactly two thirds of the area pass, one hundredth of a m² short fails', async () => {
    // m owners stay away holding `away`; 2m + extra owners vote, holding exactly twice that between them.
    const setting = fc
      .record({
        away: fc.array(fc.integer({ min: 3000, max: 15000 }), { minLength: 1, maxLength: 3 }),
        extra: fc.integer({ min: 0, max: 2 }),
        cuts: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 8, maxLength: 8 }),
      })
      .map(({ away, extra, cuts }) => {
        const voters = 2 * away.length + extra;
        const total = 2 * away.reduce((s, a) => s + a, 0);
        // Split `total` into `voters` positive integer areas (the cut points only shape the split).
        const marks = cuts
          .slice(0, voters - 1)
          .map((c) => Math.round(c * total))
          .sort((x, y) => x - y);
        const parts = [...marks, total].map((mark, i) => mark - (i === 0 ? 0 : (marks[i - 1] as number)));
        const voting = parts.map((p) => Math.max(p, 1));
        const drift = voting.reduce((s, p) => s + p, 0) - total;
        const largest = voting.indexOf(Math.max(...voting));
        return { voting: voting.map((p, i) => (i === largest ? p - drift : p)), away };
      });
    await fc.assert(
      fc.asyncProperty(setting, methodArb, async ({ voting, away }, method) => {
        const rule = 'civilCode278.participation';
        const at = await voteAndClose([...voting, ...away], voting.length, method, rule);
        expect(at).toMatchObject({ outcome: 'passed', winners: ['a'] });
        // The same owners and total area, one hundredth of a m² moved from a voter to an absentee.
        const moved = voting.map((a, i) => (i === 0 ? a - 1 : a));
        const short = await voteAndClose(
          [...moved, (away[0] as number) + 1, ...away.slice(1)],
          voting.length,
          method,
          rule,
        );
        expect(short?.outcome).toBe('failed');
      }),
      { numRuns: 12 },
    );
  });
});
