import type { LocalDate } from '@linli/core';
import { createGovernance, fixedClock, MemoryStore, previewElectorate, sequentialIds } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { multiHomeNotes } from './wizard-sections.ts';

/** Three homes in one stairwell; 王 owns 101 and 102, 李 owns 201. */
async function stairwell() {
  const governance = await createGovernance({
    store: new MemoryStore(),
    clock: fixedClock('2026-11-29T02:00:00Z'),
    ids: sequentialIds(),
  });
  const commands: unknown[] = [
    { type: 'community.found', name: '新福康里' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
    { type: 'owner.register', name: '王阿姨', kind: 'person', id: 'wang' },
    { type: 'owner.register', name: '李师傅', kind: 'person', id: 'li' },
  ];
  for (const [room, area] of [
    ['101', 7500],
    ['102', 6025],
    ['201', 8000],
  ] as const)
    commands.push({
      type: 'unit.add',
      stairwellId: 's1',
      room,
      floor: 1,
      area,
      areaSource: 'registered',
      id: `u${room}`,
    });
  for (const [unit, owner] of [
    ['u101', 'wang'],
    ['u102', 'wang'],
    ['u201', 'li'],
  ])
    commands.push({ type: 'unit.transfer', unitId: unit, ownerIds: [owner], date: '2020-01-01' });
  for (const command of commands) {
    const result = await governance.execute(command);
    if (!result.ok) throw new Error(result.error.message.en);
  }
  return governance.read((s) => s.community);
}

describe('the electorate panel says why there are fewer votes than homes', () => {
  it('names the homes one owner holds, with their areas added, in both languages', async () => {
    const community = await stairwell();
    const preview = previewElectorate(
      community,
      { scope: { kind: 'stairwell', id: 's1' }, basis: 'owners' },
      '2026-11-29' as LocalDate,
    );
    expect(preview.heads).toBe(2);
    expect(preview.unitsInScope).toBe(3);
    expect(multiHomeNotes(community, preview, 'zh-CN')).toEqual([
      '96号楼 1单元 101 室、96号楼 1单元 102 室是同一位业主的：按人数算一票，面积合计 135.25 m²。',
    ]);
    expect(multiHomeNotes(community, preview, 'en')).toEqual([
      '96号楼 1单元 Room 101, 96号楼 1单元 Room 102 belong to one owner: one vote by heads, their areas added (135.25 m²).',
    ]);
  });

  it('says nothing when every owner has one home', async () => {
    const community = await stairwell();
    const preview = previewElectorate(
      community,
      { scope: { kind: 'units', ids: ['u101', 'u201'] }, basis: 'owners' },
      '2026-11-29' as LocalDate,
    );
    expect(multiHomeNotes(community, preview, 'zh-CN')).toEqual([]);
  });
});
