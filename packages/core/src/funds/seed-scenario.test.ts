import { describe, expect, it } from 'vitest';
import { building96, freshGovernance, must } from '../../test/fixtures.js';
import { seedScenario } from '../seed/seed-scenario.js';
import { seededGovernance } from '../seed/seeded-governance.js';
import type { LocalDate } from '../time/local-date.js';
import { shareTableCsv } from './csv.js';
import { summarizeLedger } from './ledger.js';
import { computeShares } from './shares.js';

describe('Building 96 pays for its elevator (the seed scenario, to the fen)', () => {
  it('splits the cost after subsidy by floor coefficient × area and records pledges and payments', async () => {
    // The seed defines the scheme, opens the fund and pledges ¥600,000.00 due 2026-12-31.
    const { governance, ids } = await seededGovernance();
    const scheme = governance.read((s) => s.funds.schemes.get('lift-cost')?.[0]);
    if (!scheme) throw new Error('missing scheme');
    const table = computeShares(scheme.spec, scheme.units, 60_000_000);
    expect(table).toMatchObject({ subsidy: 24_000_000, net: 36_000_000 });
    expect(Object.fromEntries(table.rows.map((r) => [r.room, r.share]))).toEqual({
      '101': 0,
      '102': 0,
      '201': 0,
      '202': 0,
      '301': 3_403_988,
      '302': 4_007_776,
      '401': 3_890_273,
      '402': 4_580_316,
      '501': 4_376_557,
      '502': 5_152_855,
      '601': 4_862_841,
      '602': 5_725_394,
    });
    const csv = shareTableCsv(table);
    expect(csv.startsWith('\uFEFF房号 Room,')).toBe(true);
    expect(csv).toContain('\r\n301,3,75.32,0.70,527240,');

    // Instalments (the seed's): 301 has paid half, 601 everything, 302 nothing yet; 602 tries to pay too much.
    const over = await governance.execute({
      type: 'fund.pay',
      fundId: ids.liftFund,
      unitId: 'u602',
      amount: 6_000_000,
    });
    expect(over.ok || over.error).toMatchObject({ code: 'fund.overpayment', path: ['amount'] });
    if (!over.ok) expect(over.error.message['zh-CN']).toContain('作为预存');
    const entries = governance.read((s) => s.funds.entries.get(ids.liftFund) ?? []);
    const inJanuary = summarizeLedger(entries, '2027-01-15' as LocalDate);
    expect(inJanuary).toMatchObject({
      pledged: 36_000_000,
      paid: 6_564_835,
      balance: 6_564_835,
      arrears: 29_435_165,
    });
    expect(inJanuary.units.find((u) => u.unitId === 'u301')).toMatchObject({
      owed: 3_403_988,
      paid: 1_701_994,
      arrears: 1_701_994,
      ageing: { days1to30: 1_701_994 },
    });
  });

  it('offsets the maintenance of all 12 households with the elevator’s ad income', async () => {
    const { governance, clock } = await building96();
    for (let floor = 1; floor <= 6; floor++) {
      for (const s of ['01', '02'])
        await must(governance, { type: 'resident.moveIn', unitId: `u${floor}${s}`, date: '2015-03-01' });
    }
    // Elevator ads bring ¥800.00 a month less ¥200.00 of costs; the net offsets the ¥1,000.00 maintenance.
    clock.set('2026-12-05T02:00:00Z');
    await must(
      governance,
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
      {
        type: 'fund.income',
        fundId: 'upkeep',
        amount: 80_000,
        relatedCosts: 20_000,
        source: '电梯广告 2026-11',
        offset: { chargeId: 'maint' },
      },
      { type: 'charge.bill', chargeId: 'maint', month: '2026-12' },
    );
    const upkeep = summarizeLedger(
      governance.read((s) => s.funds.entries.get('upkeep') ?? []),
      '2026-12-31' as LocalDate,
    );
    expect(upkeep).toMatchObject({ income: 80_000, expenses: 20_000, balance: 60_000, pledged: 40_000 });
    // ¥400.00 over 12 households: 4 pay 33.34 and 8 pay 33.33.
    expect(upkeep.units.map((u) => u.owed)).toEqual([
      3334, 3334, 3334, 3334, 3333, 3333, 3333, 3333, 3333, 3333, 3333, 3333,
    ]);
    const again = await governance.execute({ type: 'charge.bill', chargeId: 'maint', month: '2026-12' });
    expect(again.ok || again.error.code).toBe('charge.already_billed');
  });
});

describe('福泰大厦: 80 households share the doorman’s wage', () => {
  it('prorates a mid-month move-out by days', async () => {
    // The seed builds the tower: 80 units ft01–ft80 at 90.00 m², ft37 moved out on 16 November, and
    // November's wage (¥4,800.00) billed.
    const { governance } = await freshGovernance('2026-12-01T02:00:00Z');
    const { doormanFund } = await seedScenario(governance);
    const shares = new Map(
      governance.read((s) => s.funds.entries.get(doormanFund) ?? []).map((e) => [e.unitId, e.amount]),
    );
    // ft37 lived there 15 of November's 30 days.
    expect(shares.get('ft37')).toBe(3019);
    expect(shares.get('ft01')).toBe(6038);
    expect(shares.get('ft80')).toBe(6037);
    const all = [...shares.values()];
    expect(all.reduce((a, b) => a + b, 0)).toBe(480_000);
    expect(all.filter((v) => v === 6038)).toHaveLength(58);
    expect(all.filter((v) => v === 6037)).toHaveLength(21);
    // December: ft37 is empty and not billed at all.
    await must(governance, { type: 'charge.bill', chargeId: 'wage', month: '2026-12' });
    const december = governance.read((s) =>
      (s.funds.entries.get(doormanFund) ?? []).filter(
        (e) => e.source && 'month' in e.source && e.source.month === '2026-12',
      ),
    );
    expect(december).toHaveLength(79);
    expect(december.every((e) => e.amount === 6075 || e.amount === 6076)).toBe(true);
  });
});
