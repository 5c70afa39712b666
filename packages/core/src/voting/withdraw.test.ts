import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { must, stairwellMotion } from '../../test/fixtures.js';

/** Four owners of stairwell `s1` and an open yes/no motion `m` that allows no vote change. */
const openMotion = (extra: Record<string, unknown> = {}) => stairwellMotion({ allowChange: false, ...extra });

type Setup = Awaited<ReturnType<typeof openMotion>>;

const paper = (voterId: string, paperRef: string, vote = 'yes') => ({
  type: 'ballot.cast',
  motionId: 'm',
  voterId,
  vote,
  paperRef,
});
const withdraw = (voterId: string, paperRef: string) => ({
  type: 'ballot.withdraw',
  motionId: 'm',
  voterId,
  paperRef,
});

/** Runs `command` expecting the typed refusal `code`, and checks that the log did not change. */
async function refused(setup: Setup, command: Record<string, unknown>, code: string, actor?: string) {
  const before = (await setup.store.read()).length;
  const result = await setup.governance.execute(command, actor === undefined ? {} : { actor });
  expect(result.ok || result.error.code).toBe(code);
  expect((await setup.store.read()).length).toBe(before);
}

const tallyOf = (setup: Setup) => {
  const tally = setup.governance.tally('m');
  return { voted: tally?.votedVoters, checks: tally?.checks.map((c) => [c.actual, c.base]) };
};

describe('ballot.withdraw (undoing a paper ballot entered by mistake)', () => {
  it('takes the paper ballot out of the count as a new event; the log keeps both', async () => {
    const setup = await openMotion();
    await must(setup.governance, paper('o101', 'P-1'));
    const before = tallyOf(setup);
    await must(setup.governance, paper('o102', 'P-2', 'no'));
    await must(setup.governance, withdraw('o102', 'P-2'));
    expect(tallyOf(setup)).toEqual(before);
    expect(setup.governance.ballots('m').map((b) => b.voterId)).toEqual(['o101']);
    const types = (await setup.store.read()).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['ballot.cast', 'ballot.withdrawn']);
    // The room can then be entered again, although this motion allows no change of vote.
    await must(setup.governance, paper('o102', 'P-2', 'yes'));
    expect(setup.governance.ballots('m').find((b) => b.voterId === 'o102')?.choice).toEqual({
      kind: 'proposal',
      vote: 'yes',
    });
  });

  it('counts as if the withdrawn paper had never been entered, whatever papers come before and after', async () => {
    const voters = ['o101', 'o102', 'o201', 'o202'];
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(voters, { minLength: 1 }),
        fc.array(fc.constantFrom('yes', 'no', 'abstain'), { minLength: 4, maxLength: 4 }),
        fc.nat(3),
        async (entered, votes, pick) => {
          const undone = entered[pick % entered.length] ?? 'o101';
          const withUndo = await openMotion();
          const without = await openMotion();
          for (const [i, voter] of entered.entries()) {
            await must(withUndo.governance, paper(voter, `P-${i}`, votes[i]));
            if (voter !== undone) await must(without.governance, paper(voter, `P-${i}`, votes[i]));
          }
          await must(withUndo.governance, withdraw(undone, `P-${entered.indexOf(undone)}`));
          expect(tallyOf(withUndo)).toEqual(tallyOf(without));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses, changing nothing, a withdrawal naming another paper than the one counted', async () => {
    const setup = await openMotion();
    await must(setup.governance, paper('o101', 'P-1'));
    await refused(setup, withdraw('o101', 'P-9'), 'ballot.not_withdrawable');
  });

  it('refuses to withdraw a ballot cast in person (only paper entered by the office is undone)', async () => {
    const setup = await openMotion();
    await must(setup.governance, { type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'yes' });
    await refused(setup, withdraw('o101', 'P-1'), 'ballot.not_withdrawable');
  });

  it('refuses to withdraw a paper that replaced an earlier ballot (withdrawing would lose that one)', async () => {
    const setup = await openMotion({ allowChange: true });
    await must(setup.governance, { type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'no' });
    await must(setup.governance, paper('o101', 'P-1'));
    await refused(setup, withdraw('o101', 'P-1'), 'ballot.not_withdrawable');
  });

  it('refuses a voter with no ballot, a voter not on the roll, and anyone outside the organizer’s office', async () => {
    const setup = await openMotion();
    await refused(setup, withdraw('o101', 'P-1'), 'ballot.not_withdrawable');
    await refused(setup, withdraw('nobody', 'P-1'), 'ballot.not_eligible');
    await must(setup.governance, paper('o101', 'P-1'));
    await refused(setup, withdraw('o101', 'P-1'), 'auth.forbidden', 'household:u101');
  });

  it('refuses once the motion is closed: a recorded result is never changed', async () => {
    const setup = await openMotion();
    await must(setup.governance, paper('o101', 'P-1'), { type: 'motion.close', motionId: 'm' });
    await refused(setup, withdraw('o101', 'P-1'), 'motion.not_open');
  });
});
