import { describe, expect, it } from 'vitest';
import { LinliException } from '../errors/linli-error.js';
import { checkBudgetInput, checkEqualSharesOptions } from './budget-input.js';
import { equalShares } from './equal-shares.js';
import { greedyByApprovals, type Project } from './participatory.js';

const projects: Project[] = [
  { id: 'shelter', name: '车棚', cost: 6_000 },
  { id: 'garden', name: '花园', cost: 24_000 },
];
const ballots = [['shelter'], ['garden', 'shelter']];

/** The typed error both selections throw, before computing anything. */
function refusal(ps: readonly Project[], bs: readonly (readonly string[])[], budget: number) {
  const errors = [() => equalShares(ps, bs, budget), () => greedyByApprovals(ps, bs, budget)].map((run) => {
    try {
      run();
    } catch (e) {
      if (e instanceof LinliException) return { code: e.error.code, path: e.error.path };
      throw e;
    }
    return null;
  });
  expect(errors[0]).toEqual(errors[1]);
  return errors[0];
}

describe('participatory budgeting refuses bad input', () => {
  it('a project costing −10, 0 or half a fen is refused, not funded', () => {
    for (const cost of [-10, 0, 0.5, Number.NaN]) {
      const bad = [projects[0] as Project, { id: 'minus', name: 'minus', cost }];
      expect(refusal(bad, [['minus'], ['minus', 'shelter']], 30_000)).toEqual({
        code: Number.isNaN(cost) ? 'validation.invalid_type' : 'participatory.bad_cost',
        path: ['projects', 1, 'cost'],
      });
    }
  });

  it('a ballot naming an unknown project is refused, not ignored', () => {
    expect(refusal(projects, [['shelter'], ['garden', 'pool']], 30_000)).toEqual({
      code: 'participatory.unknown_project',
      path: ['ballots', 1, 1],
    });
  });

  it('a negative or fractional budget is refused', () => {
    expect(refusal(projects, ballots, -1)).toEqual({ code: 'participatory.bad_budget', path: ['budget'] });
    expect(refusal(projects, ballots, 10.5)).toEqual({ code: 'participatory.bad_budget', path: ['budget'] });
  });

  it('the same project id twice is refused', () => {
    const twice = [...projects, { id: 'garden', name: '花园二', cost: 100 }];
    expect(refusal(twice, ballots, 30_000)).toEqual({
      code: 'participatory.duplicate_project',
      path: ['projects', 2, 'id'],
    });
  });

  it('a ballot approving more projects than the motion allows is refused, with every problem listed', () => {
    const result = checkBudgetInput({
      projects,
      ballots: [
        ['shelter', 'garden'],
        ['shelter', 'ghost'],
      ],
      budget: 30_000,
      maxApprovals: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'participatory.ballot_too_long', path: ['ballots', 0] });
    expect(result.error.message.en).toBe('A ballot may approve at most 1 projects; this one approves 2');
    expect(result.error.message['zh-CN']).toBe('每张选票最多选 1 个项目，这张选了 2 个');
    expect(result.error.issues?.map((i) => i.code)).toEqual([
      'participatory.ballot_too_long',
      'participatory.unknown_project',
      'participatory.ballot_too_long',
    ]);
    expect(checkBudgetInput({ projects, ballots, budget: 30_000, maxApprovals: 2 }).ok).toBe(true);
  });

  it('bad options are refused with a code and a path', () => {
    const step = checkEqualSharesOptions({ addOneStep: 0 });
    expect(step.ok ? null : [step.error.code, step.error.path]).toEqual([
      'participatory.bad_step',
      ['addOneStep'],
    ]);
    const utilities = checkEqualSharesOptions({ utilities: 'welfare' });
    expect(utilities.ok ? null : [utilities.error.code, utilities.error.path]).toEqual([
      'validation.invalid_value',
      ['utilities'],
    ]);
    expect(() => equalShares(projects, ballots, 30_000, { addOneStep: -1 })).toThrow(LinliException);
  });
});
