import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';

async function upkeep() {
  const setup = await building96();
  await must(
    setup.governance,
    { type: 'fund.open', id: 'upkeep', name: '电梯维保', budget: 1_200_000 },
    {
      type: 'charge.define',
      id: 'maint',
      fundId: 'upkeep',
      name: '电梯维保费',
      monthlyAmount: 100_000,
      scope: { kind: 'stairwell', id: 's1' },
      start: '2026-12',
    },
  );
  return setup;
}

describe('fund.income: the invoice reference and what the income offsets', () => {
  it('keeps the invoice number on the income entry, the offset target, and ties the related costs to it', async () => {
    const { governance } = await upkeep();
    await must(governance, {
      type: 'fund.income',
      fundId: 'upkeep',
      amount: 80_000,
      relatedCosts: 20_000,
      source: '电梯广告 2026-11',
      invoice: '代开 No. 3100262130 0012345',
      offset: { chargeId: 'maint' },
    });
    const [income, costs] = governance.read((s) => s.funds.entries.get('upkeep') ?? []);
    expect(income).toMatchObject({
      kind: 'income',
      amount: 80_000,
      reference: '代开 No. 3100262130 0012345',
      offset: { chargeId: 'maint' },
    });
    expect(costs).toMatchObject({ kind: 'expense', amount: 20_000, relatedTo: income?.id });
  });

  it('refuses an invoice reference that is not one line, and records nothing', async () => {
    const { governance } = await upkeep();
    const before = governance.head.value;
    const answer = await governance.execute({
      type: 'fund.income',
      fundId: 'upkeep',
      amount: 80_000,
      source: 'ads',
      invoice: 'a\nb',
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.path).toEqual(['invoice']);
    expect(governance.head.value).toEqual(before);
  });
});
