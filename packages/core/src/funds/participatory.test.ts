import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalShares } from './equal-shares.js';
import { greedyByApprovals, type Project } from './participatory.js';

describe('participatory budgeting', () => {
  // The proportionality example of the Method of Equal Shares literature (Peters & Skowron; Wikipedia):
  // 51 voters back 10 red projects, 49 back 10 blue ones, and the budget buys 10.
  const projects: Project[] = [
    ...Array.from({ length: 10 }, (_, i) => ({ id: `red${i}`, name: `红${i}`, cost: 10_000 })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `blue${i}`, name: `蓝${i}`, cost: 10_000 })),
  ];
  const approvals = [
    ...Array.from({ length: 51 }, () => projects.filter((p) => p.id.startsWith('red')).map((p) => p.id)),
    ...Array.from({ length: 49 }, () => projects.filter((p) => p.id.startsWith('blue')).map((p) => p.id)),
  ];

  it('greedy by approvals gives the 51% everything', () => {
    const result = greedyByApprovals(projects, approvals, 100_000);
    expect(result.funded.filter((id) => id.startsWith('red'))).toHaveLength(10);
    expect(result.spent).toBe(100_000);
    expect(result.outcomes.find((o) => o.projectId === 'blue0')?.reason.en).toBe(
      '¥100.00 exceeds the remaining ¥0.00',
    );
  });

  it('equal shares gives 5 red and 5 blue, and explains each choice', () => {
    const result = equalShares(projects, approvals, 100_000);
    expect(result.funded.filter((id) => id.startsWith('red'))).toHaveLength(5);
    expect(result.funded.filter((id) => id.startsWith('blue'))).toHaveLength(5);
    expect(result.spent).toBe(100_000);
    // Each red supporter starts with ¥10 (plus the completion's raise) and pays 100/51 per project.
    expect(result.outcomes.find((o) => o.projectId === 'red0')).toMatchObject({
      funded: true,
      round: 1,
      maxPayment: '10000/51',
    });
    for (const o of result.outcomes) {
      expect(o.reason['zh-CN'].length).toBeGreaterThan(0);
      expect(o.reason.en.length).toBeGreaterThan(0);
    }
  });

  it('never spends more than the budget, and funds in consecutive rounds', () => {
    const small = fc.record({
      costs: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 6 }),
      budget: fc.integer({ min: 0, max: 100_000 }),
      voters: fc.array(fc.array(fc.nat({ max: 5 }), { maxLength: 4 }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(small, ({ costs, budget, voters }) => {
        const ps = costs.map((cost, i) => ({ id: `p${i}`, name: `p${i}`, cost }));
        const sets = voters.map((v) => v.filter((i) => i < ps.length).map((i) => `p${i}`));
        for (const result of [equalShares(ps, sets, budget), greedyByApprovals(ps, sets, budget)]) {
          expect(result.spent).toBeLessThanOrEqual(budget);
          expect(result.outcomes).toHaveLength(ps.length);
          const rounds = result.outcomes
            .filter((o) => o.funded)
            .map((o) => o.round as number)
            .sort((a, b) => a - b);
          expect(rounds).toEqual(rounds.map((_, i) => i + 1));
        }
      }),
      // Not one of the stated guarantees G1–G8; each case runs the method up to 300 times.
      { numRuns: 300 },
    );
  });
});
