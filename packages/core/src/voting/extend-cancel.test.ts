import { describe, expect, it } from 'vitest';
import { MOTION_CLOSES_AT, must, stairwellMotion } from '../../test/fixtures.js';
import { dueWork } from '../governance/due-work.js';
import { createGovernance } from '../governance/governance.js';
import { SCHEDULER_ACTOR } from '../governance/scheduler-actor.js';
import { restoreSnapshot, takeSnapshot } from '../governance/snapshot.js';
import { replay } from '../governance/state.js';
import { motionHistory } from './history.js';
import { visibleBallots } from './visibility.js';

const closesAt = MOTION_CLOSES_AT;
const later = '2026-12-27T10:00:00Z';

/** Four owners of stairwell `s1` and motion `m` (a yes/no proposal), drafted by `tester`; opened unless `draft`. */
async function motion(extra: Record<string, unknown> = {}, open = true) {
  const setup = await stairwellMotion(extra, open);
  const current = () => setup.governance.motions.value.find((m) => m.id === 'm');
  return { ...setup, current };
}

/** Runs `command` expecting the typed refusal `code`, and checks that the log did not change. */
async function refused(
  setup: Awaited<ReturnType<typeof motion>>,
  command: Record<string, unknown>,
  code: string,
  actor?: string,
) {
  const before = (await setup.store.read()).length;
  const result = await setup.governance.execute(command, actor === undefined ? {} : { actor });
  expect(result.ok || result.error.code).toBe(code);
  expect((await setup.store.read()).length).toBe(before);
}

describe('motion.extend', () => {
  it('moves an open motion’s deadline later; the scheduler then waits for the new one', async () => {
    const setup = await motion();
    await must(setup.governance, { type: 'motion.extend', motionId: 'm', closesAt: later });
    expect(setup.current()?.closesAt).toBe(later);
    const state = setup.governance.read((s) => s);
    expect(dueWork(state, new Date(closesAt)).items).toEqual([]);
    expect(dueWork(state, new Date(later)).items.map((i) => i.key)).toEqual(['motion.close:m']);
    // Ballots still go in between the old and the new deadline.
    setup.clock.set('2026-12-21T00:00:00Z');
    await must(setup.governance, { type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'yes' });
  });

  it.each([
    ['to the same deadline', { closesAt }, 'motion.extend_not_later'],
    ['to an earlier deadline', { closesAt: '2026-12-19T10:00:00Z' }, 'motion.extend_not_later'],
  ])('refuses moving it %s', async (_what, fields, code) => {
    await refused(await motion(), { type: 'motion.extend', motionId: 'm', ...fields }, code);
  });

  it('refuses once the deadline has passed: the result is known by then', async () => {
    const setup = await motion();
    setup.clock.set(closesAt);
    await refused(setup, { type: 'motion.extend', motionId: 'm', closesAt: later }, 'motion.past_deadline');
  });

  it('is the organizer’s office’s alone', async () => {
    const setup = await motion();
    const extend = { type: 'motion.extend', motionId: 'm', closesAt: later };
    await refused(setup, extend, 'auth.forbidden', 'household:u101');
    await refused(setup, extend, 'scheduler.not_due_work', SCHEDULER_ACTOR);
    // Another organizer of the same office may.
    const result = await setup.governance.execute(extend, { actor: 'tester/org-2' });
    expect(result.ok).toBe(true);
  });

  it('refuses a draft (revise its deadline instead) and a closed motion', async () => {
    const draft = await motion({}, false);
    await refused(draft, { type: 'motion.extend', motionId: 'm', closesAt: later }, 'motion.not_open');
    const closed = await motion();
    await must(closed.governance, { type: 'motion.close', motionId: 'm' });
    await refused(closed, { type: 'motion.extend', motionId: 'm', closesAt: later }, 'motion.not_open');
  });
});

describe('motion.cancel', () => {
  it('withdraws a draft with its reason', async () => {
    const setup = await motion({}, false);
    await must(setup.governance, { type: 'motion.cancel', motionId: 'm', reason: '方案需重新设计' });
    expect(setup.current()).toMatchObject({ status: 'cancelled', cancelReason: '方案需重新设计' });
    await refused(setup, { type: 'motion.open', motionId: 'm' }, 'motion.not_draft');
  });

  it('withdraws an open motion: no more ballots, no scheduled close, no result', async () => {
    const setup = await motion();
    await must(setup.governance, { type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'yes' });
    await must(setup.governance, { type: 'motion.cancel', motionId: 'm' });
    await refused(
      setup,
      { type: 'ballot.cast', motionId: 'm', voterId: 'o102', vote: 'no' },
      'motion.not_open',
    );
    const state = setup.governance.read((s) => s);
    expect(dueWork(state, new Date(later)).items).toEqual([]);
    expect(setup.current()?.result).toBeUndefined();
    // The log replays to the same motion.
    expect(replay(await setup.store.read()).voting.motions.get('m')?.motion).toEqual(setup.current());
  });

  it('survives a snapshot: a governance resumed from it holds the cancelled motion as a replay does', async () => {
    const setup = await motion();
    await must(setup.governance, { type: 'motion.extend', motionId: 'm', closesAt: later });
    await must(setup.governance, { type: 'motion.cancel', motionId: 'm', reason: '重新征询' });
    const snapshot = JSON.parse(JSON.stringify(setup.governance.snapshot()));
    const restored = restoreSnapshot(snapshot);
    expect(restored.ok || restored.error.code).toBe(true);
    const resumed = await createGovernance({ store: setup.store, snapshot });
    expect(resumed.snapshot()).toEqual(takeSnapshot(replay(await setup.store.read())));
    expect(resumed.motions.value[0]).toMatchObject({ status: 'cancelled', closesAt: later });
  });

  it('releases no ballot of a secret motion, even after its deadline', async () => {
    const setup = await motion({ secrecy: 'secret' });
    for (const voterId of ['o101', 'o102', 'o201'])
      await must(setup.governance, { type: 'ballot.cast', motionId: 'm', voterId, vote: 'yes' });
    await must(setup.governance, { type: 'motion.cancel', motionId: 'm' });
    const entry = setup.governance.read((s) => s.voting.motions.get('m'));
    if (!entry) throw new Error('no motion');
    expect(visibleBallots(entry, new Date(later))).toEqual([]);
  });

  it('refuses a closed or already cancelled motion, and anyone outside the organizer’s office', async () => {
    const closed = await motion();
    await must(closed.governance, { type: 'motion.close', motionId: 'm' });
    await refused(closed, { type: 'motion.cancel', motionId: 'm' }, 'motion.not_cancellable');
    const twice = await motion();
    await must(twice.governance, { type: 'motion.cancel', motionId: 'm' });
    await refused(twice, { type: 'motion.cancel', motionId: 'm' }, 'motion.not_cancellable');
    await refused(
      await motion(),
      { type: 'motion.cancel', motionId: 'm' },
      'auth.forbidden',
      'household:u101',
    );
  });
});

describe('motionHistory', () => {
  it('tells who did what when, from draft to the scheduler’s close', async () => {
    const setup = await motion({ kind: 'proposal' }, false);
    const { governance, clock } = setup;
    await must(governance, {
      type: 'motion.proposeAmendment',
      motionId: 'm',
      id: 'a1',
      text: '加装门禁（含对讲）',
    });
    await governance.execute({ type: 'motion.acceptAmendment', motionId: 'm', amendmentId: 'a1' });
    await governance.execute({ type: 'motion.open', motionId: 'm' }, { actor: 'tester/org-2' });
    await governance.execute({ type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'yes' });
    await must(governance, { type: 'motion.extend', motionId: 'm', closesAt: later });
    clock.set(later);
    const closed = await governance.execute(
      { type: 'motion.close', motionId: 'm' },
      { actor: SCHEDULER_ACTOR },
    );
    expect(closed.ok).toBe(true);

    const history = motionHistory(await setup.store.read(), 'm');
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ['drafted', 'tester'],
      ['amendmentProposed', 'tester'],
      ['amendmentAccepted', 'tester'],
      ['opened', 'tester/org-2'],
      ['extended', 'tester'],
      ['closed', SCHEDULER_ACTOR],
    ]);
    expect(history[4]).toMatchObject({ closesAt: later, previous: closesAt });
    expect(history[5]).toMatchObject({ at: new Date(later).toISOString(), early: false, outcome: 'passed' });
    expect(history.every((h, i) => i === 0 || h.seq > (history[i - 1]?.seq ?? 0))).toBe(true);
    expect(motionHistory(await setup.store.read(), 'nothing')).toEqual([]);
  });
});
