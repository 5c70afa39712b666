import { createGovernance, type LinliError, MemoryStore } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import { testCommunity } from '../testing/hosted-community.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A community behind one trusted proxy, so each request can come from an address of its own. */
async function community(options: AppOptions = {}) {
  const store = new MemoryStore();
  const governance = await createGovernance({ store });
  const auth = SqliteAuthStore.open(':memory:', 'xfkl');
  const app = createApp(new Map([['xfkl', { id: 'xfkl', store, governance, auth, origins: [] }]]), {
    trustProxy: 1,
    ...options,
  });
  cleanups.push(async () => {
    governance.dispose();
    await auth.close();
  });
  const signIn = (code: string, from = '198.51.100.1') =>
    app.request('/c/xfkl/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ code }),
    });
  return { app, auth, signIn };
}

const errorOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error;

/** A wrong code with the given three-character prefix (so it aims at one household's code or none). */
const wrong = (prefix: string, i: number) =>
  `${prefix}${'23456789AB'[i % 10]}${'CDEFGHJKMN'[((i / 10) % 10) | 0]}-ZZZZZ`;

describe('signing in with a code', () => {
  it("past one address's limit: that address waits, told how long; the right code works from another", async () => {
    const { auth, signIn } = await community({ codeAttemptsPerMinute: 5 });
    const code = await auth.issueInviteCode('u101');
    for (let i = 0; i < 5; i += 1) expect((await signIn(wrong('XYZ', i), '198.51.100.7')).status).toBe(401);
    const refused = await signIn(code, '198.51.100.7');
    expect(refused.status).toBe(429);
    const error = await errorOf(refused);
    expect(error.params).toMatchObject({ scope: 'address' });
    expect(error.message['zh-CN']).toMatch(/这个网络.*请 \d+ 秒后再试/);
    expect((await signIn(code, '198.51.100.8')).status).toBe(200);
  });

  it("guesses at one household's code stop at its limit; a neighbour's code on the same Wi-Fi still works", async () => {
    const { auth, signIn } = await community({ codeAttemptsPerHouseholdPerMinute: 3 });
    const mine = await auth.issueInviteCode('u101');
    const neighbour = await auth.issueInviteCode('u102');
    const prefix = mine.slice(0, 3);
    for (let i = 0; i < 3; i += 1) expect((await signIn(wrong(prefix, i))).status).toBe(401);
    const refused = await signIn(wrong(prefix, 4));
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).params).toMatchObject({ scope: 'household' });
    expect((await signIn(neighbour)).status).toBe(200);
  });

  it("a flood from many addresses stops at the community's limit, and says so", async () => {
    const { signIn } = await community({ codeAttemptsPerCommunityPerMinute: 4 });
    for (let i = 0; i < 4; i += 1) expect((await signIn(wrong('XYZ', i), `203.0.113.${i}`)).status).toBe(401);
    const refused = await signIn(wrong('XYZ', 5), '203.0.113.99');
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).params).toMatchObject({ scope: 'everyone' });
  });

  it('lets a building behind one Wi-Fi sign in by default: 50 households, a typo each, one address', async () => {
    const { auth, signIn } = await community();
    for (let i = 0; i < 50; i += 1) {
      const code = await auth.issueInviteCode(`u${i}`);
      expect((await signIn(`${code.slice(0, 9)}${code.at(-1) === '2' ? '3' : '2'}`)).status).toBe(401);
      expect((await signIn(code)).status).toBe(200);
    }
  });
});

describe("a household's devices", () => {
  it('adds a phone with a code the first shows, lists both, ends one, and warns before the last signs out', async () => {
    const { app, auth, signIn } = await community();
    const first = (await (await signIn(await auth.issueInviteCode('u101'))).json()) as { token: string };
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const issued = await app.request('/c/xfkl/session/devices/codes', {
      method: 'POST',
      headers: as(first.token),
    });
    const { code } = (await issued.json()) as { code: string };
    const second = (await (await signIn(code)).json()) as { token: string; device: string };
    const listed = (await (
      await app.request('/c/xfkl/session/devices', { headers: as(first.token) })
    ).json()) as {
      household: string;
      devices: { id: string; current: boolean; addedBy: string }[];
    };
    expect(listed.household).toBe('u101');
    expect(listed.devices.map((d) => [d.addedBy, d.current])).toEqual([
      ['invite', true],
      ['pairing', false],
    ]);
    const notMine = await app.request('/c/xfkl/session/devices/0123456789abcdef', {
      method: 'DELETE',
      headers: as(first.token),
    });
    expect(notMine.status).toBe(404);
    expect((await errorOf(notMine)).code).toBe('auth.no_such_device');
    const ended = await app.request(`/c/xfkl/session/devices/${second.device}`, {
      method: 'DELETE',
      headers: as(first.token),
    });
    expect(ended.status).toBe(200);
    expect((await app.request('/c/xfkl/session', { headers: as(second.token) })).status).toBe(401);
    const warned = await app.request('/c/xfkl/sessions', { method: 'DELETE', headers: as(first.token) });
    expect(warned.status).toBe(409);
    const warning = await errorOf(warned);
    expect(warning.code).toBe('auth.last_device');
    expect(warning.message['zh-CN']).toContain('重新打印一张入户通知');
    expect((await app.request('/c/xfkl/session', { headers: as(first.token) })).status).toBe(200);
    const out = await app.request('/c/xfkl/sessions?last=confirmed', {
      method: 'DELETE',
      headers: as(first.token),
    });
    expect(out.status).toBe(200);
  });
});

describe('GET /session', () => {
  it('names a household by its building and room, as its header shows it, never only by its unit id', async () => {
    const seeded = await testCommunity();
    cleanups.push(() => seeded.close());
    const app = createApp(new Map([['xfkl', seeded.community]]));
    const answer = await app.request('/c/xfkl/session', {
      headers: { authorization: `Bearer ${seeded.household}` },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ household: 'u102', building: '96号楼', room: '102' });
  });
});
