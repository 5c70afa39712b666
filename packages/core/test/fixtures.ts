import {
  createGovernance,
  fixedClock,
  type Governance,
  MemoryStore,
  seededRandom,
  sequentialIds,
} from '../src/index.js';
import { BUILDING_96_AREAS, building96Commands } from '../src/seed/building-96.js';
import { executeAll } from '../src/testing/execute-all.js';
import { stairwellCommands } from '../src/testing/stairwell.js';

export { BUILDING_96_AREAS };

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
  await executeAll(governance, commands);
}

/** A motion closing time well after {@link freshGovernance}'s pinned clock. */
export const MOTION_CLOSES_AT = '2026-12-20T10:00:00Z';

/**
 * Four owners of stairwell `s1` (o101, o102, o201, o202) and a yes/no motion `m` of theirs by simple
 * majority, closing at {@link MOTION_CLOSES_AT}, drafted by `tester` with `extra` fields and opened
 * unless `open` is false.
 */
export async function stairwellMotion(extra: Record<string, unknown> = {}, open = true) {
  const setup = await freshGovernance();
  await must(
    setup.governance,
    ...stairwellCommands({ households: 4 }),
    {
      type: 'motion.draft',
      id: 'm',
      title: '加装门禁',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'simpleMajority',
      closesAt: MOTION_CLOSES_AT,
      ...extra,
    },
    ...(open ? [{ type: 'motion.open', motionId: 'm' }] : []),
  );
  return setup;
}

/**
 * The Civil Code Art. 278 worked example: one stairwell of Building 96 with 24 owners and 1,800.00 m²
 * (24 units of 75.00 m²; floors 1–6, four units a floor).
 */
export async function workedExample() {
  const setup = await freshGovernance();
  await must(
    setup.governance,
    ...stairwellCommands({
      households: 24,
      unitsPerFloor: 4,
      ownerName: (room) => `业主${room}`,
      since: '2010-06-01',
      communityId: 'xfkl',
    }),
  );
  return setup;
}

/**
 * Building 96 of 新福康里, stairwell 1, exactly as the seed scenario builds it but with nobody living
 * there yet: 11 owner heads and 984.00 m² (see `building96Commands`).
 */
export async function building96(at = '2026-11-29T02:00:00Z') {
  const setup = await freshGovernance(at);
  await must(setup.governance, ...building96Commands({ residents: false }));
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
