import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { nextReceiptNo } from './receipts.js';

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
    { type: 'fund.open', id: 'f', name: '电梯', budget: 1_200_000 },
    { type: 'fund.open', id: 'g', name: '备用金', budget: 0 },
    { type: 'fund.pledge', fundId: 'f', schemeId: 'eq', cost: 1_200_000, due: '2026-12-31' },
    { type: 'fund.pledge', fundId: 'g', schemeId: 'eq', cost: 1_200, due: '2026-12-31' },
  );
  return setup;
}

const payments = (gov: Awaited<ReturnType<typeof fund>>['governance'], fundId: string) =>
  gov.read((s) => (s.funds.entries.get(fundId) ?? []).filter((e) => e.kind === 'payment'));

describe('fund.pay: method and receipt number (收据号)', () => {
  it('numbers receipts per fund in sequence when none is given, and keeps the method and who recorded it', async () => {
    const { governance } = await fund();
    await must(
      governance,
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 100, method: 'wechat', reference: 'wx-1' },
      { type: 'fund.pay', fundId: 'f', unitId: 'u102', amount: 100, method: 'cash' },
      { type: 'fund.pay', fundId: 'g', unitId: 'u101', amount: 100 },
      { type: 'fund.pay', fundId: 'f', unitId: 'u201', amount: 100 },
    );
    expect(payments(governance, 'f').map((e) => [e.receiptNo, e.method ?? null, e.recordedBy])).toEqual([
      ['000001', 'wechat', 'tester'],
      ['000002', 'cash', 'tester'],
      ['000003', null, 'tester'],
    ]);
    expect(payments(governance, 'g').map((e) => e.receiptNo)).toEqual(['000001']);
  });

  it('continues after the highest numeric receipt number given by hand', async () => {
    const { governance } = await fund();
    await must(
      governance,
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 100, receiptNo: '0042' },
      { type: 'fund.pay', fundId: 'f', unitId: 'u102', amount: 100, receiptNo: 'B-7' },
      { type: 'fund.pay', fundId: 'f', unitId: 'u201', amount: 100 },
    );
    expect(payments(governance, 'f').map((e) => e.receiptNo)).toEqual(['0042', 'B-7', '000043']);
    expect(governance.read((s) => nextReceiptNo(s.funds, 'f'))).toBe('000044');
  });

  it('refuses a receipt number already used in the fund (even if that payment was reversed), changing nothing', async () => {
    const { governance, store } = await fund();
    await must(governance, { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 100, receiptNo: '7' });
    const first = payments(governance, 'f')[0];
    await must(governance, { type: 'fund.reverse', fundId: 'f', entryId: first?.id, reason: '写错' });
    const before = await store.read();
    const again = await governance.execute({
      type: 'fund.pay',
      fundId: 'f',
      unitId: 'u102',
      amount: 100,
      receiptNo: ' 7 ',
    });
    expect(again.ok || again.error).toMatchObject({ code: 'fund.receipt_taken', path: ['receiptNo'] });
    if (!again.ok) expect(again.error.message['zh-CN']).toContain('7');
    expect(await store.read()).toEqual(before);
    // The same number in another fund is fine: receipt books are per fund.
    await must(governance, { type: 'fund.pay', fundId: 'g', unitId: 'u101', amount: 100, receiptNo: '7' });
  });

  it('refuses an unknown method with the typed validation error', async () => {
    const { governance } = await fund();
    const result = await governance.execute({
      type: 'fund.pay',
      fundId: 'f',
      unitId: 'u101',
      amount: 100,
      method: 'cheque',
    });
    expect(result.ok || result.error.path).toEqual(['method']);
  });
});
