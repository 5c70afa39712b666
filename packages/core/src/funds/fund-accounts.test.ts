import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import type { LocalDate } from '../time/local-date.js';
import { fundPayments, fundSummaries } from './fund-accounts.js';
import { fundView } from './fund-view.js';
import { householdStatement, householdStatementCsv } from './household-statement.js';
import { paymentReceipt } from './payment-receipt.js';
import { previewScheme } from './scheme-preview.js';

const ELEVATOR = {
  type: 'scheme.define',
  id: 'lift',
  name: '电梯分摊',
  scope: { kind: 'stairwell', id: 's1' },
  basis: {
    kind: 'floorCoefficients',
    coefficients: { '1': 0, '2': 60, '3': 80, '4': 100, '5': 120, '6': 140 },
  },
  subsidy: { kind: 'fixed', amount: 20_000_000 },
  exemptions: [{ unitId: 'u602', reason: '开发商未售' }],
} as const;
const ASOF = '2026-12-31' as LocalDate;

async function elevatorFund() {
  const setup = await building96();
  await must(
    setup.governance,
    ELEVATOR,
    { type: 'fund.open', id: 'lift', name: '96号楼加装电梯', budget: 60_000_000 },
    { type: 'fund.pledge', fundId: 'lift', schemeId: 'lift', cost: 60_000_000, due: '2026-12-31' },
  );
  return setup;
}

describe('previewScheme: the live preview is the pledge', () => {
  it('shows exactly the shares the pledge then books, summing to cost − subsidy', async () => {
    const { governance } = await elevatorFund();
    const preview = governance.read((s) => previewScheme(s.community, ELEVATOR, 60_000_000));
    if (!preview.ok) throw new Error(preview.error.code);
    const booked = governance.read((s) =>
      (s.funds.entries.get('lift') ?? []).map((e) => [e.unitId, e.amount]),
    );
    expect(preview.value.rows.filter((r) => r.share !== 0).map((r) => [r.unitId, r.share])).toEqual(booked);
    expect(preview.value.rows.reduce((sum, r) => sum + r.share, 0)).toBe(40_000_000);
    expect(preview.value.rows.find((r) => r.unitId === 'u602')).toMatchObject({
      share: 0,
      exempt: '开发商未售',
    });
  });

  it('sums exactly to cost − subsidy for any cost and coefficients, or refuses with a typed error', async () => {
    const { governance } = await building96();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 10_000 }),
        (cost, coefficients, subsidyPoints) => {
          const draft = {
            ...ELEVATOR,
            basis: {
              kind: 'floorCoefficients',
              coefficients: Object.fromEntries(coefficients.map((c, i) => [String(i + 1), c])),
            },
            subsidy: subsidyPoints === 0 ? undefined : { kind: 'percent', basisPoints: subsidyPoints },
          };
          const { subsidy, ...rest } = draft;
          const preview = governance.read((s) => previewScheme(s.community, subsidy ? draft : rest, cost));
          if (!preview.ok) return preview.error.code === 'allocate.zero_weights';
          const table = preview.value;
          return (
            table.rows.reduce((sum, r) => sum + r.share, 0) === table.net &&
            table.net === cost - table.subsidy
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a bad draft with the command’s typed error and path', async () => {
    const { governance } = await building96();
    const bad = governance.read((s) =>
      previewScheme(s.community, { ...ELEVATOR, exemptions: [{ unitId: 'u999', reason: 'x' }] }, 100),
    );
    expect(bad.ok || bad.error).toMatchObject({
      code: 'scheme.unknown_unit',
      path: ['exemptions', 0, 'unitId'],
    });
    const cost = governance.read((s) => previewScheme(s.community, ELEVATOR, 12.5));
    expect(cost.ok || cost.error).toMatchObject({ code: 'validation.not_integer', path: ['cost'] });
  });
});

describe('the organizer’s accounts of a fund', () => {
  it('lists funds, payments with receipts, a receipt and a household statement that agree with the table', async () => {
    const { governance } = await elevatorFund();
    await must(
      governance,
      {
        type: 'fund.pay',
        fundId: 'lift',
        unitId: 'u301',
        amount: 1_000_000,
        method: 'wechat',
        reference: 'wx-88',
        date: '2026-12-01',
      },
      {
        type: 'fund.pay',
        fundId: 'lift',
        unitId: 'u301',
        amount: 100_000,
        method: 'cash',
        date: '2026-12-02',
      },
    );
    const cash = governance.read((s) => s.funds.entries.get('lift')?.at(-1));
    await must(governance, { type: 'fund.reverse', fundId: 'lift', entryId: cash?.id, reason: '记错' });
    const [summary] = governance.read((s) => fundSummaries(s.funds, ASOF));
    const view = governance.read((s) => fundView(s.community, s.funds, 'lift', ASOF));
    expect(summary).toMatchObject({
      fundId: 'lift',
      budget: 60_000_000,
      pledged: 40_000_000,
      paid: 1_000_000,
      outstanding: 39_000_000,
      balance: 1_000_000,
    });
    expect([summary?.pledged, summary?.paid, summary?.outstanding]).toEqual([
      view?.totals.share,
      view?.totals.paid,
      view?.totals.arrears,
    ]);

    const payments = governance.read((s) => fundPayments(s.community, s.funds, 'lift'));
    expect(payments?.nextReceiptNo).toBe('000003');
    expect(payments?.lines.map((l) => [l.room, l.amount, l.receiptNo, l.method, l.reversed])).toEqual([
      ['301', -100_000, '000002', 'cash', false],
      ['301', 100_000, '000002', 'cash', true],
      ['301', 1_000_000, '000001', 'wechat', false],
    ]);

    const first = payments?.lines.at(-1);
    const receipt = governance.read((s) =>
      paymentReceipt(s.community, s.funds, 'lift', first?.entryId ?? ''),
    );
    expect(receipt).toMatchObject({
      fundName: '96号楼加装电梯',
      payers: ['301室业主'],
      payment: {
        room: '301',
        amount: 1_000_000,
        receiptNo: '000001',
        reference: 'wx-88',
        recordedBy: 'tester',
      },
    });
    expect(governance.read((s) => paymentReceipt(s.community, s.funds, 'lift', 'nope'))).toBeUndefined();

    const statement = governance.read((s) => householdStatement(s.community, s.funds, 'lift', 'u301', ASOF));
    const row = view?.rows.find((r) => r.unitId === 'u301');
    expect(statement).toMatchObject({ room: '301', share: row?.share, paid: 1_000_000, refunded: 0 });
    expect(statement?.balance).toBe(row?.arrears);
    expect(statement?.lines.map((l) => l.kind)).toEqual(['pledge', 'payment', 'payment', 'payment']);
    const text = householdStatementCsv(statement as NonNullable<typeof statement>);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('2026-12-01,缴款 Payment,10000.00,wechat,wx-88,000001,');
    expect(text).toContain(`余额 Balance owed,${((row?.arrears ?? 0) / 100).toFixed(2)}`);
  });
});
