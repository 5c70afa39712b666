import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import type { LocalDate } from '../time/local-date.js';
import { fundView } from './fund-view.js';

const scheme = (exemptions: readonly { unitId: string; reason: string }[]) => ({
  type: 'scheme.define',
  id: 'lift',
  name: '电梯分摊',
  scope: { kind: 'stairwell', id: 's1' },
  basis: {
    kind: 'floorCoefficients',
    coefficients: { '1': 0, '2': 60, '3': 80, '4': 100, '5': 120, '6': 140 },
  },
  exemptions,
});

async function fund(exemptions: readonly { unitId: string; reason: string }[]) {
  const { governance } = await building96();
  await must(
    governance,
    scheme(exemptions),
    { type: 'fund.open', id: 'lift', name: '96号楼加装电梯', budget: 60_000_000 },
    { type: 'fund.pledge', fundId: 'lift', schemeId: 'lift', cost: 60_000_000, due: '2026-12-31' },
  );
  return governance.read((s) => fundView(s.community, s.funds, 'lift', '2026-12-31' as LocalDate));
}

describe('fundView: exempt households', () => {
  it('names each unit the scheme exempts, by room, with the reason, and gives it no row', async () => {
    const view = await fund([
      { unitId: 'u602', reason: '开发商未售' },
      { unitId: 'u501', reason: '低保户' },
    ]);
    expect(view?.exempt).toEqual([
      { unitId: 'u501', room: '501', reason: '低保户' },
      { unitId: 'u602', room: '602', reason: '开发商未售' },
    ]);
    expect(view?.rows.some((r) => r.unitId === 'u602' && r.share > 0)).toBe(false);
  });

  it('is empty when nobody is exempt', async () => {
    expect((await fund([]))?.exempt).toEqual([]);
  });
});
