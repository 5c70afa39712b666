import { createGovernance, fixedClock, type Governance, MemoryStore } from '@linli/core';
import { coOwnedStairwellCommands } from '@linli/core/testing';
import { describe, expect, it } from 'vitest';
import { allowed } from './authorize.js';

async function run(gov: Governance, ...commands: unknown[]): Promise<void> {
  for (const command of commands) {
    const result = await gov.execute(command);
    if (!result.ok) throw new Error(result.error.message.en);
  }
}

/** Unit 101 co-owned by o9 and o10 (one voter, keyed `o10`); 102 owned by o102; an open motion `m`. */
async function coOwned(): Promise<Governance> {
  const gov = await createGovernance({ store: new MemoryStore(), clock: fixedClock('2026-11-29T02:00:00Z') });
  await run(
    gov,
    ...coOwnedStairwellCommands(),
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

describe('allowed: a household proposes amendments as its own voter, and decides none', () => {
  it('lets a household propose only in the name of a voter its unit belongs to', async () => {
    const gov = await coOwned();
    await run(gov, {
      type: 'motion.draft',
      id: 'd',
      title: '电梯使用公约',
      body: '第一条',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'simpleMajority',
      amendableBy: 'electorate',
      closesAt: '2026-12-20T10:00:00Z',
    });
    const u101 = { kind: 'household', unitId: 'u101' } as const;
    const u102 = { kind: 'household', unitId: 'u102' } as const;
    const propose = (voterId?: string) => ({
      type: 'motion.proposeAmendment',
      motionId: 'd',
      text: '第一条 改',
      ...(voterId === undefined ? {} : { voterId }),
    });
    expect(allowed(u101, propose('o9'), gov)).toBe(true);
    expect(allowed(u101, propose('o10'), gov)).toBe(true);
    expect(allowed(u102, propose('o9'), gov)).toBe(false);
    expect(allowed(u101, propose(), gov)).toBe(false);
    expect(allowed(u101, { ...propose('o9'), motionId: 'nothing' }, gov)).toBe(false);
    for (const type of ['motion.acceptAmendment', 'motion.rejectAmendment'])
      expect(allowed(u101, { type, motionId: 'd', amendmentId: 'a1' }, gov)).toBe(false);
  });
});

describe('allowed: a household takes part in swaps of its own turns only', () => {
  it('asks and withdraws as the first household, accepts and declines as the second, never approves', async () => {
    const gov = await coOwned();
    await run(
      gov,
      { type: 'resident.moveIn', unitId: 'u101', date: '2015-01-01' },
      { type: 'resident.moveIn', unitId: 'u102', date: '2015-01-01' },
      {
        type: 'duty.define',
        id: 'd',
        name: '清洁电梯',
        scope: { kind: 'stairwell', id: 's1' },
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        start: '2026-11-30',
        time: '08:00',
        durationMinutes: 60,
        policy: 'fixedOrder',
        holidays: 'ignore',
        swapNeedsApproval: true,
      },
      {
        type: 'duty.proposeSwap',
        dutyId: 'd',
        id: 's',
        first: { date: '2026-11-30', memberId: 'u101' },
        second: { date: '2026-12-07', memberId: 'u102' },
      },
    );
    const u101 = { kind: 'household', unitId: 'u101' } as const;
    const u102 = { kind: 'household', unitId: 'u102' } as const;
    const step = (type: string) => ({ type, dutyId: 'd', swapId: 's' });
    expect([u101, u102].map((h) => allowed(h, step('duty.withdrawSwap'), gov))).toEqual([true, false]);
    expect([u101, u102].map((h) => allowed(h, step('duty.acceptSwap'), gov))).toEqual([false, true]);
    expect([u101, u102].map((h) => allowed(h, step('duty.declineSwap'), gov))).toEqual([false, true]);
    expect([u101, u102].map((h) => allowed(h, step('duty.approveSwap'), gov))).toEqual([false, false]);
    expect(allowed(u102, { ...step('duty.declineSwap'), swapId: 'nope' }, gov)).toBe(false);
    expect(allowed({ kind: 'organizer' } as never, step('duty.approveSwap'), gov)).toBe(true);
  });
});

describe('allowed: a notice is marked read by the household itself, and by nobody else', () => {
  it('lets a household mark only its own unit’s read, and never the organizer (a count is of households)', async () => {
    const gov = await coOwned();
    const read = (unitId: string) => ({ type: 'announcement.markRead', announcementId: 'n', unitId });
    const u101 = { kind: 'household', unitId: 'u101' } as const;
    const organizer = { kind: 'organizer', id: 'org-1', name: '王阿姨', role: 'building-head' } as const;
    expect(allowed(u101, read('u101'), gov)).toBe(true);
    expect(allowed(u101, read('u102'), gov)).toBe(false);
    expect(allowed(organizer, read('u101'), gov)).toBe(false);
    // Posting and the readers policy stay the organizer's.
    const post = { type: 'announcement.post', title: 't', body: 'b', scope: { kind: 'community' } };
    expect(allowed(u101, post, gov)).toBe(false);
    expect(allowed(organizer, post, gov)).toBe(true);
    expect(allowed(u101, { type: 'announcement.setReadersPolicy', showReaders: true }, gov)).toBe(false);
  });
});
