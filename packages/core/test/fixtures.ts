import { createGovernance, fixedClock, type Governance, MemoryStore, sequentialIds } from '../src/index.js';

/** A governance on a fresh memory store with a pinned clock and `kind-n` ids. */
export async function freshGovernance(at = '2026-11-29T02:00:00Z') {
  const store = new MemoryStore();
  const clock = fixedClock(at);
  const governance = await createGovernance({ store, clock, ids: sequentialIds(), actor: 'tester' });
  return { store, clock, governance };
}

/** Executes commands in order and fails loudly if any is rejected. */
export async function must(governance: Governance, ...commands: unknown[]): Promise<void> {
  for (const command of commands) {
    const result = await governance.execute(command);
    if (!result.ok) throw new Error(`fixture command rejected: ${JSON.stringify(result.error)}`);
  }
}

/**
 * The worked example of DESIGN.md §3: one stairwell of Building 96 with 24 owners and 1,800.00 m²
 * (24 units of 75.00 m²; floors 1–6, four units a floor).
 */
export async function workedExample() {
  const setup = await freshGovernance();
  const { governance } = setup;
  await must(
    governance,
    { type: 'community.found', name: '新福康里', id: 'xfkl' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
  );
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
