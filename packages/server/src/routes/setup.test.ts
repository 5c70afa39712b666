import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGovernance, type LinliError, MemoryStore } from '@linli/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import type { HostedCommunity } from '../http/env.js';
import type { SetupHost } from '../setup/setup-host.js';
import { SetupToken } from '../setup/setup-token.js';

const ORIGIN = 'http://127.0.0.1:8787';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-setup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A host on memory stores and a map: founded communities are served at once, as `CommunityHost` does. */
function memoryHost(communities: Map<string, HostedCommunity>): SetupHost {
  return {
    hasCommunity: async () => communities.size > 0,
    async found(id, name) {
      const store = new MemoryStore();
      const governance = await createGovernance({ store, actor: 'operator' });
      const founded = await governance.execute({ type: 'community.found', name });
      if (!founded.ok) return founded;
      const hosted = { id, store, governance, auth: SqliteAuthStore.open(':memory:', id), origins: [] };
      communities.set(id, hosted);
      return { ok: true, value: hosted };
    },
    async withCommunity(id, work) {
      const hosted = communities.get(id);
      return hosted && work(hosted);
    },
  };
}

function server(existing: Map<string, HostedCommunity> = new Map()) {
  const token = new SetupToken(join(dir, 'setup-token.json'));
  const link = token.issue();
  const app = createApp(existing, {
    origins: [ORIGIN],
    setup: { token, host: memoryHost(existing), attemptsPerMinute: 5 },
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    });
  const status = async () => (await (await app.request('/setup/status')).json()) as { open: boolean };
  return { app, link, token, communities: existing, post, status };
}

const form = (token: string, id = 'jiangning-1') => ({
  token,
  community: { id, name: '江宁一村' },
  organizer: { name: '王阿姨', role: 'building-head' },
});

const errorOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error;

describe('POST /setup', () => {
  it('founds the community with its first organizer, serves it at once and answers the token once', async () => {
    const s = server();
    expect(await s.status()).toEqual({ open: true });
    const response = await s.post(form(s.link));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      community: { id: string; name: string };
      organizer: { id: string; name: string; role: string };
      token: string;
    };
    expect(body.community).toEqual({ id: 'jiangning-1', name: '江宁一村' });
    expect(body.organizer).toEqual({ id: 'org-1', name: '王阿姨', role: 'building-head' });
    // No restart: the organizer's token signs in to the community just founded.
    const who = await s.app.request('/c/jiangning-1/session', {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(await who.json()).toEqual({ organizer: true, id: 'org-1', name: '王阿姨', role: 'building-head' });
    const founded = s.communities.get('jiangning-1')?.governance.community.value.community;
    expect(founded?.name).toBe('江宁一村');
    expect(s.token.waiting).toBe(false);
    expect(await s.status()).toEqual({ open: false });
  });

  it('refuses the same link again once it has been used: setup is closed for good (410)', async () => {
    const s = server();
    expect((await s.post(form(s.link))).status).toBe(200);
    const again = await s.post(form(s.link, 'another'));
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe('setup.closed');
    expect([...s.communities.keys()]).toEqual(['jiangning-1']);
  });

  it('is closed while any community exists, even with a valid token', async () => {
    const first = server();
    await first.post(form(first.link));
    const s = server(first.communities); // a later start: a community is stored
    expect(await s.status()).toEqual({ open: false });
    const response = await s.post(form(s.link, 'second'));
    expect(response.status).toBe(410);
    const error = await errorOf(response);
    expect(error.message['zh-CN']).toContain('初始设置已关闭');
    expect(error.message.en).toContain('setup is closed');
    expect(s.communities.has('second')).toBe(false);
  });

  it('refuses any token but the one printed last, and creates nothing', async () => {
    const s = server();
    const earlier = s.link;
    const latest = s.token.issue(); // a new start replaces the link
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (guess) => {
        fc.pre(guess !== latest);
        expect(s.token.matches(guess)).toBe(false);
      }),
    );
    const response = await s.post(form(earlier));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'setup.bad_token', path: ['token'] });
    expect(s.communities.size).toBe(0);
    expect(s.token.waiting).toBe(true);
  });

  it.each([
    ['Upper', 'setup.bad_id', ['community', 'id']],
    ['-leading-hyphen', 'setup.bad_id', ['community', 'id']],
    ['../escape', 'setup.bad_id', ['community', 'id']],
    ['x'.repeat(41), 'setup.bad_id', ['community', 'id']],
    ['', 'setup.bad_id', ['community', 'id']],
  ])('refuses the community id %j with a typed error and creates nothing', async (id, code, path) => {
    const s = server();
    const response = await s.post(form(s.link, id));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code, path });
    expect(s.communities.size).toBe(0);
    expect(s.token.waiting).toBe(true);
  });

  it('refuses an unknown role, a blank name and a malformed body, each typed, and creates nothing', async () => {
    const s = server();
    const role = await s.post({ ...form(s.link), organizer: { name: '王阿姨', role: 'mayor' } });
    expect(await errorOf(role)).toMatchObject({ code: 'setup.bad_role', path: ['organizer', 'role'] });
    const blank = await s.post({ ...form(s.link), community: { id: 'ok', name: '  ' } });
    expect(blank.status).toBe(400);
    expect((await errorOf(blank)).path).toEqual(['community', 'name']);
    const malformed = await s.app.request('/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect((await errorOf(malformed)).code).toBe('http.bad_json');
    expect(s.communities.size).toBe(0);
  });

  it('refuses a post from another website, and limits attempts per client address', async () => {
    const s = server();
    const foreign = await s.post(form(s.link), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('http.origin');
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await s.post(form('wrong'))).status);
    expect(codes).toEqual([403, 403, 403, 403, 429, 429]); // the foreign post counted too
    // Past the limit even the right token waits: guessing cannot be sped up by mixing in good tries.
    expect((await s.post(form(s.link))).status).toBe(429);
    expect(s.communities.size).toBe(0);
  });

  it('founds exactly one community when two setups arrive at once', async () => {
    const s = server();
    const [a, b] = await Promise.all([s.post(form(s.link, 'one')), s.post(form(s.link, 'two'))]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    expect(s.communities.size).toBe(1);
  });

  it('is closed on an app without setup options', async () => {
    const app = createApp(new Map());
    expect(await (await app.request('/setup/status')).json()).toEqual({ open: false });
    const response = await app.request('/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(form('x')),
    });
    expect((await errorOf(response)).code).toBe('setup.closed');
  });
});
