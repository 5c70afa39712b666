import {
  createGovernance,
  fixedClock,
  type Governance,
  MemoryStore,
  seededRandom,
  sequentialIds,
} from '../src/index.js';

/** A governance on a fresh memory store with a pinned clock, `kind-n` ids and seeded randomness. */
export async function freshGovernance(at = '2026-11-29T02:00:00Z') {
  const store = new MemoryStore();
  const clock = fixedClock(at);
  const governance = await createGovernance({
    store,
    clock,
    ids: sequentialIds(),
    random: seededRandom('tests'),
    actor: 'tester',
  });
  return { store, clock, governance };
}

/** Executes commands in order and fails loudly if any is rejected. */
export async function must(governance: Governance, ...commands: unknown[]): Promise<void> {
  for (const command of commands) {
    const result = await governance.execute(command);
    if (!result.ok) throw new Error(`fixture command rejected: ${JSON.stringify(result.error)}`);
  }
}

/** 新福康里, Building 96 (`b96`), stairwell 1 (`s1`). */
const STAIRWELL_1 = [
  { type: 'community.found', name: '新福康里', id: 'xfkl' },
  { type: 'building.add', name: '96号楼', id: 'b96' },
  { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
] as const;

/**
 * The Civil Code Art. 278 worked example: one stairwell of Building 96 with 24 owners and 1,800.00 m²
 * (24 units of 75.00 m²; floors 1–6, four units a floor).
 */
export async function workedExample() {
  const setup = await freshGovernance();
  const { governance } = setup;
  await must(governance, ...STAIRWELL_1);
  for (let floor = 1; floor <= 6; floor++) {
    for (let n = 1; n <= 4; n++) {
      const room = `${floor}0${n}`;
      await must(
        governance,
        {
          type: 'unit.add',
          stairwellId: 's1',
          room,
          floor,
          area: 7500,
          areaSource: 'registered',
          id: `u${room}`,
        },
        { type: 'owner.register', name: `业主${room}`, kind: 'person', id: `o${room}` },
        { type: 'unit.transfer', unitId: `u${room}`, ownerIds: [`o${room}`], date: '2010-06-01' },
      );
    }
  }
  return setup;
}

/** 75.32 m² for room x01, 88.68 m² for room x02. */
export const BUILDING_96_AREAS = { x01: 7532, x02: 8868 } as const;

/**
 * Building 96 of 新福康里, stairwell 1: six floors, two units a floor (101 … 602). Every unit has its
 * own owner except that 王 owns both 501 and 502 (one owner head) and 602 is still the developer's
 * (one head for all its unsold units). So 11 owner heads and 984.00 m².
 */
export async function building96(at = '2026-11-29T02:00:00Z') {
  const setup = await freshGovernance(at);
  const { governance } = setup;
  await must(
    governance,
    ...STAIRWELL_1,
    { type: 'owner.register', name: '王建国', kind: 'person', id: 'o-wang' },
    { type: 'owner.register', name: '新福康里置业', kind: 'organisation', developer: true, id: 'o-dev' },
  );
  for (let floor = 1; floor <= 6; floor++) {
    for (const [suffix, area] of [
      ['01', BUILDING_96_AREAS.x01],
      ['02', BUILDING_96_AREAS.x02],
    ] as const) {
      const room = `${floor}${suffix}`;
      const owner = floor === 5 ? 'o-wang' : room === '602' ? 'o-dev' : `o${room}`;
      await must(governance, {
        type: 'unit.add',
        stairwellId: 's1',
        room,
        floor,
        area,
        areaSource: 'registered',
        id: `u${room}`,
      });
      if (owner === `o${room}`)
        await must(governance, { type: 'owner.register', name: `${room}室业主`, kind: 'person', id: owner });
      await must(governance, {
        type: 'unit.transfer',
        unitId: `u${room}`,
        ownerIds: [owner],
        date: '2012-05-01',
      });
    }
  }
  return setup;
}

/** A daily duty `d` over stairwell 1 (`s1`) from `start`, at 08:00 for 30 minutes. */
export function dailyDuty(start: string) {
  return {
    type: 'duty.define',
    id: 'd',
    name: '清洁',
    scope: { kind: 'stairwell', id: 's1' },
    rrule: 'FREQ=DAILY',
    start,
    time: '08:00',
    durationMinutes: 30,
  } as const;
}
