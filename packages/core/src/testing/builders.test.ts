import { describe, expect, it } from 'vitest';
import { ownerElectorate } from '../community/electorate.js';
import { createGovernance } from '../governance/governance.js';
import { MemoryStore } from '../log/memory-store.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { executeAll } from './execute-all.js';
import { openMotionCommands } from './motion.js';
import { stairwellCommands } from './stairwell.js';

async function governance() {
  return createGovernance({
    store: new MemoryStore(),
    clock: fixedClock('2026-11-29T02:00:00Z'),
    ids: sequentialIds(),
  });
}

describe('stairwellCommands', () => {
  it('builds a stairwell whose electorate is one head and one unit per household', async () => {
    const gov = await governance();
    await executeAll(gov, stairwellCommands({ households: 6, area: (i) => 7500 + i * 100 }));
    const electorate = gov.read((s) => ownerElectorate(s.community, { kind: 'stairwell', id: 's1' }));
    expect(electorate).toMatchObject({ headcount: 6, area: 6 * 7500 + 1500 });
    expect(gov.read((s) => [...s.community.units.keys()])).toEqual([
      'u101',
      'u102',
      'u201',
      'u202',
      'u301',
      'u302',
    ]);
    expect(gov.read((s) => s.community.residents.size)).toBe(0);
  });

  it('lays out floors, owner names, dates, residents and the community id as asked', async () => {
    const gov = await governance();
    await executeAll(
      gov,
      stairwellCommands({
        households: 8,
        unitsPerFloor: 4,
        ownerName: (room) => `业主${room}`,
        since: '2010-06-01',
        residents: true,
        communityId: 'xfkl',
      }),
    );
    expect(gov.read((s) => s.community.community)).toEqual({ id: 'xfkl', name: '新福康里' });
    expect(gov.read((s) => s.community.units.get('u204')?.floor)).toBe(2);
    expect(gov.read((s) => s.community.owners.get('o104')?.name)).toBe('业主104');
    expect(gov.read((s) => s.community.residents.size)).toBe(8);
  });
});

describe('openMotionCommands', () => {
  it('drafts and opens an owners’ motion of s1 under the ordinary rule unless told otherwise', async () => {
    const gov = await governance();
    await executeAll(gov, [
      ...stairwellCommands({ households: 2 }),
      ...openMotionCommands({ id: 'm', title: '更换楼道灯', kind: 'proposal' }),
      ...openMotionCommands({ id: 'lift', title: '加装电梯', kind: 'proposal', rule: 'civilCode278.major' }),
    ]);
    const motions = new Map(gov.motions.value.map((m) => [m.id, m]));
    expect(motions.get('m')).toMatchObject({
      status: 'open',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      closesAt: '2026-12-20T10:00:00Z',
    });
    expect(motions.get('m')?.rule).not.toEqual(motions.get('lift')?.rule);
  });
});

describe('executeAll', () => {
  it('stops at the first refused command and names it, its code and its message', async () => {
    const gov = await governance();
    const run = executeAll(
      gov,
      [
        { type: 'community.found', name: '新福康里' },
        { type: 'building.add', name: '' },
        { type: 'building.add', name: '96号楼', id: 'b96' },
      ],
      'setup',
    );
    await expect(run).rejects.toThrow(/^setup: building\.add refused: validation\.\w+: /);
    expect(gov.read((s) => s.community.buildings.size)).toBe(0);
  });
});
