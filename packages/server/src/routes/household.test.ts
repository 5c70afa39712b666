import { randomBytes } from 'node:crypto';
import type { HouseholdHome } from '@linli/core';
import { fixedClock, type LinliError } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { FeedTokens } from '../feeds/feed-tokens.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const NOW = '2026-12-01T04:00:00.000Z';

/** The seeded community (新福康里) served at a fixed day, with household feeds, and a session per room asked for. */
async function served() {
  opened = await testCommunity();
  const { community, organizer } = opened;
  const app = createApp(new Map([['xfkl', community]]), {
    clock: fixedClock(NOW),
    feedTokens: new FeedTokens(randomBytes(32)),
  });
  const sessionOf = async (unit: string) => {
    const session = await community.auth.redeem(await community.auth.issueInviteCode(unit));
    if (!session) throw new Error('a fresh invite code was not redeemed');
    return session.token;
  };
  const home = async (token: string) => {
    const response = await app.request('/c/xfkl/household', {
      headers: { authorization: `Bearer ${token}` },
    });
    return { response, body: (await response.json()) as HouseholdHome };
  };
  const command = async (body: unknown, token = organizer) => {
    const response = await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ command: body }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  };
  return { app, community, organizer, sessionOf, home, command };
}

describe('GET /c/:id/household', () => {
  it('answers a household with its unit, what it owes and why, and nothing of another household’s payments', async () => {
    const { sessionOf, home } = await served();
    const { response, body } = await home(await sessionOf('u301'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(body.asOf).toBe('2026-12-01');
    expect(body.unit).toMatchObject({ id: 'u301', room: '301', floor: 3, buildingId: 'b96' });
    const lift = body.accounts.find((a) => a.fundId === 'lift-fund');
    expect(lift).toMatchObject({ share: 3_403_988, paid: 1_701_994, balance: 1_701_994, pays: true });
    expect(lift?.schemes[0]).toMatchObject({
      basis: 'floorCoefficients',
      coefficient: 70,
      due: '2026-12-31',
    });
    expect(lift?.payments.map((p) => p.unitId)).toEqual(['u301']);
    // 601 paid too, with its own receipt: none of it reaches 301 (601 appears only as a duty turn,
    // which the published roster shows anyway).
    expect(JSON.stringify(body.accounts)).not.toContain('u601');
    expect(JSON.stringify(body)).not.toContain('4862841');
    for (const account of body.accounts) for (const p of account.payments) expect(p.unitId).toBe('u301');
    // The elevator's upkeep is a monthly charge on the stairwell, billed with a due date.
    expect(body.accounts.find((a) => a.fundId === 'upkeep')?.bills[0]).toMatchObject({
      month: '2026-11',
      due: '2026-11-01',
    });
  });

  it('a 福泰大厦 household sees the doorman’s wage, and none of Building 96’s funds, duties or motions', async () => {
    const { sessionOf, home } = await served();
    const { body } = await home(await sessionOf('ft01'));
    expect(body.unit).toMatchObject({ building: '福泰大厦', buildingId: 'ft' });
    expect(body.accounts.map((a) => a.fundId)).toEqual(['doorman']);
    expect(body.accounts[0]?.bills.map((b) => b.chargeName)).toEqual(['门卫工资']);
    expect(body.duties).toEqual([]);
    expect(body.motions).toEqual([]);
  });

  it('lists next turns, a swap asked of it (and the asker’s own), and a calendar feed that serves its turns', async () => {
    const { app, sessionOf, home, command } = await served();
    const asker = await sessionOf('u501');
    const before = (await home(asker)).body.duties[0];
    const other = (await home(await sessionOf('u502'))).body.duties[0];
    expect(before?.next.length).toBe(4);
    const mine = before?.next[0] ?? '';
    const theirs = other?.next[0] ?? '';
    await command(
      {
        type: 'duty.proposeSwap',
        dutyId: 'clean',
        id: 'swap-home',
        first: { date: mine, memberId: 'u501' },
        second: { date: theirs, memberId: 'u502' },
      },
      asker,
    );
    const asked = (await home(await sessionOf('u502'))).body.duties[0];
    expect(asked?.asked).toEqual([
      { swapId: 'swap-home', mine: theirs, theirs: mine, otherRoom: '501', stage: 'acceptance' },
    ]);
    expect((await home(asker)).body.duties[0]?.proposed.map((s) => s.swapId)).toEqual(['swap-home']);
    // What it may ask to swap with: other households' turns by room, never its own.
    const offers = before?.others ?? [];
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((o) => o.unitId !== 'u501' && o.room === o.unitId.slice(1))).toBe(true);
    const feed = await app.request(asked?.calendar ?? '');
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  });

  it('marks notices it has not opened, and forgets them once it opens one', async () => {
    const { sessionOf, home, command } = await served();
    const token = await sessionOf('u102');
    await command({
      type: 'announcement.post',
      id: 'n1',
      title: '停水通知',
      body: '周三停水。',
      scope: { kind: 'building', id: 'b96' },
    });
    await command({
      type: 'announcement.post',
      id: 'n2',
      title: '福泰停电',
      body: '周四停电。',
      scope: { kind: 'building', id: 'ft' },
    });
    expect((await home(token)).body.notices).toEqual({
      active: 1,
      unread: [{ id: 'n1', title: '停水通知' }],
    });
    await command({ type: 'announcement.markRead', announcementId: 'n1', unitId: 'u102' }, token);
    expect((await home(token)).body.notices).toEqual({ active: 1, unread: [] });
  });

  it('refuses anyone not signed in as a household, typed', async () => {
    const { app, organizer } = await served();
    const code = async (headers: Record<string, string>) => {
      const response = await app.request('/c/xfkl/household', { headers });
      return [response.status, ((await response.json()) as { error: LinliError }).error.code];
    };
    expect(await code({})).toEqual([401, 'auth.required']);
    expect(await code({ authorization: 'Bearer forged' })).toEqual([401, 'auth.required']);
    expect(await code({ authorization: `Bearer ${organizer}` })).toEqual([403, 'auth.forbidden']);
  });
});
