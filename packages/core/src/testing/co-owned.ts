/**
 * The commands that found 新福康里 with Building 96 (`b96`) and its stairwell 1 (`s1`) holding the
 * ownership cases a ballot's caster is checked against: 101 co-owned by `o9` and `o10` (one voter,
 * keyed `o10`, the smaller id), 102 owned by `o102`, and 201 with no owner and no registered developer
 * (the member-less `developer` voter). Units are 80.00 m², transferred on 2012-05-01.
 */
export function coOwnedStairwellCommands(): unknown[] {
  const unit = (room: string, floor: number) => ({
    type: 'unit.add',
    stairwellId: 's1',
    room,
    floor,
    area: 8000,
    areaSource: 'registered',
    id: `u${room}`,
  });
  return [
    { type: 'community.found', name: '新福康里', id: 'xfkl' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
    unit('101', 1),
    unit('102', 1),
    unit('201', 2),
    { type: 'owner.register', name: '甲', kind: 'person', id: 'o9' },
    { type: 'owner.register', name: '乙', kind: 'person', id: 'o10' },
    { type: 'owner.register', name: '丙', kind: 'person', id: 'o102' },
    { type: 'unit.transfer', unitId: 'u101', ownerIds: ['o9', 'o10'], date: '2012-05-01' },
    { type: 'unit.transfer', unitId: 'u102', ownerIds: ['o102'], date: '2012-05-01' },
  ];
}
