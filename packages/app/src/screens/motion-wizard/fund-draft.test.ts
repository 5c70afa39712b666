import { describe, expect, it } from 'vitest';
import { askedVsBudget, fenOf, fundFields } from './fund-draft.ts';

describe('fenOf', () => {
  it.each([
    ['1200', 120_000],
    ['35.5', 3_550],
    ['0.29', 29],
    ['¥1,234.56', 123_456],
    ['￥ 8，000', 800_000],
    ['0.07', 7],
  ])('reads %s as %d fen exactly', (text, fen) => {
    expect(fenOf(text)).toBe(fen);
  });

  it.each(['', 'abc', '1.234', '1e3', '12..5'])('reads %j as no amount', (text) => {
    expect(fenOf(text)).toBeUndefined();
  });
});

describe('fundFields', () => {
  const options = [
    { id: 'o1', label: ' 长椅 ' },
    { id: 'o2', label: '路灯' },
    { id: 'o3', label: '车棚' },
  ];

  it('sends costs and the budget in fen, leaves an empty cost out and passes bad text on for the core to refuse', () => {
    const fund = { amount: '1000', selection: 'greedy' as const, costs: { o1: '300', o2: '', o3: 'x' } };
    expect(fundFields(fund, options)).toEqual({
      options: [
        { id: 'o1', label: '长椅', cost: 30_000 },
        { id: 'o2', label: '路灯' },
        { id: 'o3', label: '车棚', cost: 'x' },
      ],
      funding: { amount: 100_000, selection: 'greedy' },
    });
  });

  it('sends an empty budget as 0, for the core to refuse as no budget', () => {
    expect(fundFields({ amount: ' ', selection: 'equalShares', costs: {} }, []).funding).toEqual({
      amount: 0,
      selection: 'equalShares',
    });
  });

  it('totals what is asked against the budget, counting the projects still without a cost', () => {
    const fund = {
      amount: '1,000.50',
      selection: 'equalShares' as const,
      costs: { o1: '300.25', o2: '800' },
    };
    expect(askedVsBudget(fund, options)).toEqual({ asked: 110_025, budget: 100_050, uncosted: 1 });
  });
});
