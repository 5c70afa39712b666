import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOTION_CLOSES_AT, must, stairwellMotion } from '../../test/fixtures.js';
import { SCHEDULER_ACTOR } from '../governance/scheduler-actor.js';
import { replay } from '../governance/state.js';

/** The stored `motion.closed` event's envelope time: what `closedAt` must say. */
async function closedEventAt(store: { read(): Promise<readonly { type: string; at: string }[]> }) {
  const events = await store.read();
  return events.find((e) => e.type === 'motion.closed')?.at;
}

describe('Motion.closedAt', () => {
  it('is the instant an early close was logged, beside the scheduled closesAt', async () => {
    const setup = await stairwellMotion();
    setup.clock.set('2026-12-18T07:30:00Z');
    await must(setup.governance, { type: 'motion.close', motionId: 'm' });
    const m = setup.governance.motions.value.find((x) => x.id === 'm');
    expect(m).toMatchObject({ status: 'closed', closedEarly: true, closesAt: MOTION_CLOSES_AT });
    expect(m?.closedAt).toBe(await closedEventAt(setup.store));
    expect(Date.parse(m?.closedAt ?? '')).toBe(Date.parse('2026-12-18T07:30:00Z'));
  });

  it('is the scheduled close’s own time, which may be after closesAt (the server closes when it wakes)', async () => {
    const setup = await stairwellMotion();
    setup.clock.set('2026-12-20T10:00:07Z');
    const closed = await setup.governance.execute(
      { type: 'motion.close', motionId: 'm' },
      { actor: SCHEDULER_ACTOR },
    );
    expect(closed.ok).toBe(true);
    const m = setup.governance.motions.value.find((x) => x.id === 'm');
    expect(m?.closedEarly).toBe(false);
    expect(Date.parse(m?.closedAt ?? '')).toBe(Date.parse('2026-12-20T10:00:07Z'));
  });

  it('is absent while the motion is open', async () => {
    const setup = await stairwellMotion();
    expect(setup.governance.motions.value.find((x) => x.id === 'm')?.closedAt).toBeUndefined();
  });

  it('replays to the same value, whenever the close happened (the log, not the reader’s clock, decides)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 19 * 24 * 3600 }), async (seconds) => {
        const setup = await stairwellMotion();
        const at = new Date(Date.parse('2026-11-30T00:00:00Z') + seconds * 1000).toISOString();
        setup.clock.set(at);
        await must(setup.governance, { type: 'motion.close', motionId: 'm' });
        const live = setup.governance.motions.value.find((x) => x.id === 'm');
        expect(Date.parse(live?.closedAt ?? '')).toBe(Date.parse(at));
        setup.clock.set('2030-01-01T00:00:00Z'); // a later reader
        expect(replay(await setup.store.read()).voting.motions.get('m')?.motion).toEqual(live);
      }),
      { numRuns: 15 },
    );
  });
});
