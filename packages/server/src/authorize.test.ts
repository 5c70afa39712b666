import { createGovernance, fixedClock, type Governance, MemoryStore } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { allowed } from './authorize.js';

async function run(gov: Governance, ...commands: object[]): Promise<void> {
  for (const command of commands) {
    const result = await gov.execute(command);
    if (!result.ok) throw new Error(result.error.message.en);
  }
}

/** Unit 101 co-owned by o9 and o10 (one voter, keyed `o10`); 102 owned by o102. */
async function coOwned(): Promise<Governance> {
  const gov = await createGovernance({ store: new MemoryStore(), clock: fixedClock('2026-11-29T02:00:00Z') });
  await run(
    gov,
    { type: 'community.found', name: '新福康里' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
  );
  for (const room of ['101', '102']) {
    await run(gov, {
      type: 'unit.add',
      stairwellId: 's1',
      room,
      floor: 1,
      area: 8000,
      areaSource: 'registered',
      id: `u${room}`,
    });
  }
  await run(
    gov,
    { type: 'owner.register', name: '甲', kind: 'person', id: 'o9' },
    { type: 'owner.register', name: '乙', kind: 'person', id: 'o10' },
    { type: 'owner.register', name: '丙', kind: 'person', id: 'o102' },
    { type: 'unit.transfer', unitId: 'u101', ownerIds: ['o9', 'o10'], date: '2012-05-01' },
    { type: 'unit.transfer', unitId: 'u102', ownerIds: ['o102'], date: '2012-05-01' },
    {
      type: 'motion.draft',
      id: 'm',
      title: '加装电梯',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'simpleMajority',
      closesAt: '2026-12-20T10:00:00Z',
    },
    { type: 'motion.open', motionId: 'm' },
  );
  return gov;
}

const ballot = (voterId: string) => ({ type: 'ballot.cast', motionId: 'm', voterId, vote: 'yes' });

describe('allowed: a household votes for the voters its unit belongs to', () => {
  it('lets a co-owned unit’s household cast as either co-owner, and no other household', async () => {
    const gov = await coOwned();
    const u101 = { kind: 'household', unitId: 'u101' } as const;
    const u102 = { kind: 'household', unitId: 'u102' } as const;
    expect(allowed(u101, ballot('o10'), gov)).toBe(true);
    expect(allowed(u101, ballot('o9'), gov)).toBe(true);
    expect(allowed(u102, ballot('o9'), gov)).toBe(false);
    expect(allowed(u101, ballot('o102'), gov)).toBe(false);
  });
});

describe('allowed: an organizer enters paper ballots, never a bare ballot in a voter’s name', () => {
  it('refuses an organizer’s ballot without a paper reference and accepts one with it', async () => {
    const gov = await coOwned();
    const organizer = { kind: 'organizer', id: 'org-1', name: '王阿姨', role: 'building-head' } as const;
    expect(allowed(organizer, ballot('o102'), gov)).toBe(false);
    expect(allowed(organizer, { ...ballot('o102'), paperRef: '纸质票 No.7' }, gov)).toBe(true);
    expect(allowed(organizer, { type: 'motion.close', motionId: 'm' }, gov)).toBe(true);
  });
});
