import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { pendingSwaps, swapStage } from './swaps.js';

const MEMBERS = ['u101', 'u102', 'u201', 'u202'];

/** Four households on a Monday rota (fixed order from 2026-01-05), with or without the head's approval. */
async function rota(swapNeedsApproval: boolean) {
  const setup = await building96('2026-01-01T00:00:00Z');
  for (const unitId of MEMBERS)
    await must(setup.governance, { type: 'resident.moveIn', unitId, date: '2015-01-01' });
  await must(
    setup.governance,
    {
      type: 'duty.define',
      id: 'd',
      name: '清洁电梯',
      scope: { kind: 'units', ids: MEMBERS },
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2026-01-05',
      time: '08:00',
      durationMinutes: 60,
      policy: 'fixedOrder',
      swapNeedsApproval,
    },
    {
      type: 'duty.proposeSwap',
      dutyId: 'd',
      id: 's',
      first: { date: '2026-01-05', memberId: 'u101' },
      second: { date: '2026-01-12', memberId: 'u102' },
    },
  );
  const onDuty = () => setup.governance.roster('d', '2026-01-31' as never).map((s) => s.assignees[0]);
  const swap = () => setup.governance.duty('d')?.swaps.find((s) => s.id === 's');
  return { ...setup, onDuty, swap };
}

const UNCHANGED = ['u101', 'u102', 'u201', 'u202'];
const TRADED = ['u102', 'u101', 'u201', 'u202'];

describe('a swap from request to effect, or to its end', () => {
  it('a withdrawn request never takes effect, even where no approval is needed', async () => {
    const { governance, onDuty, swap } = await rota(false);
    await must(governance, { type: 'duty.withdrawSwap', dutyId: 'd', swapId: 's' });
    expect(swap()?.status).toBe('withdrawn');
    expect(onDuty()).toEqual(UNCHANGED);
    const late = await governance.execute({ type: 'duty.acceptSwap', dutyId: 'd', swapId: 's' });
    expect(late.ok || late.error).toMatchObject({ code: 'rotation.swap_state', path: ['swapId'] });
    expect(onDuty()).toEqual(UNCHANGED);
  });

  it('the other household declines a request; the head declines an agreed swap', async () => {
    const asked = await rota(true);
    await must(asked.governance, { type: 'duty.declineSwap', dutyId: 'd', swapId: 's' });
    expect(asked.swap()?.status).toBe('declined');
    expect(asked.onDuty()).toEqual(UNCHANGED);

    const agreed = await rota(true);
    await must(agreed.governance, { type: 'duty.acceptSwap', dutyId: 'd', swapId: 's' });
    expect(pendingSwaps(agreed.governance.duty('d') as never).map((s) => s.stage)).toEqual(['approval']);
    await must(agreed.governance, { type: 'duty.declineSwap', dutyId: 'd', swapId: 's' });
    expect(agreed.onDuty()).toEqual(UNCHANGED);
    expect(pendingSwaps(agreed.governance.duty('d') as never)).toEqual([]);
  });

  it('approving twice, or declining a swap in effect, is refused and changes nothing', async () => {
    const { governance, store, onDuty } = await rota(true);
    await must(governance, { type: 'duty.acceptSwap', dutyId: 'd', swapId: 's' });
    await must(governance, { type: 'duty.approveSwap', dutyId: 'd', swapId: 's' });
    expect(onDuty()).toEqual(TRADED);
    const before = await store.read();
    for (const type of ['duty.approveSwap', 'duty.declineSwap', 'duty.withdrawSwap', 'duty.acceptSwap']) {
      const again = await governance.execute({ type, dutyId: 'd', swapId: 's' });
      expect(again.ok || again.error, type).toMatchObject({
        code: 'rotation.swap_state',
        params: { status: 'approved' },
      });
    }
    const twice = await governance.execute({ type: 'duty.approveSwap', dutyId: 'd', swapId: 's' });
    expect(twice.ok || twice.error.message['zh-CN']).toBe('该换班当前状态为“已批准”，不能进行此操作');
    expect(await store.read()).toEqual(before);
    expect(onDuty()).toEqual(TRADED);
  });

  it('an accepted swap is in effect at once where the duty needs no approval, and cannot be approved', async () => {
    const { governance, onDuty, swap } = await rota(false);
    await must(governance, { type: 'duty.acceptSwap', dutyId: 'd', swapId: 's' });
    expect(onDuty()).toEqual(TRADED);
    expect(swapStage({ swapNeedsApproval: false }, swap() as never)).toBe('inEffect');
    const approve = await governance.execute({ type: 'duty.approveSwap', dutyId: 'd', swapId: 's' });
    expect(approve.ok || approve.error.code).toBe('rotation.swap_state');
  });

  it('names each stage from the status and the approval rule', () => {
    const stage = (needs: boolean, status: 'proposed' | 'agreed' | 'approved' | 'declined' | 'withdrawn') =>
      swapStage({ swapNeedsApproval: needs }, { status });
    expect([stage(true, 'proposed'), stage(true, 'agreed'), stage(true, 'approved')]).toEqual([
      'acceptance',
      'approval',
      'inEffect',
    ]);
    expect([stage(false, 'agreed'), stage(false, 'declined'), stage(false, 'withdrawn')]).toEqual([
      'inEffect',
      'declined',
      'withdrawn',
    ]);
  });

  it('a turn a swap moved can be swapped on by its new holder, though the swap’s other turn is later', async () => {
    const { governance } = await rota(false);
    await must(governance, { type: 'duty.acceptSwap', dutyId: 'd', swapId: 's' });
    // u102 now holds 01-05 (its own 01-12 went to u101); it may trade 01-05 again, with u201's 01-19.
    const again = await governance.execute({
      type: 'duty.proposeSwap',
      dutyId: 'd',
      id: 's2',
      first: { date: '2026-01-05', memberId: 'u102' },
      second: { date: '2026-01-19', memberId: 'u201' },
    });
    expect(again.ok).toBe(true);
    // And u101 may no longer offer 01-05, which is not its turn any more.
    const stale = await governance.execute({
      type: 'duty.proposeSwap',
      dutyId: 'd',
      id: 's3',
      first: { date: '2026-01-05', memberId: 'u101' },
      second: { date: '2026-01-26', memberId: 'u202' },
    });
    expect(stale.ok ? '' : stale.error.code).toBe('rotation.not_their_turn');
  });
});
