import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EqualSharesOptions, equalShares } from './equal-shares.js';
import type { Project } from './participatory.js';

// The worked examples of the README's "which Method of Equal Shares" section, row by row: the table is
// read from the README, so the documentation cannot drift from what the code computes.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function table(name: string): string[][] {
  const start = readme.indexOf(`<!-- mes-example: ${name} -->`);
  expect(start).toBeGreaterThan(0);
  const lines = readme.slice(start).split('\n').slice(2);
  const end = lines.findIndex((line) => !line.startsWith('|'));
  const rows = lines.slice(0, end);
  return rows.slice(2).map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim().replaceAll('`', '')),
  );
}

const yuan = (n: number) => n * 100;

function check(
  projects: Project[],
  approvals: string[][],
  budget: number,
  rows: string[][],
  options: (value: string) => EqualSharesOptions,
): void {
  expect(rows.length).toBeGreaterThan(1);
  for (const [value, funded, spent] of rows) {
    const result = equalShares(projects, approvals, budget, options(value as string));
    const names = result.funded.map((id) => projects.find((p) => p.id === id)?.name);
    expect([value, names.join(', '), result.spent]).toEqual([value, funded, yuan(Number(spent))]);
  }
}

describe('README: the Method of Equal Shares worked examples', () => {
  it('cost or approval utilities', () => {
    const projects = [
      { id: 'playground', name: 'playground', cost: yuan(300) },
      { id: 'shelter', name: 'shelter', cost: yuan(60) },
    ];
    const approvals = [['playground', 'shelter'], ['playground', 'shelter'], ['playground']];
    check(projects, approvals, yuan(300), table('utilities'), (utilities) => ({
      utilities: utilities as 'cost' | 'approval',
    }));
  });

  it('completion', () => {
    const projects = [
      { id: 'garden', name: 'garden', cost: yuan(240) },
      { id: 'bench', name: 'bench', cost: yuan(150) },
      { id: 'reading', name: 'reading corner', cost: yuan(130) },
    ];
    const approvals = [['garden', 'bench'], ['garden', 'bench'], ['garden'], ['reading']];
    check(projects, approvals, yuan(400), table('completion'), (completion) => ({
      completion: completion as EqualSharesOptions['completion'] & string,
    }));
    // What the prose says: the garden costs each of its supporters ¥80, and add-one ends at ¥130 each.
    const addOne = equalShares(projects, approvals, yuan(400));
    expect(addOne.outcomes.find((o) => o.projectId === 'garden')?.maxPayment).toBe('8000');
    expect(addOne.endowment).toBe('13000');
    expect(addOne.uncompleted).toEqual({ funded: ['garden'], spent: yuan(240) });
  });
});
