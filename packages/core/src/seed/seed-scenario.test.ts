import { describe, expect, it } from 'vitest';
import { createGovernance } from '../governance/governance.js';
import { MemoryStore } from '../log/memory-store.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { seedScenario } from './seed-scenario.js';

describe('the seed scenario', () => {
  it('builds the whole reference story, every command accepted, and a log that verifies', async () => {
    const store = new MemoryStore();
    const gov = await createGovernance({
      store,
      clock: fixedClock('2026-11-29T02:00:00Z'),
      ids: sequentialIds(),
      actor: 'residents-committee',
    });
    const ids = await seedScenario(gov);
    expect(gov.tally(ids.elevatorMotion)).toMatchObject({
      outcome: 'pending',
      votedVoters: 9,
      eligibleVoters: 11,
    });
    expect(gov.motions.value.find((m) => m.id === ids.headElection)?.result).toMatchObject({
      outcome: 'passed',
      winners: ['zhang'],
    });
    expect(gov.fundView(ids.liftFund)?.totals).toEqual({
      share: 36_000_000,
      paid: 6_564_835,
      arrears: 29_435_165,
    });
    expect(gov.fundView(ids.doormanFund)?.totals.share).toBe(480_000);
    expect(gov.roster(ids.cleaningDuty, '2027-01-31' as never).some((s) => s.swap === 'swap-1')).toBe(true);
    expect(await gov.verify()).toMatchObject({ ok: true });
  });
});
