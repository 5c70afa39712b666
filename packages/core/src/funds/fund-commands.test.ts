import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import type { LocalDate } from '../time/local-date.js';
import { summarizeLedger } from './ledger.js';

async function fund() {
  const setup = await building96();
  await must(
    setup.governance,
    {
      type: 'scheme.define',
      id: 'eq',
      name: '平均',
      scope: { kind: 'stairwell', id: 's1' },
      basis: { kind: 'equal' },
    },
    { type: 'fund.open', id: 'f', name: '公共维修', budget: 1_200_000 },
    { type: 'fund.open', id: 'g', name: '备用金', budget: 0 },
    { type: 'fund.pledge', fundId: 'f', schemeId: 'eq', cost: 1_200_000, due: '2026-12-31' },
  );
  return setup;
}

describe('funds: bad input gets a typed error and changes nothing', () => {
  it.each([
    [
      'a negative amount',
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: -5 },
      'validation.too_small',
      ['amount'],
    ],
    [
      'a fractional amount',
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 10.5 },
      'validation.not_integer',
      ['amount'],
    ],
    [
      'an unknown unit',
      { type: 'fund.pay', fundId: 'f', unitId: 'u999', amount: 100 },
      'fund.unknown_unit',
      ['unitId'],
    ],
    [
      'an unknown fund',
      { type: 'fund.expense', fundId: 'zz', amount: 100, receipt: 'r', description: 'd' },
      'entity.not_found',
      ['fundId'],
    ],
    [
      'overpaying without saying so',
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 100_001 },
      'fund.overpayment',
      ['amount'],
    ],
    [
      'refunding more than was paid',
      { type: 'fund.refund', fundId: 'f', unitId: 'u101', amount: 1, reference: 'x' },
      'fund.refund_exceeds',
      ['amount'],
    ],
    [
      'costs above the income',
      { type: 'fund.income', fundId: 'f', amount: 100, relatedCosts: 101, source: 'ads' },
      'fund.costs_exceed_income',
      ['relatedCosts'],
    ],
    [
      'a transfer beyond the balance',
      { type: 'fund.transfer', fundId: 'f', toFundId: 'g', amount: 1, note: 'x' },
      'fund.insufficient',
      ['amount'],
    ],
    [
      'an exemption for a unit outside the scope',
      {
        type: 'scheme.define',
        name: 'x',
        scope: { kind: 'stairwell', id: 's1' },
        basis: { kind: 'area' },
        exemptions: [{ unitId: 'u999', reason: 'r' }],
      },
      'scheme.unknown_unit',
      ['exemptions', 0, 'unitId'],
    ],
    [
      'all-zero weights',
      {
        type: 'scheme.define',
        name: 'x',
        scope: { kind: 'stairwell', id: 's1' },
        basis: { kind: 'floorCoefficients', coefficients: { '1': 0 } },
      },
      'allocate.zero_weights',
      ['basis'],
    ],
    [
      'a total beyond the safe range',
      { type: 'fund.pledge', fundId: 'f', schemeId: 'eq', cost: 2 ** 53, due: '2026-12-31' },
      'validation.too_big',
      ['cost'],
    ],
  ])('%s', async (_name, command, code, path) => {
    const { governance, store } = await fund();
    const before = await store.read();
    const result = await governance.execute(command);
    expect(result.ok || result.error).toMatchObject({ code, path });
    if (!result.ok) expect(result.error.message['zh-CN']).not.toBe(result.error.message.en);
    expect(await store.read()).toEqual(before);
  });
});

describe('funds: corrections are reversing entries', () => {
  it('reverses a payment once, keeps both lines, and the statement follows', async () => {
    const { governance } = await fund();
    await must(governance, {
      type: 'fund.pay',
      fundId: 'f',
      unitId: 'u101',
      amount: 100_000,
      date: '2026-12-01',
    });
    const payment = governance.read((s) => s.funds.entries.get('f')?.at(-1));
    await must(governance, { type: 'fund.reverse', fundId: 'f', entryId: payment?.id, reason: '银行退票' });
    const twice = await governance.execute({
      type: 'fund.reverse',
      fundId: 'f',
      entryId: payment?.id,
      reason: 'again',
    });
    expect(twice.ok || twice.error.code).toBe('fund.already_reversed');
    const entries = governance.read((s) => s.funds.entries.get('f') ?? []);
    expect(entries.filter((e) => e.kind === 'payment').map((e) => e.amount)).toEqual([100_000, -100_000]);
    const u101 = summarizeLedger(entries, '2026-12-31' as LocalDate).units.find((u) => u.unitId === 'u101');
    expect(u101).toMatchObject({ paid: 0, arrears: 100_000 });
  });

  it('lets a unit pay ahead only when it says so, as credit', async () => {
    const { governance } = await fund();
    await must(governance, {
      type: 'fund.pay',
      fundId: 'f',
      unitId: 'u101',
      amount: 150_000,
      asCredit: true,
    });
    const u101 = summarizeLedger(
      governance.read((s) => s.funds.entries.get('f') ?? []),
      '2026-12-31' as LocalDate,
    ).units.find((u) => u.unitId === 'u101');
    expect(u101).toMatchObject({ arrears: 0, credit: 50_000 });
  });

  it('moves money between funds with both sides recorded', async () => {
    const { governance } = await fund();
    await must(
      governance,
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 100_000 },
      { type: 'fund.transfer', fundId: 'f', toFundId: 'g', amount: 30_000, note: '拨入备用金' },
    );
    const balance = (id: string) =>
      summarizeLedger(
        governance.read((s) => s.funds.entries.get(id) ?? []),
        '2099-01-01' as LocalDate,
      ).balance;
    expect([balance('f'), balance('g')]).toEqual([70_000, 30_000]);
  });

  it('keeps old scheme versions reproducible after a revision', async () => {
    const { governance } = await fund();
    await must(governance, {
      type: 'scheme.define',
      id: 'eq',
      name: '按面积（修订）',
      scope: { kind: 'stairwell', id: 's1' },
      basis: { kind: 'area' },
    });
    const versions = governance.read((s) => s.funds.schemes.get('eq') ?? []);
    expect(versions.map((v) => [v.version, v.spec.basis.kind])).toEqual([
      [1, 'equal'],
      [2, 'area'],
    ]);
  });
});

describe('funds survive snapshots', () => {
  it('restores schemes, ledgers, charges and offset pools exactly as a replay would', async () => {
    const { governance, store } = await fund();
    await must(
      governance,
      { type: 'resident.moveIn', unitId: 'u101', date: '2020-01-01' },
      {
        type: 'charge.define',
        id: 'c',
        fundId: 'g',
        name: '保洁',
        monthlyAmount: 10_000,
        scope: { kind: 'stairwell', id: 's1' },
        start: '2026-01',
      },
      { type: 'fund.income', fundId: 'g', amount: 5_000, source: 'ads', offset: { chargeId: 'c' } },
      { type: 'charge.bill', chargeId: 'c', month: '2026-11' },
    );
    const { createGovernance } = await import('../governance/governance.js');
    const { takeSnapshot } = await import('../governance/snapshot.js');
    const { replay } = await import('../governance/state.js');
    const resumed = await createGovernance({
      store,
      snapshot: JSON.parse(JSON.stringify(governance.snapshot())),
    });
    expect(resumed.snapshot()).toEqual(takeSnapshot(replay(await store.read())));
    const again = await resumed.execute({ type: 'charge.bill', chargeId: 'c', month: '2026-11' });
    expect(again.ok || again.error.code).toBe('charge.already_billed');
  });
});
