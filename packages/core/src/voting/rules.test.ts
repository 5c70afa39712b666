import { describe, expect, it } from 'vitest';
import { fraction, meets } from '../numbers/fraction.js';
import { type DimensionTotals, evaluateCheck, type Totals } from './evaluate.js';
import { type Check, type DecisionRule, rulePresets } from './rules.js';

const zero: DimensionTotals = { eligible: 0, participating: 0, yes: 0 };

/** Totals where everyone eligible takes part and votes yes: every check of every preset holds. */
function unanimous(heads: number, area: number): Record<'headcount' | 'area' | 'custom', DimensionTotals> {
  return {
    headcount: { eligible: heads, participating: heads, yes: heads },
    area: { eligible: area, participating: area, yes: area },
    custom: zero,
  };
}

const ruleMet = (rule: DecisionRule, totals: Totals) =>
  rule.checks.every((c) => evaluateCheck(c, totals).met);

/** Moves one check's measured quantity to `value`, keeping the others satisfied. */
function withValue(check: Check, totals: Totals, value: number): Totals {
  const d = totals[check.dimension];
  const next = { ...totals } as Record<'headcount' | 'area' | 'custom', DimensionTotals>;
  // Participation: fewer take part (all of them still in favour). Approval: fewer in favour.
  next[check.dimension] =
    check.kind === 'participation' ? { ...d, participating: value, yes: value } : { ...d, yes: value };
  return next;
}

describe('presets carry their provenance', () => {
  it.each(Object.values(rulePresets))('$id', (rule) => {
    expect(rule.jurisdiction).toMatch(/\S/);
    expect(rule.version).toMatch(/\S/);
    expect(rule.source).toMatch(/\S/);
    expect(rule.name['zh-CN']).not.toBe(rule.name.en);
  });
  it('cite Art. 278 for the Civil Code presets', () => {
    expect(rulePresets['civilCode278.major'].source).toContain('278');
    expect(rulePresets['civilCode278.major'].jurisdiction).toBe('CN');
  });
});

describe('every preset exactly at, one unit below and one unit above each boundary', () => {
  // One stairwell of 24 owners holding 1,800.00 m² (the Civil Code Art. 278 worked example).
  const heads = 24;
  const area = 180000;
  for (const rule of Object.values(rulePresets) as DecisionRule[]) {
    for (const check of rule.checks) {
      it(`${rule.id}: ${check.kind} by ${check.dimension}`, () => {
        const base = unanimous(heads, area);
        const result = evaluateCheck(check, base);
        const t = fraction(check.threshold.numerator, check.threshold.denominator);
        const whole =
          check.kind === 'approval' && check.base === 'participating'
            ? base[check.dimension].participating
            : base[check.dimension].eligible;
        const required = result.required;
        // The boundary: the least value that meets it, and the one below that does not.
        expect(meets(required, whole, t, check.comparison)).toBe(true);
        if (required > 0) expect(meets(required - 1, whole, t, check.comparison)).toBe(false);
        // The whole rule at the boundary, below and above, with every other check satisfied.
        if (check.kind === 'approval' && check.base === 'participating' && required === 0) return;
        expect(ruleMet(rule, withValue(check, base, required))).toBe(true);
        if (required > 0) expect(ruleMet(rule, withValue(check, base, required - 1))).toBe(false);
        if (required < whole) expect(ruleMet(rule, withValue(check, base, required + 1))).toBe(true);
      });
    }
  }
});

describe('以上 is inclusive, 过半数 is strict', () => {
  it('exactly half in favour fails an ordinary matter; exactly 3/4 passes a major one', () => {
    const at = (yes: number, yesArea: number): Totals => ({
      headcount: { eligible: 24, participating: 24, yes },
      area: { eligible: 180000, participating: 180000, yes: yesArea },
      custom: zero,
    });
    expect(ruleMet(rulePresets['civilCode278.ordinary'], at(12, 90001))).toBe(false);
    expect(ruleMet(rulePresets['civilCode278.ordinary'], at(13, 90001))).toBe(true);
    expect(ruleMet(rulePresets['civilCode278.ordinary'], at(13, 90000))).toBe(false);
    expect(ruleMet(rulePresets['civilCode278.major'], at(18, 135000))).toBe(true);
    expect(ruleMet(rulePresets['civilCode278.major'], at(17, 135000))).toBe(false);
    expect(ruleMet(rulePresets['civilCode278.major'], at(18, 134999))).toBe(false);
  });

  it('reproduces the worked example: participation 16 / 1,200.00 m²; elevator approval 14 / 1,035.00 m² of 18 / 1,380.00 m²', () => {
    const major = rulePresets['civilCode278.major'];
    const totals = (participating: number, pArea: number, yes: number, yesArea: number): Totals => ({
      headcount: { eligible: 24, participating, yes },
      area: { eligible: 180000, participating: pArea, yes: yesArea },
      custom: zero,
    });
    const results = major.checks.map((c) => evaluateCheck(c, totals(18, 138000, 13, 103400)));
    expect(results.map((r) => [r.required, r.actual, r.met, r.missing])).toEqual([
      [16, 18, true, 0],
      [120000, 138000, true, 0],
      [14, 13, false, 1],
      [103500, 103400, false, 100],
    ]);
    // 2 more yes ballots from owners yet to vote would do it: (13 + 2) / (18 + 2) = 15/20 = 3/4.
    expect(results[2]?.newVotesNeeded).toBe(2);
    expect(ruleMet(major, totals(18, 138000, 14, 103500))).toBe(true);
    expect(ruleMet(major, totals(15, 138000, 15, 138000))).toBe(false); // only 15 of 24 took part
    expect(ruleMet(major, totals(16, 119999, 16, 119999))).toBe(false); // 1,199.99 m² is short of 2/3
  });

  it('unanimity of the eligible counts those who did not vote against it', () => {
    const totals: Totals = {
      headcount: { eligible: 10, participating: 9, yes: 9 },
      area: zero,
      custom: zero,
    };
    expect(ruleMet(rulePresets.unanimity, totals)).toBe(false);
  });
});
