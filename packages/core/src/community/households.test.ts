import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { stairwellCommands } from '../testing/stairwell.js';

async function stairwell() {
  const setup = await freshGovernance();
  await must(setup.governance, ...stairwellCommands({ households: 2, residents: true, since: '2015-03-01' }));
  return setup;
}

const household = (extra: Record<string, unknown> = {}) => ({
  type: 'household.add',
  stairwellId: 's1',
  room: '301',
  floor: 3,
  area: 8234,
  owners: [{ name: '周先生', contact: { phone: '13900000000' } }, { ownerId: 'o101' }],
  ownedFrom: '2026-10-01',
  residents: [{ name: '周先生' }, { name: '周奶奶', birthYear: 1941 }],
  id: 'u301',
  ...extra,
});

describe('household.add', () => {
  it('adds the unit, registers its new owner, transfers it to both owners and moves the residents in, in one batch', async () => {
    const { governance } = await stairwell();
    await must(governance, household());
    const { unit, owners, residents } = governance.read((s) => ({
      unit: s.community.units.get('u301'),
      owners: [...s.community.owners.values()].filter((o) => o.name === '周先生'),
      residents: [...s.community.residents.values()].filter((r) => r.unitId === 'u301'),
    }));
    expect(unit).toMatchObject({ room: '301', floor: 3, areas: { registered: 8234 } });
    expect(owners).toEqual([
      {
        id: expect.any(String),
        name: '周先生',
        kind: 'person',
        developer: false,
        contact: { phone: '13900000000' },
      },
    ]);
    expect(unit?.ownership).toEqual([{ ownerIds: [owners[0]?.id, 'o101'], from: '2026-10-01' }]);
    expect(residents.map((r) => [r.name, r.birthYear, r.movedIn])).toEqual([
      ['周先生', undefined, '2026-10-01'],
      ['周奶奶', 1941, '2026-10-01'],
    ]);
  });

  it.each([
    [{ stairwellId: 'nowhere' }, 'entity.not_found', ['stairwellId']],
    [{ room: '101' }, 'unit.duplicate_room', ['room']],
    [{ owners: [{ name: '甲' }, { ownerId: 'ghost' }] }, 'entity.not_found', ['owners', 1, 'ownerId']],
    [{ owners: [{ ownerId: 'o101' }, { ownerId: 'o101' }] }, 'ownership.duplicate_owner', ['owners', 1]],
    [
      { residents: [{ name: '甲' }, { birthYear: 2030 }] },
      'resident.born_after_move_in',
      ['residents', 1, 'birthYear'],
    ],
    [{ owners: [] }, 'validation.too_small', ['owners']],
  ])('refuses %j with %s and adds nothing at all', async (extra, code, path) => {
    const { governance } = await stairwell();
    const before = governance.head.value;
    const result = await governance.execute(household(extra));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.path).toEqual(path);
    }
    expect(governance.head.value).toEqual(before);
    expect(
      governance.read((s) => [s.community.units.size, s.community.owners.size, s.community.residents.size]),
    ).toEqual([2, 2, 2]);
  });

  it('is all or nothing: whatever refuses the batch, the community is as it was', async () => {
    const { governance } = await stairwell();
    const ownerRef = fc.oneof(
      fc.record({ name: fc.constantFrom('甲', '乙') }),
      fc.record({ ownerId: fc.constantFrom('o101', 'o102', 'ghost') }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(ownerRef, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('101', '501'),
        fc.integer({ min: 1990, max: 2030 }),
        async (owners, room, birthYear) => {
          const before = governance.read((s) => [
            s.community.units.size,
            s.community.owners.size,
            s.community.residents.size,
          ]);
          const result = await governance.execute(
            household({ owners, room, residents: [{ birthYear }], id: undefined }),
          );
          const after = governance.read((s) => [
            s.community.units.size,
            s.community.owners.size,
            s.community.residents.size,
          ]);
          if (result.ok) {
            const created = owners.filter((o) => 'name' in o).length;
            expect(after).toEqual([(before[0] ?? 0) + 1, (before[1] ?? 0) + created, (before[2] ?? 0) + 1]);
          } else expect(after).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('household.transfer', () => {
  it('registers the new owner with the transfer and dates it', async () => {
    const { governance } = await stairwell();
    await must(governance, {
      type: 'household.transfer',
      unitId: 'u102',
      owners: [{ name: '林女士' }],
      date: '2026-09-15',
    });
    const { ownership, lin } = governance.read((s) => ({
      ownership: s.community.units.get('u102')?.ownership,
      lin: [...s.community.owners.values()].find((o) => o.name === '林女士'),
    }));
    expect(ownership).toEqual([
      { ownerIds: ['o102'], from: '2015-03-01' },
      { ownerIds: [lin?.id], from: '2026-09-15' },
    ]);
  });

  it('refuses a date before the last transfer and registers no owner', async () => {
    const { governance } = await stairwell();
    const before = governance.head.value;
    const result = await governance.execute({
      type: 'household.transfer',
      unitId: 'u102',
      owners: [{ name: '林女士' }],
      date: '2014-01-01',
    });
    expect(result.ok ? undefined : [result.error.code, result.error.path]).toEqual([
      'ownership.out_of_order',
      ['date'],
    ]);
    expect(governance.head.value).toEqual(before);
  });
});
