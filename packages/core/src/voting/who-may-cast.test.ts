import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { coOwnedStairwellCommands } from '../testing/co-owned.js';

const closesAt = '2026-12-20T10:00:00Z';

/**
 * One stairwell: 101 co-owned by o9 and o10 (one voter, keyed `o10`, the smaller id), 102 owned by
 * o102, and 201 with no owner and no registered developer (the member-less `developer` voter).
 */
async function stairwell(extra: Record<string, unknown> = {}) {
  const setup = await freshGovernance();
  const { governance } = setup;
  await must(
    governance,
    ...coOwnedStairwellCommands(),
    {
      type: 'motion.draft',
      id: 'm',
      title: '加装电梯',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'simpleMajority',
      closesAt,
      ...extra,
    },
    { type: 'motion.open', motionId: 'm' },
  );
  return setup;
}

const cast = (voterId: string, vote: string, extra: Record<string, unknown> = {}) => ({
  type: 'ballot.cast',
  motionId: 'm',
  voterId,
  vote,
  ...extra,
});

describe('co-owners: any member of a voter may cast its one ballot', () => {
  it('has the co-owned unit on the roll as one voter keyed by the smaller owner id', async () => {
    const { governance } = await stairwell();
    const roll = governance.motions.value[0]?.electorate ?? [];
    expect(roll.find((v) => v.id === 'o10')?.members).toEqual(['o10', 'o9']);
    expect(roll.find((v) => v.id === 'developer')?.members).toEqual([]);
  });

  it('accepts a ballot cast as o9 and records it under the voter, with the member who cast it', async () => {
    const { governance } = await stairwell();
    const result = await governance.execute(cast('o9', 'yes'));
    expect(result.ok || result.error).toBe(true);
    expect(governance.ballots('m')).toMatchObject([
      { voterId: 'o10', member: 'o9', channel: 'direct', choice: { vote: 'yes' } },
    ]);
    expect(governance.tally('m')?.totals.headcount).toMatchObject({ participating: 1, yes: 1 });
  });

  it('lets the latest ballot from any member stand, and records whose ballot it replaced', async () => {
    const { governance } = await stairwell();
    await must(governance, cast('o9', 'yes'), cast('o10', 'no'));
    expect(governance.ballots('m')).toMatchObject([
      { voterId: 'o10', member: 'o10', choice: { vote: 'no' }, revision: 2, supersedes: 'o9' },
    ]);
    expect(governance.tally('m')?.totals.headcount).toMatchObject({ participating: 1, yes: 0 });
  });

  it('registers a proxy named by a member under the voter, so the holder votes for the whole unit', async () => {
    const { governance } = await stairwell();
    await must(
      governance,
      { type: 'proxy.grant', motionId: 'm', voterId: 'o9', holder: '李明', paperRef: '委托书 1', id: 'p1' },
      cast('o10', 'yes', { proxyId: 'p1' }),
    );
    expect(governance.ballots('m')).toMatchObject([{ voterId: 'o10', channel: 'proxy', proxyId: 'p1' }]);
  });

  it('keeps the first member’s ballot where changes are not allowed', async () => {
    const { governance, store } = await stairwell({ allowChange: false });
    await must(governance, cast('o9', 'yes'));
    const before = await store.read();
    const second = await governance.execute(cast('o10', 'no'));
    expect(second.ok || second.error).toMatchObject({
      code: 'ballot.already_cast',
      path: ['voterId'],
    });
    expect(await store.read()).toEqual(before);
  });
});

describe('a voter with no members: only the organizer enters its paper ballot', () => {
  it('refuses a ballot for it from anyone but the organizer, and changes nothing', async () => {
    const { governance, store } = await stairwell();
    const before = await store.read();
    for (const extra of [{}, { paperRef: '纸质票 1' }]) {
      const result = await governance.execute(cast('developer', 'yes', extra), { actor: 'household:u102' });
      expect(result.ok || result.error).toMatchObject({ code: 'ballot.organizer_only', path: ['voterId'] });
      if (!result.ok) expect(result.error.message['zh-CN']).not.toBe(result.error.message.en);
    }
    expect(await store.read()).toEqual(before);
  });

  it('refuses the organizer too unless the ballot is a paper one', async () => {
    const { governance } = await stairwell();
    const direct = await governance.execute(cast('developer', 'yes'));
    expect(direct.ok || direct.error.code).toBe('ballot.organizer_only');
    await must(governance, cast('developer', 'yes', { paperRef: '纸质票 1' }));
    expect(governance.ballots('m')).toMatchObject([
      { voterId: 'developer', channel: 'paper', castBy: 'tester', paper: { official: 'tester' } },
    ]);
  });
});
