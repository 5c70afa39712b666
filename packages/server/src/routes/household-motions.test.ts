import type { HouseholdMotionsAnswer } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/**
 * The seeded community with a secret households' motion of Building 96 open, a proxy for u201 held by
 * u102, and ballots: u102 yes (itself), u101 no (itself), u201 abstain (in person, over the proxy).
 */
async function withSecretBallots() {
  opened = await testCommunity();
  const { community, organizer, household } = opened;
  const app = createApp(new Map([['xfkl', community]]));
  const u101 = (await community.auth.redeem(await community.auth.issueInviteCode('u101')))?.token ?? '';
  const u201 = (await community.auth.redeem(await community.auth.issueInviteCode('u201')))?.token ?? '';
  const send = async (command: Record<string, unknown>, token: string) => {
    const answer = await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ command }),
    });
    if (answer.status !== 200) throw new Error(`${command.type}: ${await answer.text()}`);
  };
  await send(
    {
      type: 'motion.draft',
      id: 'paint',
      title: '楼道粉刷',
      kind: 'proposal',
      scope: { kind: 'building', id: 'b96' },
      basis: 'households',
      rule: 'simpleMajority',
      secrecy: 'secret',
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
    organizer,
  );
  await send({ type: 'motion.open', motionId: 'paint' }, organizer);
  await send(
    { type: 'proxy.grant', motionId: 'paint', voterId: 'u201', holder: 'u102', paperRef: 'W-1', id: 'p1' },
    organizer,
  );
  const cast = (voterId: string, vote: string, token: string) =>
    send({ type: 'ballot.cast', motionId: 'paint', voterId, vote }, token);
  await cast('u102', 'yes', household);
  await cast('u101', 'no', u101);
  await cast('u201', 'abstain', u201);
  const read = async (token: string) => {
    const answer = await app.request('/c/xfkl/household/motions', { headers: bearer(token) });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    return (await answer.json()) as HouseholdMotionsAnswer;
  };
  return { app, read, household, organizer, u101, u201, send };
}

const paint = (answer: HouseholdMotionsAnswer) => answer.motions.find((m) => m.motionId === 'paint');

describe('GET /household/motions: a household’s own ballots, secret ones included, and nobody else’s', () => {
  it('answers a household its own secret ballot, and of a proxy voter who voted in person not even that they did', async () => {
    const { read, household, app } = await withSecretBallots();
    const mine = await read(household);
    expect(mine.unitId).toBe('u102');
    const [own, proxy] = paint(mine)?.seats ?? [];
    expect(own).toMatchObject({ voterId: 'u102', rooms: ['102'], voted: true });
    expect(own?.ballot?.choice).toEqual({ kind: 'proposal', vote: 'yes' });
    expect(proxy).toMatchObject({
      voterId: 'u201',
      proxyId: 'p1',
      rooms: ['201'],
      // The household holds it: named by its own room, never its unit id.
      holder: { room: '102' },
      voted: false,
    });
    expect(proxy?.ballot).toBeUndefined();
    expect(JSON.stringify(proxy)).not.toContain('u102');
    // Nothing in the answer names another household's choice.
    const text = JSON.stringify(mine);
    expect(text).not.toContain('"no"');
    expect(text).not.toContain('abstain');
    // The public view still shows no secret ballot before close.
    const view = (await (await app.request('/c/xfkl/view')).json()) as { ballots: Record<string, unknown[]> };
    expect(view.ballots.paint).toEqual([]);
  });

  it('answers each household for its own unit only', async () => {
    const { read, u101 } = await withSecretBallots();
    const theirs = await read(u101);
    expect(theirs.unitId).toBe('u101');
    expect(paint(theirs)?.seats).toEqual([
      expect.objectContaining({
        voterId: 'u101',
        voted: true,
        ballot: expect.objectContaining({ choice: { kind: 'proposal', vote: 'no' } }),
      }),
    ]);
    expect(JSON.stringify(paint(theirs))).not.toContain('yes');
  });

  it('shows a proxy holder the ballot it cast for the voter, not the voter’s own after', async () => {
    const { read, household, send, u201 } = await withSecretBallots();
    await send(
      { type: 'ballot.cast', motionId: 'paint', voterId: 'u201', proxyId: 'p1', vote: 'yes' },
      household,
    );
    const seat = () => read(household).then((a) => paint(a)?.seats.find((s) => s.proxyId === 'p1'));
    expect(await seat()).toMatchObject({
      voted: true,
      ballot: { choice: { kind: 'proposal', vote: 'yes' }, channel: 'proxy' },
    });
    await send({ type: 'ballot.cast', motionId: 'paint', voterId: 'u201', vote: 'no' }, u201);
    expect((await seat())?.ballot).toBeUndefined();
  });

  it('on an owners’ roll: the owner head’s seat, and a proxy held by the household’s owner by id', async () => {
    const { read, household, send, organizer } = await withSecretBallots();
    const lift = async () => (await read(household)).motions.find((m) => m.motionId === 'lift');
    // The seeded elevator vote: 102's owner has not voted; 刘女士的邻居's proxy is nobody's seat here.
    expect((await lift())?.seats).toEqual([{ voterId: 'o102', rooms: ['102'], voted: false }]);
    await send(
      {
        type: 'proxy.grant',
        motionId: 'lift',
        voterId: 'o302',
        holder: 'o102',
        paperRef: 'W-302',
        id: 'p302',
      },
      organizer,
    );
    // A public motion: the voter's own ballot is public anyway, so the holder sees it.
    expect((await lift())?.seats[1]).toMatchObject({
      voterId: 'o302',
      proxyId: 'p302',
      // Held by the household's owner: named as the register names them, never by the id `o102`.
      holder: { name: expect.any(String) },
      rooms: ['302'],
      voted: true,
      ballot: { choice: { kind: 'proposal', vote: 'no' }, channel: 'direct' },
    });
  });

  it('refuses anyone but a household: no token 401, the organizer 403', async () => {
    const { app, organizer } = await withSecretBallots();
    expect((await app.request('/c/xfkl/household/motions')).status).toBe(401);
    expect((await app.request('/c/xfkl/household/motions', { headers: bearer(organizer) })).status).toBe(403);
  });

  it('lists a draft open to amendments with the voter the household proposes as, and leaves out other buildings’ motions', async () => {
    const { read, household, send, organizer } = await withSecretBallots();
    await send(
      {
        type: 'motion.draft',
        id: 'rules',
        title: '公约',
        body: '第一条',
        kind: 'proposal',
        scope: { kind: 'building', id: 'b96' },
        basis: 'households',
        rule: 'simpleMajority',
        amendableBy: 'electorate',
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      organizer,
    );
    const answer = await read(household);
    expect(answer.motions.find((m) => m.motionId === 'rules')).toEqual({
      motionId: 'rules',
      seats: [],
      amendAs: ['u102'],
      inScope: true,
    });
    // 福泰大厦's motions are not Building 96's households' business.
    await send(
      {
        type: 'motion.draft',
        id: 'ft-doors',
        title: '福泰大厦门禁',
        kind: 'proposal',
        scope: { kind: 'building', id: 'ft' },
        basis: 'households',
        rule: 'simpleMajority',
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      organizer,
    );
    const ids = (await read(household)).motions.map((m) => m.motionId);
    expect(ids).toContain('rules');
    expect(ids).not.toContain('ft-doors');
  });
});
