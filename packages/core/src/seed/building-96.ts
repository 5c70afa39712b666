/** 75.32 m² for room x01 and 88.68 m² for room x02 of Building 96, hundredths of m². */
export const BUILDING_96_AREAS = { x01: 7532, x02: 8868 } as const;

/** The seed's named residents; the other households are anonymous. */
const residentNames: Readonly<Record<string, string>> = {
  '101': '张阿姨',
  '201': '李师傅',
  '301': '陈老师',
  '401': '刘女士',
};

/**
 * The commands that found 新福康里 (`xfkl`) with Building 96 (`b96`) and its stairwell 1 (`s1`): six
 * floors, two units a floor (`u101` … `u602`). Every unit has its own owner (`o101` …) except that
 * 王 (`o-wang`) owns both 501 and 502 and 602 is still the developer's (`o-dev`): 11 owner heads and
 * 984.00 m². With `residents`, every sold unit also gets its household (`r101` …), those of 102 and 202
 * born in 1941. The seed scenario starts with these, and tests that need only the building use them.
 */
export function building96Commands(options: { readonly residents: boolean }): unknown[] {
  const commands: unknown[] = [
    { type: 'community.found', name: '新福康里', id: 'xfkl' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
    { type: 'owner.register', name: '王建国', kind: 'person', id: 'o-wang' },
    { type: 'owner.register', name: '新福康里置业', kind: 'organisation', developer: true, id: 'o-dev' },
  ];
  for (let floor = 1; floor <= 6; floor++) {
    for (const [suffix, area] of [
      ['01', BUILDING_96_AREAS.x01],
      ['02', BUILDING_96_AREAS.x02],
    ] as const) {
      const room = `${floor}${suffix}`;
      const owner = floor === 5 ? 'o-wang' : room === '602' ? 'o-dev' : `o${room}`;
      commands.push({
        type: 'unit.add',
        stairwellId: 's1',
        room,
        floor,
        area,
        areaSource: 'registered',
        id: `u${room}`,
      });
      if (owner === `o${room}`)
        commands.push({ type: 'owner.register', name: `${room}室业主`, kind: 'person', id: owner });
      commands.push({ type: 'unit.transfer', unitId: `u${room}`, ownerIds: [owner], date: '2012-05-01' });
      // 602 is unsold: nobody lives there.
      if (options.residents && room !== '602') commands.push(moveIn(room));
    }
  }
  return commands;
}

function moveIn(room: string): unknown {
  const name = residentNames[room];
  return {
    type: 'resident.moveIn',
    unitId: `u${room}`,
    id: `r${room}`,
    birthYear: room === '102' || room === '202' ? 1941 : 1978,
    date: '2012-06-01',
    ...(name ? { name } : {}),
  };
}
