import type { Motion } from '@linli/core';
import { describe, expect, it } from 'vitest';
import type { MotionForHousehold } from './household-motions.js';
import { outcomeText } from './motion-outcome.js';

const closed = (motion: Partial<Motion>): MotionForHousehold => ({
  motion: { status: 'closed', kind: 'proposal', options: [], ...motion } as Motion,
  tally: undefined,
  mine: { motionId: 'm', seats: [], amendAs: [], inScope: true },
  room: () => undefined,
});

describe('outcomeText', () => {
  it('says a proposal’s outcome, a choice’s winners by label in order, and a cancellation', () => {
    const recorded = (outcome: 'passed' | 'failed' | 'tied', winners: string[] = []) => ({
      outcome,
      winners,
      seed: 's',
    });
    expect(outcomeText(closed({ result: recorded('passed') }), 'zh-CN')).toBe('通过');
    expect(outcomeText(closed({ result: recorded('failed') }), 'en')).toBe('Not passed');
    const options = [
      { id: 'w', label: '王老师' },
      { id: 'z', label: '赵大姐' },
    ];
    expect(
      outcomeText(closed({ kind: 'ranked', options, result: recorded('passed', ['z', 'w']) }), 'zh-CN'),
    ).toBe('当选/胜出：赵大姐、王老师');
    expect(outcomeText(closed({ kind: 'single', options, result: recorded('tied') }), 'zh-CN')).toBe('平局');
    expect(outcomeText(closed({ status: 'cancelled' }), 'en')).toBe('Cancelled');
  });
});
