import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateColumns, writeBallot } from './columns.js';
import type { Motion, Voter } from './motion.js';
import { type DecisionRule, rulePresets } from './rules.js';
import type { MotionState } from './state.js';
import { tallyMotion } from './tally.js';

type Answer = 'yes' | 'no' | 'abstain' | 'block' | null;
const now = new Date('2026-11-29T00:00:00Z');
const seed = '0'.repeat(64);

function motionState(
  voters: Voter[],
  rule: DecisionRule,
  allowChange: boolean,
  mustConsent: string[],
  ballots: Answer[],
  status: Motion['status'],
): MotionState {
  const motion: Motion = {
    id: 'm',
    organizer: 'o',
    title: 't',
    body: '',
    kind: 'proposal',
    options: [],
    allowBlock: true,
    scope: { kind: 'community' },
    basis: 'owners',
    rule,
    mustConsent,
    secrecy: 'public',
    showVoters: true,
    allowChange,
    proxyCap: 0,
    tieBreak: 'report',
    closesAt: '2027-01-01T00:00:00Z',
    status,
    amendments: [],
    electorate: voters,
  };
  const columns = allocateColumns('proposal', voters, 0);
  ballots.forEach((vote, i) => {
    if (vote) writeBallot(columns, i, { kind: 'proposal', vote });
  });
  return {
    motion,
    voterIndex: new Map(voters.map((v, i) => [v.id, i])),
    memberIndex: new Map(),
    ballots: new Map(),
    proxies: new Map(),
    pendingPapers: new Map(),
    columns,
  };
}

/** Every way the vote could still end: voters who have not voted may stay away or answer; others may change if allowed. */
function* completions(ballots: Answer[], allowChange: boolean): Generator<Answer[]> {
  const choices = (b: Answer): Answer[] =>
    b === null
      ? [null, 'yes', 'no', 'abstain', 'block']
      : allowChange
        ? ['yes', 'no', 'abstain', 'block']
        : [b];
  const walk = function* (k: number, acc: Answer[]): Generator<Answer[]> {
    if (k === ballots.length) {
      yield acc;
      return;
    }
    for (const c of choices(ballots[k] as Answer)) yield* walk(k + 1, [...acc, c]);
  };
  yield* walk(0, []);
}

const rules = Object.values(rulePresets) as DecisionRule[];

describe('decidedEarly', () => {
  it('is sound: when it says the outcome is settled, every way the vote can still go gives that outcome', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...rules),
        fc.boolean(),
        fc.array(fc.constantFrom<Answer>('yes', 'no', 'abstain', 'block', null, null, 'yes'), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (areas, rule, allowChange, answers, consentMask) => {
          const voters: Voter[] = areas.map((area, i) => ({
            id: `v${i}`,
            members: [],
            unitIds: [`u${i}`],
            area,
            custom: 0,
          }));
          const ballots = answers.slice(0, voters.length);
          // With changes allowed, keep the brute force small: at most 3 voters.
          fc.pre(!allowChange || voters.length <= 3);
          const mustConsent = voters.filter((_, i) => consentMask[i]).map((v) => v.unitIds[0] as string);
          const live = tallyMotion(motionState(voters, rule, allowChange, mustConsent, ballots, 'open'), {
            now,
            seed,
          });
          if (!live.decidedEarly) return;
          for (const ending of completions(ballots, allowChange)) {
            const final = tallyMotion(motionState(voters, rule, allowChange, mustConsent, ending, 'closed'), {
              now,
              seed,
            });
            expect(final.outcome).toBe(live.outcome);
          }
        },
      ),
    );
  });

  it('is not vacuous: it does settle outcomes before everyone has voted', () => {
    const voters: Voter[] = [1, 2, 3, 4].map((i) => ({
      id: `v${i}`,
      members: [],
      unitIds: [`u${i}`],
      area: 100,
      custom: 0,
    }));
    const rule = rulePresets['civilCode278.major'];
    const passed = tallyMotion(motionState(voters, rule, false, [], ['yes', 'yes', 'yes', null], 'open'), {
      now,
      seed,
    });
    expect(passed).toMatchObject({ outcome: 'passed', decidedEarly: true });
    const failed = tallyMotion(motionState(voters, rule, false, [], ['no', 'no', null, null], 'open'), {
      now,
      seed,
    });
    expect(failed).toMatchObject({ outcome: 'failed', decidedEarly: true });
    const open = tallyMotion(motionState(voters, rule, true, [], ['yes', 'yes', 'yes', null], 'open'), {
      now,
      seed,
    });
    expect(open).toMatchObject({ outcome: 'pending', decidedEarly: false });
  });
});
