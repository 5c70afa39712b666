import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshGovernance, must, workedExample } from '../../test/fixtures.js';
import { centiSquareMetres } from '../numbers/area.js';
import { fraction, minimumToMeet } from '../numbers/fraction.js';
import { countHeadsAndArea, ownerElectorate } from './electorate.js';

const noDeveloper = () => false;

describe('countHeadsAndArea', () => {
  it('reproduces the worked example: 24 owners, 1,800.00 m², participation needs 16 owners and 1,200.00 m²', async () => {
    const { governance } = await workedExample();
    const electorate = governance.read((s) => ownerElectorate(s.community, { kind: 'stairwell', id: 's1' }));
    expect(electorate.headcount).toBe(24);
    expect(electorate.area).toBe(180000);
    expect(minimumToMeet(electorate.headcount, fraction(2, 3), 'inclusive')).toBe(16n);
    expect(minimumToMeet(electorate.area, fraction(2, 3), 'inclusive')).toBe(120000n);
  });

  it('counts an owner of several units once, with the sum of their areas', () => {
    const result = countHeadsAndArea(
      [
        { unitId: 'u1', area: centiSquareMetres(7000), ownerIds: ['alice'] },
        { unitId: 'u2', area: centiSquareMetres(8000), ownerIds: ['alice'] },
        { unitId: 'u3', area: centiSquareMetres(9000), ownerIds: ['bob'] },
      ],
      noDeveloper,
    );
    expect(result.headcount).toBe(2);
    expect(result.area).toBe(24000);
    expect(result.heads.map((h) => [h.key, h.area, h.unitIds])).toEqual([
      ['alice', 15000, ['u1', 'u2']],
      ['bob', 9000, ['u3']],
    ]);
  });

  it("counts the developer's unsold units, and units with no owner yet, together as one", () => {
    const result = countHeadsAndArea(
      [
        { unitId: 'u1', area: centiSquareMetres(7000), ownerIds: ['dev'] },
        { unitId: 'u2', area: centiSquareMetres(7000), ownerIds: ['dev'] },
        { unitId: 'u3', area: centiSquareMetres(7000), ownerIds: [] },
        { unitId: 'u4', area: centiSquareMetres(7000), ownerIds: ['carol'] },
      ],
      (id) => id === 'dev',
    );
    expect(result.headcount).toBe(2);
    expect(result.heads[0]).toMatchObject({ key: 'carol', developer: false });
    expect(result.heads[1]).toMatchObject({
      key: 'developer',
      developer: true,
      unitIds: ['u1', 'u2', 'u3'],
      area: 21000,
    });
  });

  it('counts co-owners of one unit as one owner, and merges overlapping groups so nobody counts twice', () => {
    const result = countHeadsAndArea(
      [
        { unitId: 'u1', area: centiSquareMetres(100), ownerIds: ['wife', 'husband'] },
        { unitId: 'u2', area: centiSquareMetres(100), ownerIds: ['husband'] },
        { unitId: 'u3', area: centiSquareMetres(100), ownerIds: ['neighbour'] },
      ],
      noDeveloper,
    );
    expect(result.headcount).toBe(2);
    expect(result.heads[0]?.ownerIds).toEqual(['husband', 'wife']);
  });

  it('keeps the total area exact and never counts more heads than units', () => {
    const unitArb = fc.record({
      unitId: fc.uuid(),
      area: fc.integer({ min: 1, max: 1_000_000 }).map(centiSquareMetres),
      ownerIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'dev'), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(unitArb, { selector: (u) => u.unitId, maxLength: 40 }), (units) => {
        const result = countHeadsAndArea(units, (id) => id === 'dev');
        expect(result.area).toBe(units.reduce((sum, u) => sum + u.area, 0));
        expect(result.headcount).toBeLessThanOrEqual(units.length);
        expect(result.heads.flatMap((h) => h.unitIds).sort()).toEqual(units.map((u) => u.unitId).sort());
        // Order-free: shuffling the input changes nothing.
        expect(countHeadsAndArea([...units].reverse(), (id) => id === 'dev').headcount).toBe(
          result.headcount,
        );
      }),
    );
  });
});

describe('ownerElectorate', () => {
  it('uses the legal area ranking and the owners on the given date', async () => {
    const { governance } = await freshGovernance();
    await must(
      governance,
      { type: 'community.found', name: 'C' },
      { type: 'building.add', name: 'B', id: 'b' },
      { type: 'stairwell.add', buildingId: 'b', name: 'S', id: 's' },
      {
        type: 'unit.add',
        stairwellId: 's',
        room: '101',
        floor: 1,
        area: 9000,
        areaSource: 'contract',
        id: 'u1',
      },
      {
        type: 'unit.add',
        stairwellId: 's',
        room: '102',
        floor: 1,
        area: 8000,
        areaSource: 'contract',
        id: 'u2',
      },
      { type: 'unit.recordArea', unitId: 'u1', area: 8850, areaSource: 'surveyed' },
      { type: 'owner.register', name: 'Dev Co', kind: 'organisation', developer: true, id: 'dev' },
      { type: 'owner.register', name: 'Li', kind: 'person', id: 'li' },
      { type: 'unit.transfer', unitId: 'u1', ownerIds: ['dev'], date: '2015-01-01' },
      { type: 'unit.transfer', unitId: 'u2', ownerIds: ['dev'], date: '2015-01-01' },
      { type: 'unit.transfer', unitId: 'u1', ownerIds: ['li'], date: '2020-05-01' },
    );
    const scope = { kind: 'building', id: 'b' } as const;
    const before = governance.read((s) => ownerElectorate(s.community, scope, '2019-12-31' as never));
    const after = governance.read((s) => ownerElectorate(s.community, scope));
    expect(before.headcount).toBe(1); // both units still the developer's
    expect(after.headcount).toBe(2);
    expect(after.area).toBe(8850 + 8000); // surveyed beats contract
  });
});
