import { describe, expect, it } from 'vitest';
import { beforeClose, motionState, voters } from '../../test/motion-state.js';
import { explainTally } from './explain.js';
import { type DecisionRule, rulePresets } from './rules.js';
import { tallyMotion } from './tally.js';

describe('nobody voting passes nothing', () => {
  it('the twoThirds preset fails when 0 of 3 vote', () => {
    const entry = motionState(voters(3), [null, null, null], {
      rule: rulePresets.twoThirds,
      status: 'closed',
    });
    const tally = tallyMotion(entry, { now: beforeClose });
    expect(tally.checks.map((c) => c.met)).toEqual([false]);
    expect(tally.outcome).toBe('failed');
  });

  it.each(Object.values(rulePresets) as DecisionRule[])('$id: no approval check is met by 0 of 0', (rule) => {
    const entry = motionState(voters(3), [null, null, null], { rule, status: 'closed' });
    const tally = tallyMotion(entry, { now: beforeClose });
    for (const c of tally.checks) if (c.check.kind === 'approval') expect(c.met).toBe(false);
    expect(tally.outcome).toBe('failed');
  });

  it('explains an unmet check over nobody as unmet, never "met (0 of 0)"', () => {
    const entry = motionState(voters(3), [null, null, null], { rule: rulePresets['civilCode278.major'] });
    const tally = tallyMotion(entry, { now: beforeClose });
    const explanation = explainTally(entry.motion, tally);
    const checkLines = explanation.lines.filter((l) => l.kind === 'check');
    expect(checkLines.map((l) => l.met)).toEqual([false, false, false, false]);
    for (const line of checkLines) {
      expect(line.text.en).not.toMatch(/— met$/);
      expect(line.text['zh-CN']).not.toMatch(/已达到$/);
    }
    expect(checkLines[2]?.text.en).toBe(
      'In favour (owners): nobody is taking part yet; needs at least 3/4 of those who do — not met',
    );
    expect(explanation.summary.en).toBe(
      'needs 2 more owners and 160.00 m² to take part; needs yes ballots from those yet to vote',
    );
  });
});
