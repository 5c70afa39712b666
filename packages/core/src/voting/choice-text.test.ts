import { describe, expect, it } from 'vitest';
import { ballotChoiceText } from './choice-text.js';
import type { Motion } from './motion.js';

const motion = { options: [{ label: '方案甲' }, { label: '方案乙' }] } as unknown as Motion;

describe('ballotChoiceText', () => {
  it('says a proposal answer in the given language, or in both for a file read by either', () => {
    expect(ballotChoiceText(motion, { kind: 'proposal', vote: 'yes' }, 'zh-CN')).toBe('同意');
    expect(ballotChoiceText(motion, { kind: 'proposal', vote: 'abstain' }, 'en')).toBe('abstain');
    expect(ballotChoiceText(motion, { kind: 'proposal', vote: 'no' })).toBe('反对 no');
  });

  it('names options by label in the ballot’s order', () => {
    expect(ballotChoiceText(motion, { kind: 'ranked', ranking: [1, 0] })).toBe('方案乙 > 方案甲');
    expect(ballotChoiceText(motion, { kind: 'score', scores: [5, 1] })).toBe('方案甲=5; 方案乙=1');
  });
});
