import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BudgetTieBreak,
  type EqualSharesCompletion,
  type EqualSharesOptions,
  equalShares,
  type Utilities,
} from './equal-shares.js';
import { naiveEqualShares } from './equal-shares.test-support.js';
import type { Project } from './participatory.js';

// Small elections with many ties: costs from a short list as often as not, few voters.
const smallElection = fc
  .record({
    costs: fc.array(
      fc.oneof(fc.constantFrom(100, 200, 300, 600, 1_000, 2_500), fc.integer({ min: 1, max: 6_000 })),
      { minLength: 1, maxLength: 6 },
    ),
    budget: fc.integer({ min: 0, max: 30_000 }),
    ballots: fc.array(fc.array(fc.nat({ max: 5 }), { maxLength: 4 }), { maxLength: 12 }),
  })
  .map(({ costs, budget, ballots }) => {
    const projects: Project[] = costs.map((cost, i) => ({ id: `p${i}`, name: `p${i}`, cost }));
    const approvals = ballots.map((b) => b.filter((i) => i < projects.length).map((i) => `p${i}`));
    return { projects, approvals, budget };
  });

const utilities: Utilities[] = ['cost', 'approval'];
const completions: EqualSharesCompletion[] = ['none', 'add-one', 'then-greedy', 'add-one-then-greedy'];
const starts = ['whole-yuan', 'exact'] as const;
const tieRules = fc.constantFrom<BudgetTieBreak[]>(
  [],
  ['min-cost', 'max-votes'],
  ['max-votes'],
  ['max-cost', 'max-votes'],
);

describe('the Method of Equal Shares agrees with its naive transcription', () => {
  it('for every option combination on random small elections: exact, and the same as trying every add-one step', () => {
    fc.assert(
      fc.property(
        smallElection,
        tieRules,
        fc.constantFrom(50, 100, 250),
        ({ projects, approvals, budget }, tieBreaking, addOneStep) => {
          for (const u of utilities)
            for (const completion of completions)
              for (const addOneStart of starts) {
                const options: EqualSharesOptions = {
                  utilities: u,
                  completion,
                  addOneStart,
                  tieBreaking,
                  addOneStep,
                };
                const fast = equalShares(projects, approvals, budget, options);
                const naive = naiveEqualShares(projects, approvals, budget, options);
                expect(fast.funded).toEqual(naive.funded);
                expect(fast.uncompleted.funded).toEqual(naive.uncompleted);
                expect(fast.endowment).toBe(naive.endowment);
                const paid = Object.fromEntries(
                  fast.outcomes.flatMap((o) => (o.maxPayment ? [[o.projectId, o.maxPayment]] : [])),
                );
                expect(paid).toEqual(naive.maxPayment);
                expect(fast.spent).toBeLessThanOrEqual(budget);
              }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on add-one runs of many small steps, resuming each raised run part-way gives what trying every step gives', () => {
    // Steps of a few fen against costs of hundreds of yuan: the share rises through hundreds of steps,
    // and the fast path raises each run from a round in its middle instead of running it again.
    const manySteps = fc
      .record({
        costs: fc.array(fc.integer({ min: 50, max: 400 }), { minLength: 3, maxLength: 7 }),
        ballots: fc.array(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 4 }), {
          minLength: 4,
          maxLength: 24,
        }),
        share: fc.integer({ min: 5, max: 40 }),
      })
      .map(({ costs, ballots, share }) => {
        const projects: Project[] = costs.map((cost, i) => ({
          id: `p${i}`,
          name: `p${i}`,
          cost: cost * 100,
        }));
        const approvals = ballots.map((b) => b.filter((i) => i < projects.length).map((i) => `p${i}`));
        return { projects, approvals, budget: share * 100 * approvals.length };
      });
    let longest = 0;
    fc.assert(
      fc.property(
        manySteps,
        fc.constantFrom(7, 13, 29),
        fc.constantFrom(...utilities),
        fc.constantFrom(...starts),
        ({ projects, approvals, budget }, addOneStep, u, addOneStart) => {
          const options: EqualSharesOptions = {
            utilities: u,
            addOneStart,
            addOneStep,
            completion: 'add-one',
          };
          const fast = equalShares(projects, approvals, budget, options);
          const naive = naiveEqualShares(projects, approvals, budget, options);
          expect([fast.funded, fast.endowment]).toEqual([naive.funded, naive.endowment]);
          const paid = Object.fromEntries(
            fast.outcomes.flatMap((o) => (o.maxPayment ? [[o.projectId, o.maxPayment]] : [])),
          );
          expect(paid).toEqual(naive.maxPayment);
          const [n, d = '1'] = fast.endowment.split('/');
          longest = Math.max(
            longest,
            Number(n) / Number(d) / addOneStep - budget / approvals.length / addOneStep,
          );
        },
      ),
      { numRuns: 400 },
    );
    // The property did exercise long raises, not only elections that stop at once.
    expect(longest).toBeGreaterThan(100);
  });

  it('skips no add-one step at which another project would overtake a winner', () => {
    // Found by the property above with the step-skipping checks on ρ comparisons left out.
    const costs = [1, 600, 228, 1_359, 1, 1_243];
    const projects = costs.map((cost, i) => ({ id: `p${i}`, name: `p${i}`, cost }));
    const approvals = [
      ['p2', 'p5'],
      ['p2', 'p5', 'p3'],
      ['p1', 'p3', 'p0'],
      [],
      ['p5', 'p3', 'p0', 'p1'],
      ['p2'],
    ];
    for (const u of utilities)
      for (const addOneStart of starts) {
        const options: EqualSharesOptions = { utilities: u, addOneStart, tieBreaking: [], addOneStep: 50 };
        const fast = equalShares(projects, approvals, 2_272, options);
        const naive = naiveEqualShares(projects, approvals, 2_272, options);
        expect([fast.funded, fast.endowment]).toEqual([naive.funded, naive.endowment]);
      }
  });
});

describe('the Method of Equal Shares decides near ties exactly', () => {
  it('funds the project that is cheaper by one fen in forty thousand billion yuan, too close for the doubles', () => {
    // ρ of the two differ by 1/3 fen in about 1.3·10¹⁵, well inside the error bounds of their doubles,
    // so the comparison falls back to exact arithmetic; a tie would go to the dearer one by option order.
    const projects: Project[] = [
      { id: 'dear', name: 'dear', cost: 4_000_000_000_000_001 },
      { id: 'cheap', name: 'cheap', cost: 4_000_000_000_000_000 },
    ];
    const approvals = [
      ['dear', 'cheap'],
      ['dear', 'cheap'],
      ['dear', 'cheap'],
    ];
    for (const completion of ['none', 'add-one'] as const) {
      const options: EqualSharesOptions = { utilities: 'approval', tieBreaking: [], completion };
      const fast = equalShares(projects, approvals, 4_000_000_000_000_001, options);
      expect(fast.funded).toEqual(['cheap']);
      expect(fast.funded).toEqual(
        naiveEqualShares(projects, approvals, 4_000_000_000_000_001, options).funded,
      );
    }
  });
});
