import { describe, expect, expectTypeOf, it } from 'vitest';
import { beforeClose, motionState, voters } from '../../../test/motion-state.js';
import type { MotionKind } from '../motion.js';
import { tallyMotion } from '../tally.js';
import { approvalMethod } from './approval-method.js';
import { countExplainers, explainCount } from './explainers.js';
import type { CastCommand, CountExplainer } from './method.js';
import {
  countingMethods,
  type MethodId,
  type MethodRegistry,
  methodOf,
  readBallot,
  shapeOf,
} from './registry.js';

describe('the counting-method registry', () => {
  it('has a method for every kind and ranked method, each with its own ballot kind', () => {
    for (const [id, method] of Object.entries(countingMethods)) {
      const ranked = ['irv', 'schulze', 'rankedPairs', 'stv'].includes(id);
      expect(method.shape.kind).toBe(ranked ? 'ranked' : id);
    }
    expect(methodOf({ kind: 'ranked', method: 'stv' })).toBe(countingMethods.stv);
    expect(methodOf({ kind: 'ranked' })).toBeUndefined();
  });

  it('does not compile when a method is missing or counts another kind of ballot', () => {
    const { stv: _stv, ...withoutStv } = countingMethods;
    // @ts-expect-error a method id without a counting method is a compile error
    withoutStv satisfies MethodRegistry;
    // @ts-expect-error an approval count registered as plurality reads the wrong ballots
    ({ ...countingMethods, single: approvalMethod }) satisfies MethodRegistry;
    const { dot: _dot, ...unexplained } = countExplainers;
    // @ts-expect-error a method without an explanation of its count is a compile error too
    unexplained satisfies { readonly [Id in MethodId]: CountExplainer };
    expectTypeOf<MethodId>().toEqualTypeOf<
      'proposal' | 'single' | 'approval' | 'score' | 'dot' | 'irv' | 'schulze' | 'rankedPairs' | 'stv'
    >();
  });

  it('asks each kind for exactly its own field, and refuses another one with a typed error', () => {
    const fields = {
      proposal: 'vote',
      single: 'option',
      approval: 'options',
      score: 'scores',
      ranked: 'ranking',
    };
    for (const [kind, field] of Object.entries(fields) as [MotionKind, string][]) {
      expect(shapeOf(kind).field).toBe(field);
      const state = motionState(voters(3), [], { kind, method: 'irv' });
      const wrong = {
        type: 'ballot.cast',
        motionId: 'm',
        voterId: 'v0',
        ...(field === 'vote' ? { option: 'c0' } : { vote: 'yes' }),
      } as CastCommand;
      const result = readBallot(state.motion, wrong);
      expect(result.ok ? null : result.error.code).toBe('ballot.wrong_shape');
      expect(result.ok ? null : result.error.message.en).toContain(`"${field}"`);
    }
  });
});

describe('explaining a count', () => {
  it('names each option’s votes and who is ahead', () => {
    const state = motionState(
      voters(3),
      [{ kind: 'single', option: 1 }, { kind: 'single', option: 1 }, null],
      {
        kind: 'single',
      },
    );
    expect(explainCount(state.motion, tallyMotion(state, { now: beforeClose }))).toEqual({
      'zh-CN': '单选（得票最多者胜）：C0 0 票、C1 2 票；领先：C1',
      en: 'Plurality: C0 0 votes, C1 2 votes; ahead: C1',
    });
  });

  it('reports a tie as tied, or the lottery’s pick when the motion draws', () => {
    const ballots = [
      { kind: 'approval', options: [0] } as const,
      { kind: 'approval', options: [1] } as const,
    ];
    const reported = motionState(voters(2), ballots, { kind: 'approval', status: 'closed' });
    const tally = tallyMotion(reported, { now: beforeClose });
    expect(tally.outcome).toBe('tied');
    expect(explainCount(reported.motion, tally)?.en).toBe('Approval: C0 1 vote, C1 1 vote; C0 and C1 tie');
    const drawn = motionState(voters(2), ballots, {
      kind: 'approval',
      status: 'closed',
      tieBreak: 'lottery',
    });
    const drawnTally = tallyMotion(drawn, { now: beforeClose });
    const pick = drawn.motion.options.find((o) => o.id === drawnTally.winners[0])?.label;
    expect(explainCount(drawn.motion, drawnTally)).toEqual({
      'zh-CN': `赞成投票（可选多项）：C0 1 票、C1 1 票；平票，抽签决定：${pick}`,
      en: `Approval: C0 1 vote, C1 1 vote; tied, drawn by lot: ${pick}`,
    });
  });

  it('says nothing about the count of a proposal, or of a secret motion before close', () => {
    const state = motionState(voters(3), [{ kind: 'proposal', vote: 'yes' }]);
    expect(explainCount(state.motion, tallyMotion(state, { now: beforeClose }))).toBeNull();
    const open = motionState(voters(3), [{ kind: 'single', option: 0 }], { kind: 'single' });
    const secret = { ...open, motion: { ...open.motion, secrecy: 'secret' as const } };
    const tally = tallyMotion(secret, { now: beforeClose });
    expect(tally.hidden).toBe(true);
    expect(explainCount(secret.motion, tally)).toBeNull();
    expect(explainCount(open.motion, tallyMotion(open, { now: beforeClose }))).not.toBeNull();
  });
});
