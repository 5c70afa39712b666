import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorCoefficientPresets, type SchemeSpec, type SchemeUnit } from './scheme.js';
import { computeShares } from './shares.js';

/** Building 96, stairwell 1: floors 1–6, x01 = 75.32 m², x02 = 88.68 m². */
const units: SchemeUnit[] = [1, 2, 3, 4, 5, 6].flatMap((floor) => [
  { unitId: `u${floor}01`, room: `${floor}01`, floor, area: 7532 },
  { unitId: `u${floor}02`, room: `${floor}02`, floor, area: 8868 },
]);
const total = (rows: readonly { share: number }[]) => rows.reduce((s, r) => s + r.share, 0);
const byRoom = (table: ReturnType<typeof computeShares>) =>
  Object.fromEntries(table.rows.map((r) => [r.room, r.share]));

describe('cost-sharing schemes', () => {
  it('by area (Art. 283 default) sums to the cost exactly', () => {
    const table = computeShares({ name: 'area', basis: { kind: 'area' } }, units, 60_000_000);
    expect(total(table.rows)).toBe(60_000_000);
    // 60,000,000 × 7532 / 98400 = 4,592,682.926… fen: the quota is kept exactly for the public notice.
    expect(table.rows[0]).toMatchObject({
      weight: '7532',
      quota: '188300000/41',
      share: 4_592_683,
      rounding: 1,
    });
  });

  it('floor coefficients: the Guangzhou preset exempts floors 1–2 and rises 0.7 … 1.0 to floor 6', () => {
    const table = computeShares({ name: 'gz', basis: floorCoefficientPresets.guangzhou }, units, 60_000_000);
    const shares = byRoom(table);
    expect(shares['101']).toBe(0);
    expect(shares['202']).toBe(0);
    expect(table.rows.find((r) => r.room === '301')?.coefficient).toBe(70);
    expect(shares['601']).toBeGreaterThan(shares['501'] as number);
    expect(total(table.rows)).toBe(60_000_000);
    // Same area, coefficients 0.7 and 1.0: shares in that ratio, within the rounding fen.
    expect(Math.abs((shares['601'] as number) * 7 - (shares['301'] as number) * 10)).toBeLessThanOrEqual(10);
  });

  it('the elevator rule: each segment is paid only by the floors it serves', () => {
    const spec: SchemeSpec = { name: 'lift', basis: { kind: 'elevator', fromFloor: 2, within: 'equal' } };
    const shares = byRoom(computeShares(spec, units, 500_000));
    // 5 segments of 100,000: floor 2's is split by 10 units, floor 6's by 2. Floor 4's 100,000 over 6
    // units leaves 4 fen that go to the smallest unit ids (u401 … u502), so u601 gets 16,666 there.
    expect(shares['101']).toBe(0);
    expect(shares['201']).toBe(10_000);
    expect(shares['301']).toBe(10_000 + 12_500);
    expect(shares['601']).toBe(10_000 + 12_500 + 16_666 + 25_000 + 50_000);
    expect(shares['401']).toBe(10_000 + 12_500 + 16_667);
    expect(total(computeShares(spec, units, 500_000).rows)).toBe(500_000);
  });

  it('combined: 70% by coefficient × area and 30% equally', () => {
    const spec: SchemeSpec = {
      name: 'mix',
      basis: {
        kind: 'combined',
        parts: [
          { basisPoints: 7000, basis: floorCoefficientPresets.guangzhou },
          { basisPoints: 3000, basis: { kind: 'equal' } },
        ],
      },
    };
    const table = computeShares(spec, units, 1_200_000);
    expect(byRoom(table)['101']).toBe(30_000); // 30% of 12,000.00 over 12 units, and no coefficient part
    expect(total(table.rows)).toBe(1_200_000);
    expect(() =>
      computeShares(
        { ...spec, basis: { kind: 'combined', parts: [{ basisPoints: 5000, basis: { kind: 'equal' } }] } },
        units,
        100,
      ),
    ).toThrowError(/scheme.bad_parts/);
  });

  it('subsidies come off first: fixed, or a percentage up to a cap', () => {
    expect(
      computeShares(
        { name: 's', basis: { kind: 'equal' }, subsidy: { kind: 'fixed', amount: 200_000 } },
        units,
        1_200_000,
      ),
    ).toMatchObject({ subsidy: 200_000, net: 1_000_000 });
    const pct = computeShares(
      { name: 's', basis: { kind: 'equal' }, subsidy: { kind: 'percent', basisPoints: 4000, cap: 300_000 } },
      units,
      1_200_000,
    );
    expect(pct).toMatchObject({ subsidy: 300_000, net: 900_000 });
    expect(total(pct.rows)).toBe(900_000);
  });

  it('exemptions, fixed amounts, caps and adjustments keep the total and say why', () => {
    const spec: SchemeSpec = {
      name: 'all',
      basis: { kind: 'area' },
      exemptions: [{ unitId: 'u101', reason: '低保户' }],
      fixed: [{ unitId: 'u102', amount: 10_000, reason: '一楼仅用于储物' }],
      caps: [{ max: 150_000 }],
      adjustments: [{ unitId: 'u601', amount: 5_000, reason: '电梯厅占用公共面积' }],
    };
    const table = computeShares(spec, units, 1_500_000);
    const rows = Object.fromEntries(table.rows.map((r) => [r.room, r]));
    expect(rows['101']).toMatchObject({ share: 0, exempt: '低保户' });
    expect(rows['102']).toMatchObject({ share: 10_000, fixed: '一楼仅用于储物' });
    expect(rows['601']?.adjustment).toEqual({ amount: 5_000, reason: '电梯厅占用公共面积' });
    expect(table.rows.filter((r) => r.capped).every((r) => r.share === 150_000)).toBe(true);
    expect(total(table.rows)).toBe(1_500_000);
  });

  it('refuses an unknown unit and caps that leave money unshared', () => {
    expect(() =>
      computeShares(
        { name: 'x', basis: { kind: 'area' }, exemptions: [{ unitId: 'u999', reason: '?' }] },
        units,
        100,
      ),
    ).toThrowError(/scheme.unknown_unit/);
    expect(() =>
      computeShares({ name: 'x', basis: { kind: 'area' }, caps: [{ max: 1 }] }, units, 100_000),
    ).toThrowError(/scheme.caps_too_low/);
  });

  it('always sums to cost − subsidy, whatever the scheme', () => {
    const basis = fc.constantFrom<SchemeSpec['basis']>(
      { kind: 'equal' },
      { kind: 'area' },
      floorCoefficientPresets.guangzhou,
      { kind: 'elevator', fromFloor: 2, within: 'area' },
      { kind: 'elevator', fromFloor: 1, within: 'equal' },
    );
    fc.assert(
      fc.property(
        basis,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.subarray(
          units.map((u) => u.unitId),
          { maxLength: 3 },
        ),
        fc.constantFrom('hamilton' as const, 'webster' as const),
        (b, cost, exemptIds, method) => {
          const spec: SchemeSpec = {
            name: 'p',
            basis: b,
            method,
            exemptions: exemptIds.map((unitId) => ({ unitId, reason: 'r' })),
          };
          let table: ReturnType<typeof computeShares>;
          try {
            table = computeShares(spec, units, cost);
          } catch (e) {
            // Only possible when every unit that could pay is exempt.
            expect(String(e)).toMatch(/zero_weights/);
            return;
          }
          expect(total(table.rows)).toBe(table.net);
          for (const r of table.rows) if (r.exempt) expect(r.share).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
