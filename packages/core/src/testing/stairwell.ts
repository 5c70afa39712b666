/** How {@link stairwellCommands} lays out one stairwell and its households. */
export interface StairwellLayout {
  /** Units in the stairwell, numbered by floor: 101, 102, …, 201, … */
  readonly households: number;
  /** Units a floor; 2 unless given. */
  readonly unitsPerFloor?: number;
  /** The registered area of the `index`-th unit (0-based), hundredths of m²; 75.00 m² unless given. */
  readonly area?: (index: number) => number;
  /** The owner's name for a room; `${room}室业主` unless given. */
  readonly ownerName?: (room: string) => string;
  /** When every unit changed hands to its owner (and, with `residents`, its household moved in). */
  readonly since?: string;
  /** Whether each unit also gets one resident household (`r${room}`). */
  readonly residents?: boolean;
  /** The community's id; drawn from the governance's id generator unless given. */
  readonly communityId?: string;
}

/**
 * The commands that found 新福康里 with Building 96 (`b96`) and its stairwell 1 (`s1`), then add
 * `households` units (`u101` …) each with its own owner (`o101` …): the electorate most tests need,
 * as plain data so a test can add to it or run it through any governance.
 */
export function stairwellCommands(layout: StairwellLayout): unknown[] {
  const perFloor = layout.unitsPerFloor ?? 2;
  const since = layout.since ?? '2012-01-01';
  const commands: unknown[] = [
    {
      type: 'community.found',
      name: '新福康里',
      ...(layout.communityId === undefined ? {} : { id: layout.communityId }),
    },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
  ];
  for (let index = 0; index < layout.households; index++) {
    const floor = Math.floor(index / perFloor) + 1;
    const room = `${floor}0${(index % perFloor) + 1}`;
    commands.push(
      {
        type: 'unit.add',
        stairwellId: 's1',
        room,
        floor,
        area: layout.area?.(index) ?? 7500,
        areaSource: 'registered',
        id: `u${room}`,
      },
      {
        type: 'owner.register',
        name: layout.ownerName?.(room) ?? `${room}室业主`,
        kind: 'person',
        id: `o${room}`,
      },
      { type: 'unit.transfer', unitId: `u${room}`, ownerIds: [`o${room}`], date: since },
    );
    if (layout.residents)
      commands.push({ type: 'resident.moveIn', unitId: `u${room}`, id: `r${room}`, date: since });
  }
  return commands;
}
