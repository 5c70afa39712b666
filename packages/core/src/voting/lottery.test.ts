import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { createGovernance } from '../governance/governance.js';
import { publishView } from '../governance/published-view.js';
import { sha256Hex } from '../log/event.js';
import { MemoryStore } from '../log/memory-store.js';
import { fixedClock } from '../time/clock.js';
import type { LocalDate } from '../time/local-date.js';
import { hexToBytes } from '../time/random.js';
import { lotteryCommitment, lotteryPriority, lotterySeed } from './lottery.js';

const closesAt = '2026-12-20T10:00:00Z';
const day = '2026-11-29' as LocalDate;
const candidates = [
  { id: 'zhang', label: '张阿姨' },
  { id: 'li', label: '李师傅' },
  { id: 'chen', label: '陈老师' },
];
const stairwell = { kind: 'stairwell', id: 's1' } as const;
/** Two for 张, two for 李, one for 陈: a tie for the win that only the lottery settles. */
const tiedBallots = [
  ['o101', 'zhang'],
  ['o102', 'li'],
  ['o201', 'zhang'],
  ['o202', 'li'],
  ['o301', 'chen'],
] as const;
const castFor = (motionId: string, voterId: string, option: string) => ({
  type: 'ballot.cast',
  motionId,
  voterId,
  option,
});
const draft = (id: string) => ({
  type: 'motion.draft',
  id,
  title: '选举楼组长',
  kind: 'single',
  options: candidates,
  scope: stairwell,
  basis: 'owners',
  rule: 'simpleMajority',
  tieBreak: 'lottery',
  closesAt,
});

/** Other commands an organizer (or anyone) might slip in before closing, to re-roll the draw. */
const otherCommand = fc.oneof(
  fc.nat(99).map((n) => draft(`throwaway-${n}`)),
  fc.nat(99).map((n) => ({ type: 'owner.register', name: `路人${n}`, kind: 'person' })),
  fc.constantFrom(
    { type: 'proxy.grant', motionId: 'm', voterId: 'o401', holder: '李明', paperRef: '委托书 9' },
    { ...draft('other'), tieBreak: 'report' },
    { type: 'motion.open', motionId: 'other' },
    castFor('other', 'o402', 'li'),
    { type: 'motion.close', motionId: 'other' },
  ),
);

async function closedElection(others: readonly (readonly unknown[])[]) {
  const setup = await building96();
  await must(setup.governance, draft('m'), { type: 'motion.open', motionId: 'm' });
  for (const [i, [voter, option]] of tiedBallots.entries()) {
    for (const command of others[i] ?? []) await setup.governance.execute(command);
    await must(setup.governance, castFor('m', voter, option));
  }
  for (const command of others[tiedBallots.length] ?? []) await setup.governance.execute(command);
  setup.clock.set(closesAt);
  await must(setup.governance, { type: 'motion.close', motionId: 'm' });
  const motion = setup.governance.motions.value.find((m) => m.id === 'm');
  return { ...setup, motion };
}

describe('the tie lottery: committed at open, drawn on the final ballots', () => {
  it('no sequence of other commands before the close changes the draw', async () => {
    const baseline = (await closedElection([])).motion?.result;
    expect(baseline?.winners).toHaveLength(1);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(otherCommand, { maxLength: 3 }), {
          minLength: tiedBallots.length + 1,
          maxLength: tiedBallots.length + 1,
        }),
        async (others) => {
          const { motion } = await closedElection(others);
          expect(motion?.result?.seed).toBe(baseline?.seed);
          expect(motion?.result?.winners).toEqual(baseline?.winners);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('publishes only the commitment while open, and reveals a salt that matches it at close', async () => {
    const setup = await building96();
    const { governance, store } = setup;
    await must(governance, draft('m'), { type: 'motion.open', motionId: 'm' });
    const opened = (await store.read()).find((e) => e.type === 'motion.opened');
    const secret = (opened?.payload as { lottery?: { salt: string; commitment: string } } | undefined)
      ?.lottery;
    expect(secret?.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(secret?.commitment).toBe(sha256Hex(hexToBytes(secret?.salt ?? '')));
    const views: string[] = [];
    for (const [voter, option] of tiedBallots) {
      // Before the last ballot the public sees the commitment and nothing from which the salt follows.
      const view = JSON.stringify(publishView(governance, { asOf: day, rosterUntil: day }));
      expect(view).toContain(secret?.commitment);
      expect(view).not.toContain(secret?.salt);
      views.push(view);
      await must(governance, castFor('m', voter, option));
    }
    setup.clock.set(closesAt);
    await must(governance, { type: 'motion.close', motionId: 'm' });
    const motion = governance.motions.value[0];
    const result = motion?.result;
    expect(motion?.lotteryCommitment).toBe(secret?.commitment);
    expect(result?.lotterySalt).toBe(secret?.salt);
    expect(lotteryCommitment(result?.lotterySalt ?? '')).toBe(motion?.lotteryCommitment);
    // Nor did any of those views hold the seed the draw used, or an open tally seeded with it.
    for (const view of views) expect(view).not.toContain(result?.seed);
    // Anyone recounts from the revealed salt and the published ballots.
    expect(result?.seed).toBe(lotterySeed(result?.lotterySalt ?? '', governance.ballots('m')));
    const priority = lotteryPriority(result?.seed ?? '', ['zhang', 'li', 'chen']);
    expect(result?.winners).toEqual([(priority[0] as number) < (priority[1] as number) ? 'zhang' : 'li']);
  });

  it('refuses an early close that the lottery would settle while voters may still vote', async () => {
    // The organizer's log holds the salt: closing early at a chosen moment would pick the draw.
    const setup = await building96();
    const { governance, store, clock } = setup;
    await must(governance, draft('m'), { type: 'motion.open', motionId: 'm' });
    for (const [voter, option] of tiedBallots) await must(governance, castFor('m', voter, option));
    const before = await store.read();
    const early = await governance.execute({ type: 'motion.close', motionId: 'm' });
    expect(early.ok || early.error).toMatchObject({
      code: 'motion.lottery_needs_deadline',
      path: ['motionId'],
      params: { closesAt },
    });
    if (!early.ok) expect(early.error.message['zh-CN']).not.toBe(early.error.message.en);
    expect(await store.read()).toEqual(before);
    clock.set(closesAt);
    await must(governance, { type: 'motion.close', motionId: 'm' });
    expect(governance.motions.value[0]?.result?.winners).toHaveLength(1);
  });

  it('refuses an early close where the lottery breaks an instant-runoff tie for last place', async () => {
    const { governance } = await building96();
    await must(
      governance,
      { ...draft('m'), kind: 'ranked', method: 'irv', tieBreak: 'report' },
      { type: 'motion.open', motionId: 'm' },
    );
    // Round 1: 张 2, 李 1, 陈 1 — 李 and 陈 tie for last with no earlier round to tell them apart.
    for (const [voter, ranking] of [
      ['o101', ['zhang', 'li']],
      ['o102', ['zhang', 'chen']],
      ['o201', ['li', 'zhang']],
      ['o202', ['chen', 'li']],
    ] as const) {
      await must(governance, { type: 'ballot.cast', motionId: 'm', voterId: voter, ranking });
    }
    expect(governance.tally('m')?.irvRounds?.[0]?.tieBrokenBy).toBe('lottery');
    const early = await governance.execute({ type: 'motion.close', motionId: 'm' });
    expect(early.ok || early.error.code).toBe('motion.lottery_needs_deadline');
  });

  it('keeps the salt through a snapshot, so a governance started from one draws the same', async () => {
    const live = await closedElection([]);
    const setup = await building96();
    await must(setup.governance, draft('m'), { type: 'motion.open', motionId: 'm' });
    for (const [voter, option] of tiedBallots) await must(setup.governance, castFor('m', voter, option));
    const restarted = await createGovernance({
      store: setup.store,
      snapshot: JSON.parse(JSON.stringify(setup.governance.snapshot())),
      clock: fixedClock(closesAt),
      actor: 'tester',
    });
    await must(restarted, { type: 'motion.close', motionId: 'm' });
    expect(restarted.motions.value.find((m) => m.id === 'm')?.result).toMatchObject({
      seed: live.motion?.result?.seed,
      lotterySalt: live.motion?.result?.lotterySalt,
    });
  });

  it('keeps the head at close as the seed for a motion whose log predates lottery salts', async () => {
    const { governance, store } = await building96();
    await must(governance, draft('m'), { type: 'motion.open', motionId: 'm' });
    for (const [voter, option] of tiedBallots) await must(governance, castFor('m', voter, option));
    // The same log as an older version wrote it: the open event carries no lottery.
    const old = (await store.read()).map(({ at, actor, type, payload }) => ({
      at,
      actor,
      type,
      payload: type === 'motion.opened' ? { ...(payload as object), lottery: undefined } : payload,
    }));
    const replayed = new MemoryStore();
    await replayed.append(JSON.parse(JSON.stringify(old)), { expectedSeq: 0 });
    const gov = await createGovernance({
      store: replayed,
      clock: fixedClock(closesAt),
      actor: 'tester',
    });
    const head = gov.head.value.hash;
    await must(gov, { type: 'motion.close', motionId: 'm' });
    expect(gov.motions.value.find((m) => m.id === 'm')?.result).toMatchObject({ seed: head });
    expect(gov.motions.value.find((m) => m.id === 'm')?.result?.lotterySalt).toBeUndefined();
  });

  it('depends on the last ballot: the same salt with a different final ballot draws from another seed', async () => {
    const salt = 'ab'.repeat(32);
    const ballot = (option: number) => ({ choice: { kind: 'single' as const, option } });
    const first = lotterySeed(salt, [ballot(0), ballot(1)]);
    expect(lotterySeed(salt, [ballot(1), ballot(0)])).toBe(first); // a set: order does not matter
    expect(lotterySeed(salt, [ballot(0), ballot(2)])).not.toBe(first);
    expect(lotterySeed('cd'.repeat(32), [ballot(0), ballot(1)])).not.toBe(first);
  });
});
