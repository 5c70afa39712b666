import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { must, stairwellMotion } from '../../test/fixtures.js';
import { motionHistory } from './history.js';

/** Two organizer persons of the office that drafted `m` (`tester`), as a server names them. */
const ANN = 'tester/org-1';
const BO = 'tester/org-2';

/** Four owners of stairwell `s1` and an open yes/no motion `m` whose paper ballots need a second check. */
const twoPerson = (extra: Record<string, unknown> = {}) =>
  stairwellMotion({ paperCheck: 'twoPerson', allowChange: false, ...extra });
/** The same motion with paper ballots counted as entered. */
const onePerson = (extra: Record<string, unknown> = {}) => stairwellMotion({ allowChange: false, ...extra });

type Setup = Awaited<ReturnType<typeof twoPerson>>;

const paper = (voterId: string, paperRef: string, vote = 'yes') => ({
  type: 'ballot.cast',
  motionId: 'm',
  voterId,
  vote,
  paperRef,
});
const confirm = (voterId: string, paperRef: string) => ({
  type: 'ballot.confirmPaper',
  motionId: 'm',
  voterId,
  paperRef,
});
const reject = (voterId: string, paperRef: string) => ({
  type: 'ballot.rejectPaper',
  motionId: 'm',
  voterId,
  paperRef,
});

async function as(setup: Setup, actor: string, command: Record<string, unknown>) {
  const result = await setup.governance.execute(command, { actor });
  if (!result.ok) throw new Error(`${String(command.type)} refused: ${result.error.code}`);
}

/** Runs `command` expecting the typed refusal `code`, and checks that the log did not change. */
async function refused(setup: Setup, actor: string, command: Record<string, unknown>, code: string) {
  const before = (await setup.store.read()).length;
  const result = await setup.governance.execute(command, { actor });
  expect(result.ok || result.error.code).toBe(code);
  expect((await setup.store.read()).length).toBe(before);
}

const tallyOf = (setup: Setup) => {
  const tally = setup.governance.tally('m');
  return {
    voted: tally?.votedVoters,
    checks: tally?.checks.map((c) => [c.actual, c.base]),
    options: tally?.options,
    outcome: tally?.outcome,
  };
};
const pendingOf = (setup: Setup) =>
  setup.governance.read((s) => [...(s.voting.motions.get('m')?.pendingPapers.values() ?? [])]);

describe('two-person paper entry (paperCheck: twoPerson)', () => {
  it('keeps an entered paper pending, out of the tally, until a different organizer confirms it', async () => {
    const setup = await twoPerson();
    const empty = tallyOf(setup);
    await as(setup, ANN, paper('o101', 'P-1'));
    expect(tallyOf(setup)).toEqual(empty);
    expect(setup.governance.ballots('m')).toEqual([]);
    expect(pendingOf(setup).map((p) => [p.voterId, p.paper?.reference, p.castBy])).toEqual([
      ['o101', 'P-1', ANN],
    ]);
    await as(setup, BO, confirm('o101', 'P-1'));
    expect(pendingOf(setup)).toEqual([]);
    const [ballot] = setup.governance.ballots('m');
    expect(ballot?.paper).toEqual({ reference: 'P-1', official: ANN, checkedBy: BO });
    expect(tallyOf(setup).voted).toBe(1);
  });

  it('refuses self-confirmation with a typed error, changing nothing', async () => {
    const setup = await twoPerson();
    await as(setup, ANN, paper('o101', 'P-1'));
    await refused(setup, ANN, confirm('o101', 'P-1'), 'ballot.self_confirmation');
    expect(pendingOf(setup)).toHaveLength(1);
  });

  it('refuses a second paper for a household whose paper is pending', async () => {
    const setup = await twoPerson({ allowChange: true });
    await as(setup, ANN, paper('o101', 'P-1'));
    await refused(setup, BO, paper('o101', 'P-2', 'no'), 'ballot.paper_pending');
  });

  it('refuses to confirm or reject a paper that is not pending, and anyone outside the office', async () => {
    const setup = await twoPerson();
    await refused(setup, BO, confirm('o101', 'P-1'), 'ballot.no_pending_paper');
    await as(setup, ANN, paper('o101', 'P-1'));
    await refused(setup, BO, confirm('o101', 'P-9'), 'ballot.no_pending_paper');
    await refused(setup, 'household:u102', confirm('o101', 'P-1'), 'auth.forbidden');
    await refused(setup, 'household:u102', reject('o101', 'P-1'), 'auth.forbidden');
  });

  it('a rejected paper never counts and the room can be entered again', async () => {
    const setup = await twoPerson();
    await as(setup, ANN, paper('o101', 'P-1', 'no'));
    await as(setup, BO, reject('o101', 'P-1'));
    expect(pendingOf(setup)).toEqual([]);
    expect(setup.governance.ballots('m')).toEqual([]);
    await as(setup, BO, paper('o101', 'P-1', 'yes'));
    await as(setup, ANN, confirm('o101', 'P-1'));
    expect(setup.governance.ballots('m').map((b) => b.choice)).toEqual([{ kind: 'proposal', vote: 'yes' }]);
  });

  it('refuses a confirmation when the household has voted in person meanwhile and may not change', async () => {
    const setup = await twoPerson();
    await as(setup, ANN, paper('o101', 'P-1', 'no'));
    await must(setup.governance, { type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'yes' });
    await refused(setup, BO, confirm('o101', 'P-1'), 'ballot.already_cast');
  });

  it('at close, pending papers do not count, and the result and the history say how many', async () => {
    const setup = await twoPerson();
    await as(setup, ANN, paper('o101', 'P-1'));
    await as(setup, ANN, paper('o102', 'P-2'));
    await as(setup, BO, confirm('o101', 'P-1'));
    await as(setup, BO, { type: 'motion.close', motionId: 'm' });
    const m = setup.governance.motions.value.find((x) => x.id === 'm');
    expect(m?.result?.unconfirmedPapers).toEqual([{ voterId: 'o102', paperRef: 'P-2' }]);
    expect(pendingOf(setup)).toEqual([]);
    expect(setup.governance.tally('m')?.votedVoters).toBe(1);
    const closed = motionHistory(await setup.store.read(), 'm').find((e) => e.action === 'closed');
    expect(closed).toMatchObject({ action: 'closed', unconfirmedPapers: 1 });
  });

  it('survives a snapshot: pending papers are restored', async () => {
    const setup = await twoPerson();
    await as(setup, ANN, paper('o101', 'P-1'));
    const snapshot = setup.governance.snapshot();
    const saved = snapshot.voting.motions.find((x) => x.motion.id === 'm');
    expect(saved?.pendingPapers?.map((p) => p.voterId)).toEqual(['o101']);
  });

  it('is refused on a motion without the second check: a paper counts as entered there', async () => {
    const setup = await onePerson();
    await as(setup, ANN, paper('o101', 'P-1'));
    expect(setup.governance.ballots('m')).toHaveLength(1);
    await refused(setup, BO, confirm('o101', 'P-1'), 'ballot.no_pending_paper');
  });

  const voters = ['o101', 'o102', 'o201', 'o202'];
  const entries = fc.array(
    fc.record({ voter: fc.constantFrom(...voters), vote: fc.constantFrom('yes', 'no', 'abstain') }),
    { minLength: 1, maxLength: 6 },
  );

  it('property: a pending ballot never changes the tally', async () => {
    await fc.assert(
      fc.asyncProperty(entries, async (papers) => {
        const setup = await twoPerson({ allowChange: true });
        const before = tallyOf(setup);
        for (const [i, p] of papers.entries()) {
          const result = await setup.governance.execute(paper(p.voter, `P-${i}`, p.vote), { actor: ANN });
          if (!result.ok) expect(result.error.code).toBe('ballot.paper_pending');
          expect(tallyOf(setup)).toEqual(before);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('property: confirmed = as if entered directly (same ballots, same tally)', async () => {
    await fc.assert(
      fc.asyncProperty(entries, fc.boolean(), async (papers, allowChange) => {
        const checked = await twoPerson({ allowChange });
        const direct = await onePerson({ allowChange });
        for (const [i, p] of papers.entries()) {
          const entry = paper(p.voter, `P-${i}`, p.vote);
          const first = await checked.governance.execute(entry, { actor: ANN });
          const second = first.ok
            ? await checked.governance.execute(confirm(p.voter, `P-${i}`), { actor: BO })
            : first;
          const plain = await direct.governance.execute(entry, { actor: ANN });
          expect(second.ok || second.error.code).toBe(plain.ok || plain.error.code);
        }
        expect(tallyOf(checked)).toEqual(tallyOf(direct));
        const strip = (s: Setup) =>
          s.governance.ballots('m').map(({ voterId, choice, revision }) => ({ voterId, choice, revision }));
        expect(strip(checked)).toEqual(strip(direct));
      }),
      { numRuns: 15 },
    );
  });
});
