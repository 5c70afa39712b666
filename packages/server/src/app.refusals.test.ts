import { createGovernance, type LinliError, MemoryStore } from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AppOptions, createApp } from './app.js';
import type { AuthStore } from './auth/auth-store.js';
import { SqliteAuthStore } from './auth/sqlite-auth-store.js';

/** An auth store whose database is full: reading works, every write throws as better-sqlite3 does. */
function fullDatabase(inner: AuthStore): AuthStore {
  const full = () =>
    Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  return {
    addOrganizer: full,
    organizers: () => inner.organizers(),
    reissueOrganizerToken: full,
    revokeOrganizer: full,
    issueOrganizerToken: full,
    issueInviteCode: full,
    redeem: full,
    issuePairingCode: full,
    devices: (token) => inner.devices(token),
    signOut: full,
    endDevice: full,
    principal: (token) => inner.principal(token),
    revoke: full,
    revokeHousehold: full,
    close: () => inner.close(),
  };
}

async function community(options: AppOptions = {}, wrap: (auth: AuthStore) => AuthStore = (a) => a) {
  const store = new MemoryStore();
  const governance = await createGovernance({ store, actor: 'residents-committee' });
  await seedScenario(governance);
  const inner = SqliteAuthStore.open(':memory:', 'xfkl');
  const organizer = await inner.issueOrganizerToken();
  const code = await inner.issueInviteCode('u102');
  const auth = wrap(inner);
  const app = createApp(
    new Map([['xfkl', { id: 'xfkl', store, governance, auth, origins: ['https://embed.example'] }]]),
    options,
  );
  cleanups.push(async () => {
    governance.dispose();
    await inner.close();
  });
  return { app, store, organizer, code };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.restoreAllMocks();
});

/** Expects the typed JSON refusal: this status and code, a path, and both languages. */
async function typed(response: Response, status: number, code: string): Promise<LinliError> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const { error } = (await response.json()) as { error: LinliError };
  expect(error.code).toBe(code);
  expect(error.path).toEqual([]);
  expect(error.message['zh-CN']).toBeTruthy();
  expect(error.message.en).toBeTruthy();
  return error;
}

describe('every refusal is the typed JSON error', () => {
  it('answers an unknown route or method with a typed 404', async () => {
    const { app } = await community();
    await typed(await app.request('/nowhere'), 404, 'http.no_route');
    await typed(await app.request('/c/xfkl/nothing-here'), 404, 'http.no_route');
    await typed(await app.request('/c/xfkl/view', { method: 'PUT' }), 404, 'http.no_route');
    await typed(await app.request('/c/elsewhere/view'), 404, 'http.not_found');
  });

  it('answers a full sign-in database with a typed 503 and an incident number, keeping its words in the log', async () => {
    const { app, organizer, code } = await community({}, fullDatabase);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const signIn = await app.request('/c/xfkl/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const error = await typed(signIn, 503, 'server.unavailable');
    expect(JSON.stringify(error)).not.toContain('disk is full');
    expect(logged.mock.calls.flat().join(' ')).toContain(
      `(${error.params.reason}): database or disk is full`,
    );
    const invites = await app.request('/c/xfkl/invites', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
      body: JSON.stringify({ units: ['u102'] }),
    });
    await typed(invites, 503, 'server.unavailable');
  });
});

describe('the write-origin check', () => {
  const write = (url: string, organizer: string, origin: string) =>
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}`, origin },
      body: JSON.stringify({
        command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'yes', paperRef: 'P-102' },
      }),
    });

  it('refuses a DNS-rebinding page, whose Host header names its own site', async () => {
    const { app, store, organizer } = await community({ origins: ['http://127.0.0.1:8787'] });
    const before = (await store.read()).length;
    const rebound = write('http://evil.example:8787/c/xfkl/commands', organizer, 'http://evil.example:8787');
    await typed(await app.request(rebound), 403, 'http.origin');
    expect(await store.read()).toHaveLength(before);
  });

  it("accepts the server's configured origins and the community's listed ones", async () => {
    const { app, organizer } = await community({ origins: ['http://127.0.0.1:8787'] });
    const own = write('http://127.0.0.1:8787/c/xfkl/commands', organizer, 'http://127.0.0.1:8787');
    expect((await app.request(own)).status).toBe(200);
    const embed = write('http://127.0.0.1:8787/c/xfkl/commands', organizer, 'https://embed.example');
    expect((await app.request(embed)).status).toBe(200);
  });
});
