import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beforeClose, motionState, voters } from '../../test/motion-state.js';
import { evaluateCheck, type Totals } from './evaluate.js';
import { explainTally } from './explain.js';
import { checkHint } from './hints.js';
import type { BallotChoice } from './motion.js';
import { type DecisionRule, rulePresets } from './rules.js';
import { tallyMotion } from './tally.js';

type Answer = 'yes' | 'no' | 'abstain' | null;
const answers: readonly Answer[] = [null, 'yes', 'no', 'abstain'];
const choice = (a: Answer): BallotChoice | null => (a ? { kind: 'proposal', vote: a } : null);

/** Every way the vote could still end: voters yet to vote may answer; others may change where allowed. */
function* completions(ballots: readonly Answer[], allowChange: boolean): Generator<Answer[]> {
  if (ballots.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = ballots as [Answer, ...Answer[]];
  const options: readonly Answer[] = first === null ? answers : allowChange ? answers.slice(1) : [first];
  for (const tail of completions(rest, allowChange)) for (const a of options) yield [a, ...tail];
}

function totalsOf(areas: readonly number[], ballots: readonly Answer[]): Totals {
  let participating = 0;
  let yes = 0;
  let areaIn = 0;
  let areaYes = 0;
  ballots.forEach((b, i) => {
    if (b === null) return;
    participating++;
    areaIn += areas[i] as number;
    if (b === 'yes') {
      yes++;
      areaYes += areas[i] as number;
    }
  });
  const eligibleArea = areas.reduce((s, a) => s + a, 0);
  return {
    headcount: { eligible: areas.length, participating, yes },
    area: { eligible: eligibleArea, participating: areaIn, yes: areaYes },
    custom: { eligible: 0, participating: 0, yes: 0 },
  };
}

const presets = Object.values(rulePresets).filter((r) => r.id !== 'consent') as DecisionRule[];

describe('explanations suggest only what can still happen', () => {
  it('a closed motion whose owners all abstained names no way to pass', () => {
    // Three owners holding 270.00 m² together, every one abstaining.
    const entry = motionState(
      voters(3, [9000, 9000, 9000]),
      (['abstain', 'abstain', 'abstain'] as const).map(choice),
      {
        rule: rulePresets['civilCode278.major'],
        status: 'closed',
      },
    );
    const tally = tallyMotion(entry, { now: beforeClose });
    const text = explainTally(entry.motion, tally).lines.map((l) => l.text.en);
    for (const line of text) expect(line).not.toMatch(/yet to vote/);
    expect(text.join('\n')).not.toContain('810.00');
  });

  it('an open motion never asks for more weight than has yet to vote', () => {
    // Two of three owners voted no under twoThirds; one owner is left, and 2 yes ballots would be needed.
    const entry = motionState(voters(3), (['no', 'no', null] as const).map(choice), {
      rule: rulePresets.twoThirds,
      allowChange: false,
    });
    const tally = tallyMotion(entry, { now: beforeClose });
    const explanation = explainTally(entry.motion, tally);
    expect(explanation.lines[0]?.text.en).toBe(
      'In favour (owners): 0 of the 2 taking part; needs at least 2/3, i.e. 2 owners — 2 owners short (new ballots alone can no longer meet it)',
    );
    // No completion can pass it, so the outcome is already certain rather than a list of needs.
    expect(explanation.summary.en).toBe('The motion failed');
  });

  it('every hint is achievable by some completion of the ballots (brute force, small electorates)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...answers), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(...presets),
        fc.boolean(),
        (areas, all, rule, allowChange) => {
          const ballots = all.slice(0, areas.length);
          const entry = motionState(voters(areas.length, areas), ballots.map(choice), { rule, allowChange });
          const tally = tallyMotion(entry, { now: beforeClose });
          const futures = [...completions(ballots, allowChange)].map((b) => totalsOf(areas, b));
          for (const result of tally.checks) {
            const hint = checkHint(result, tally.totals, allowChange);
            if (result.met) {
              expect(hint).toBeNull();
              continue;
            }
            const reachable = futures.some((t) => evaluateCheck(result.check, t).met);
            expect(hint?.reachable ?? false).toBe(reachable);
            if (!hint?.reachable) continue;
            const t = tally.totals[result.check.dimension];
            const movable = t.eligible - t.participating + (allowChange ? t.participating - t.yes : 0);
            expect(hint.needs).toBeGreaterThan(0);
            expect(hint.needs).toBeLessThanOrEqual(movable);
            if (hint.newBallots !== null) {
              // That much yes weight from those yet to vote, and no change, meets it.
              expect(hint.newBallots).toBeLessThanOrEqual(t.eligible - t.participating);
              const everyoneLeftSaysYes = ballots.map((b) => b ?? 'yes');
              expect(evaluateCheck(result.check, totalsOf(areas, everyoneLeftSaysYes)).met).toBe(true);
            }
          }
          const closed = motionState(voters(areas.length, areas), ballots.map(choice), {
            rule,
            allowChange,
            status: 'closed',
          });
          const after = explainTally(closed.motion, tallyMotion(closed, { now: beforeClose }));
          for (const line of after.lines) expect(line.text.en).not.toMatch(/yet to vote|no longer/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
