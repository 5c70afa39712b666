import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';

async function rota() {
  const setup = await building96('2026-01-01T00:00:00Z');
  for (const unitId of ['u101', 'u102', 'u201', 'u202'])
    await must(setup.governance, { type: 'resident.moveIn', unitId, date: '2015-01-01' });
  await must(setup.governance, {
    type: 'duty.define',
    id: 'd',
    name: '清洁电梯',
    scope: { kind: 'units', ids: ['u101', 'u102', 'u201', 'u202'] },
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    start: '2026-01-05',
    time: '08:00',
    durationMinutes: 60,
    policy: 'fixedOrder',
    swapNeedsApproval: true,
  });
  return setup;
}

describe('duties: bad input gets a typed error and changes nothing', () => {
  it.each([
    [
      'an unknown member',
      {
        type: 'duty.absence',
        dutyId: 'd',
        memberId: 'u999',
        from: '2026-02-01',
        to: '2026-02-10',
        reason: 'x',
      },
      'rotation.unknown_member',
      ['memberId'],
    ],
    [
      'an absence in the past',
      {
        type: 'duty.absence',
        dutyId: 'd',
        memberId: 'u101',
        from: '2025-12-01',
        to: '2026-02-10',
        reason: 'x',
      },
      'rotation.past_edit',
      ['from'],
    ],
    [
      'a swap with oneself',
      {
        type: 'duty.proposeSwap',
        dutyId: 'd',
        first: { date: '2026-01-05', memberId: 'u101' },
        second: { date: '2026-01-12', memberId: 'u101' },
      },
      'rotation.swap_with_self',
      ['second', 'memberId'],
    ],
    [
      'a swap on a day with no slot',
      {
        type: 'duty.proposeSwap',
        dutyId: 'd',
        first: { date: '2026-01-06', memberId: 'u101' },
        second: { date: '2026-01-12', memberId: 'u102' },
      },
      'rotation.not_a_slot',
      ['first', 'date'],
    ],
    [
      'a swap of a turn that is not theirs',
      {
        type: 'duty.proposeSwap',
        dutyId: 'd',
        first: { date: '2026-01-12', memberId: 'u101' },
        second: { date: '2026-01-19', memberId: 'u201' },
      },
      'rotation.not_their_turn',
      ['first', 'date'],
    ],
    [
      'an unsupported rule',
      {
        type: 'duty.define',
        name: 'x',
        scope: { kind: 'stairwell', id: 's1' },
        rrule: 'FREQ=YEARLY',
        start: '2026-01-05',
        time: '08:00',
        durationMinutes: 30,
      },
      'rotation.bad_rrule',
      ['recurrence', 'rrule'],
    ],
    [
      'an unknown time zone',
      {
        type: 'duty.define',
        name: 'x',
        scope: { kind: 'stairwell', id: 's1' },
        rrule: 'FREQ=DAILY',
        start: '2026-01-05',
        time: '08:00',
        durationMinutes: 30,
        timeZone: 'Mars/Olympus',
      },
      'rotation.bad_time_zone',
      ['timeZone'],
    ],
    [
      'a bad time',
      {
        type: 'duty.define',
        name: 'x',
        scope: { kind: 'stairwell', id: 's1' },
        rrule: 'FREQ=DAILY',
        start: '2026-01-05',
        time: '25:00',
        durationMinutes: 30,
      },
      'validation.invalid_format',
      ['time'],
    ],
  ])('%s', async (_name, command, code, path) => {
    const { governance, store } = await rota();
    const before = await store.read();
    const result = await governance.execute(command);
    expect(result.ok || result.error).toMatchObject({ code, path });
    expect(await store.read()).toEqual(before);
  });

  it('takes a swap only once both agree and the head approves', async () => {
    const { governance } = await rota();
    await must(governance, {
      type: 'duty.proposeSwap',
      dutyId: 'd',
      id: 's',
      first: { date: '2026-01-05', memberId: 'u101' },
      second: { date: '2026-01-12', memberId: 'u102' },
    });
    const onDuty = () => governance.roster('d', '2026-01-31' as never).map((s) => s.assignees[0]);
    expect(onDuty()).toEqual(['u101', 'u102', 'u201', 'u202']);
    const early = await governance.execute({ type: 'duty.approveSwap', dutyId: 'd', swapId: 's' });
    expect(early.ok || early.error.code).toBe('rotation.swap_state');
    await must(governance, { type: 'duty.acceptSwap', dutyId: 'd', swapId: 's' });
    expect(onDuty()).toEqual(['u101', 'u102', 'u201', 'u202']); // agreed, not yet approved
    await must(governance, { type: 'duty.approveSwap', dutyId: 'd', swapId: 's' });
    expect(onDuty()).toEqual(['u102', 'u101', 'u201', 'u202']);
  });

  it('reports a slot nobody can take as unfilled, not as an error', async () => {
    const { governance } = await rota();
    for (const memberId of ['u101', 'u102', 'u201', 'u202']) {
      await must(governance, {
        type: 'duty.absence',
        dutyId: 'd',
        memberId,
        from: '2026-02-01',
        to: '2026-02-10',
        reason: '出游',
      });
    }
    const slot = governance.roster('d', '2026-02-28' as never).find((s) => s.date === '2026-02-02');
    expect(slot).toMatchObject({ assignees: [], unfilled: { reason: 'no-eligible-members', missing: 1 } });
  });
});
