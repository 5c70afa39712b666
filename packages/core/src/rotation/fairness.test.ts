import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { dutyFairness } from './fairness.js';

const MEMBERS = ['u101', 'u102', 'u201', 'u202', 'u301'];

/** Five households on a Monday rota from 2026-01-05; u301's only resident was born in 1940. */
async function rota(policy: 'fixedOrder' | 'leastServed', exemptAge?: number) {
  const setup = await building96('2026-01-01T00:00:00Z');
  for (const unitId of MEMBERS)
    await must(setup.governance, {
      type: 'resident.moveIn',
      unitId,
      date: '2015-01-01',
      birthYear: unitId === 'u301' ? 1940 : 1980,
    });
  await must(setup.governance, {
    type: 'duty.define',
    id: 'd',
    name: '清洁电梯',
    scope: { kind: 'units', ids: MEMBERS },
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    start: '2026-01-05',
    time: '08:00',
    durationMinutes: 60,
    holidays: 'ignore',
    policy,
    ...(exemptAge === undefined ? {} : { exemptAge }),
  });
  const fairness = (from: string, to: string) =>
    setup.governance.read((s) => {
      const duty = s.rotation.duties.get('d');
      if (!duty) throw new Error('no duty');
      return dutyFairness(
        s.community,
        duty,
        setup.governance.roster('d', to as never),
        from as never,
        to as never,
      );
    });
  return { ...setup, fairness };
}

describe('fairness statistics of a duty', () => {
  it('counts turns per household, and leaves the 80+ household out of the spread, saying why', async () => {
    const { fairness } = await rota('fixedOrder', 80);
    const year = fairness('2026-01-01', '2026-12-31');
    const u301 = year.households.find((h) => h.memberId === 'u301');
    expect(u301).toMatchObject({ served: 0, excluded: 'exempt-age', exemptDays: 365 });
    const counted = year.households.filter((h) => h.excluded === undefined);
    expect(counted.map((h) => h.memberId)).toEqual(['u101', 'u102', 'u201', 'u202']);
    // 52 Mondays in 2026 over four households: 13 each.
    expect(counted.map((h) => h.served)).toEqual([13, 13, 13, 13]);
    expect(year).toMatchObject({ spread: 0, fewest: 13, most: 13 });
  });

  it('reports an absence as the reason a household is left out, and the others’ spread', async () => {
    const { governance, fairness } = await rota('fixedOrder');
    await must(governance, {
      type: 'duty.absence',
      dutyId: 'd',
      memberId: 'u102',
      from: '2026-01-10',
      to: '2026-01-20',
      reason: '出差',
    });
    const winter = fairness('2026-01-01', '2026-02-28');
    expect(winter.households.find((h) => h.memberId === 'u102')).toMatchObject({
      excluded: 'away',
      awayDays: 11,
    });
    const counted = winter.households.filter((h) => !h.excluded).map((h) => h.served);
    expect(winter.spread).toBe(Math.max(...counted) - Math.min(...counted));
  });

  it('property: the turns add up to the filled seats, and least-served keeps the spread at most 1', async () => {
    const { fairness } = await rota('leastServed');
    const days = fc.integer({ min: 0, max: 700 });
    const date = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(days, days, (a, b) => {
        const to = date(Math.max(a, b));
        const stats = fairness('2026-01-01', to);
        const filled = stats.households.reduce((sum, h) => sum + h.served, 0);
        const mondays = Math.max(0, Math.floor((Math.max(a, b) - 4) / 7) + 1);
        return filled === mondays && stats.spread <= 1 && stats.most - stats.fewest === stats.spread;
      }),
      { numRuns: 40 },
    );
  });
});
