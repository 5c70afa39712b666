import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshGovernance, MOTION_CLOSES_AT, must } from '../../test/fixtures.js';
import { chineseHolidays } from '../rotation/holidays.js';
import { stairwellCommands } from '../testing/stairwell.js';
import type { LocalDate } from '../time/local-date.js';
import { householdRecord } from './household-record.js';

const TODAY = '2026-11-29' as LocalDate;

/** Stairwell `s1` of four households; 101 changed hands in 2024, voted on a public and a secret motion. */
async function story(secretVote: 'yes' | 'no' | 'abstain' = 'no') {
  const { governance } = await freshGovernance();
  const motion = (id: string, secrecy: 'public' | 'secret') => ({
    type: 'motion.draft',
    id,
    title: secrecy === 'public' ? '加装门禁' : '选聘物业',
    kind: 'proposal',
    scope: { kind: 'stairwell', id: 's1' },
    basis: 'owners',
    rule: 'simpleMajority',
    closesAt: MOTION_CLOSES_AT,
    secrecy,
    ...(secrecy === 'secret' ? { showVoters: false } : {}),
  });
  await must(
    governance,
    ...stairwellCommands({ households: 4, residents: true, since: '2015-03-01' }),
    { type: 'owner.register', name: '陈小姐', kind: 'person', id: 'chen' },
    { type: 'unit.transfer', unitId: 'u101', ownerIds: ['chen'], date: '2024-06-15' },
    { type: 'resident.moveOut', residentId: 'r101', date: '2024-06-15' },
    { type: 'resident.moveIn', unitId: 'u101', id: 'chen-r', name: '陈小姐', date: '2024-06-20' },
    motion('pub', 'public'),
    { type: 'motion.open', motionId: 'pub' },
    { type: 'ballot.cast', motionId: 'pub', voterId: 'chen', vote: 'yes' },
    motion('sec', 'secret'),
    { type: 'motion.open', motionId: 'sec' },
    { type: 'ballot.cast', motionId: 'sec', voterId: 'chen', vote: secretVote },
    { type: 'fund.open', id: 'door', name: '门卫工资', budget: 0 },
    {
      type: 'charge.define',
      id: 'wage',
      fundId: 'door',
      name: '门卫工资',
      monthlyAmount: 300_000,
      scope: { kind: 'stairwell', id: 's1' },
      start: '2026-09',
    },
    { type: 'charge.bill', chargeId: 'wage', month: '2026-09' },
    { type: 'charge.bill', chargeId: 'wage', month: '2026-10' },
    { type: 'fund.pay', fundId: 'door', unitId: 'u101', amount: 75_000 },
    {
      type: 'duty.define',
      id: 'stairs',
      name: '楼道清扫',
      scope: { kind: 'stairwell', id: 's1' },
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2026-11-02',
      time: '08:00',
      durationMinutes: 60,
      policy: 'fixedOrder',
    },
    {
      type: 'role.define',
      id: 'head',
      buildingId: 'b96',
      name: { 'zh-CN': '楼组长', en: 'Building head' },
      termMonths: 36,
    },
    { type: 'role.appoint', roleId: 'head', holder: 'chen-r', reason: '居民推选', from: '2025-01-01' },
  );
  return governance;
}

describe('householdRecord', () => {
  it("gives 101's whole record: owners over time, residents in and out, votes, dues, turns and roles", async () => {
    const governance = await story();
    const record = governance.householdRecord('u101');
    expect(record?.unit).toEqual({
      id: 'u101',
      room: '101',
      floor: 1,
      area: 7500,
      building: '96号楼',
      stairwell: '1单元',
    });
    expect(record?.ownership).toEqual([
      { from: '2015-03-01', until: '2024-06-15', owners: [{ id: 'o101', name: '101室业主' }] },
      { from: '2024-06-15', until: null, owners: [{ id: 'chen', name: '陈小姐' }] },
    ]);
    expect(record?.residents.map((r) => [r.id, r.movedIn, r.movedOut])).toEqual([
      ['r101', '2015-03-01', '2024-06-15'],
      ['chen-r', '2024-06-20', undefined],
    ]);
    expect(record?.votes).toEqual([
      {
        motionId: 'pub',
        title: '加装门禁',
        status: 'open',
        secrecy: 'public',
        voted: true,
        choice: { 'zh-CN': '同意', en: 'yes' },
      },
      { motionId: 'sec', title: '选聘物业', status: 'open', secrecy: 'secret', voted: null, choice: null },
    ]);
    expect(record?.dues).toEqual([
      {
        fundId: 'door',
        fundName: '门卫工资',
        share: 150_000,
        paid: 75_000,
        owed: 75_000,
        bills: [
          { chargeId: 'wage', chargeName: '门卫工资', month: '2026-09', amount: 75_000 },
          { chargeId: 'wage', chargeName: '门卫工资', month: '2026-10', amount: 75_000 },
        ],
      },
    ]);
    // Fixed order from 2 November: 101, 102, 201, 202, then 101 again on the 30th.
    expect(record?.turns).toEqual([
      { dutyId: 'stairs', dutyName: '楼道清扫', past: ['2026-11-02'], next: '2026-11-30' },
    ]);
    expect(record?.roles).toEqual([
      {
        termId: expect.any(String),
        roleName: { 'zh-CN': '楼组长', en: 'Building head' },
        residentId: 'chen-r',
        from: '2025-01-01',
        until: '2028-01-01',
        active: true,
      },
    ]);
    expect(
      governance.read((s) => householdRecord(s, 'nowhere', { today: TODAY, holidays: chineseHolidays })),
    ).toBeUndefined();
  });

  it('never tells a secret ballot: the record is the same whatever the household chose', async () => {
    const records = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('yes', 'no', 'abstain') as fc.Arbitrary<'yes' | 'no' | 'abstain'>,
        async (vote) => {
          const governance = await story(vote);
          const record = JSON.stringify(governance.householdRecord('u101'));
          records.set(vote, record);
          expect(record).not.toContain('反对');
          expect(record).not.toContain('弃权');
          for (const other of records.values()) expect(record).toBe(other);
        },
      ),
      { numRuns: 6 },
    );
  });
});
