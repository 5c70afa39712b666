import { linliError } from '@linli/core';
import { endpointSession, sessionKey } from '@linli/widgets';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/api-client.js';
import { memoryStorage } from '../test/screen-context.ts';
import { householdKey, organizerKey, Sessions } from './session.js';
import { householdLabel } from './strings.js';

/** A server that knows one organizer token and one household session of community `c1`. */
function fakeServer() {
  const calls: string[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${String(input)} ${auth}`);
    if (String(input) === '/c/c1/sessions' && method === 'DELETE')
      return json(409, { error: linliError('auth.last_device') });
    if (String(input) === '/c/c1/sessions?last=confirmed' && method === 'DELETE')
      return json(200, { signedOut: true });
    if (auth === 'Bearer organizer-token')
      return json(200, { organizer: true, id: 'org-1', name: '王阿姨', role: 'building-head' });
    if (auth === 'Bearer household-token')
      return json(200, { household: 'u102', building: '96号楼', room: '102' });
    return json(401, { error: linliError('auth.required') });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function setup() {
  const server = fakeServer();
  const storages = { tab: memoryStorage(), device: memoryStorage() };
  const sessions = new Sessions(storages);
  const community = (path: string) => /^\/c\/([^/]+)/.exec(path)?.[1];
  const api = new ApiClient({
    fetch: server.fetch,
    token: (path) => {
      const id = community(path);
      return id === undefined ? undefined : sessions.token(id);
    },
  });
  /**
   * What `<linli-sign-in endpoint="/c/c1">` leaves behind once the server accepted a code (the
   * element itself is tested in @linli/widgets): the session under its key, and then the shell's
   * `restore` that its `linli-signed-in` event triggers.
   */
  const householdSignedIn = async (token = 'household-token') => {
    storages.device.setItem(householdKey('c1'), JSON.stringify({ token, household: 'u102' }));
    endpointSession('/c/c1').value = { token, household: 'u102' };
    return sessions.restore('c1', api);
  };
  return { server, storages, sessions, api, householdSignedIn };
}

describe('sign-ins', () => {
  it('keep an organizer’s token in the tab only and show who it is', async () => {
    const { storages, sessions, api } = setup();
    const answer = await sessions.signInOrganizer('c1', '  organizer-token ', api);
    expect(answer).toEqual({
      ok: true,
      value: { kind: 'organizer', id: 'org-1', name: '王阿姨', role: 'building-head' },
    });
    expect(storages.tab.getItem(organizerKey('c1'))).toBe('organizer-token');
    expect(storages.device.length).toBe(0);
    expect(sessions.who.value.c1?.kind).toBe('organizer');
  });

  it('keep a household’s session where the widgets’ <linli-sign-in endpoint="/c/…"> keeps it, in its shape', async () => {
    const { storages, sessions, householdSignedIn } = setup();
    expect(await householdSignedIn()).toEqual({
      ok: true,
      value: { kind: 'household', unitId: 'u102', building: '96号楼', room: '102' },
    });
    expect(householdKey('c1')).toBe('linli-session:/c/c1');
    expect(householdKey('c1')).toBe(sessionKey('/c/c1'));
    // Saved by the widget (token and household), read by the app: one sign-in for both.
    storages.device.setItem(
      sessionKey('/c/c2'),
      JSON.stringify({ token: 'widget-token', household: 'u602' }),
    );
    expect(sessions.token('c2')).toBe('widget-token');
  });

  it('forget a refused organizer token but keep the household’s session on the device', async () => {
    const { storages, sessions, api, householdSignedIn } = setup();
    await householdSignedIn();
    expect(JSON.parse(storages.device.getItem(householdKey('c1')) ?? '{}')).toEqual({
      token: 'household-token',
      household: 'u102',
    });
    const refused = await sessions.signInOrganizer('c1', 'wrong', api);
    expect(refused.ok).toBe(false);
    expect(storages.tab.getItem(organizerKey('c1'))).toBeNull();
    expect(sessions.token('c1')).toBe('household-token');
    expect(await sessions.restore('c1', api)).toEqual({
      ok: true,
      value: { kind: 'household', unitId: 'u102', building: '96号楼', room: '102' },
    });
  });

  it('forget a household session the server no longer accepts, in the widgets’ shared signal too', async () => {
    const { storages, sessions, householdSignedIn } = setup();
    const answer = await householdSignedIn('revoked-token');
    expect(answer.ok ? undefined : answer.error.code).toBe('auth.required');
    expect(storages.device.length).toBe(0);
    expect(endpointSession('/c/c1').value).toBeUndefined();
    expect(sessions.who.value.c1).toBeUndefined();
  });

  it('sign a household out on the server (its last device once confirmed), and an organizer out by forgetting the token', async () => {
    const { server, sessions, api, storages, householdSignedIn } = setup();
    await householdSignedIn();
    // The household's last device: the server's warning comes back and the token stays.
    const warned = await sessions.signOut('c1', api);
    expect(!warned.ok && warned.error.code).toBe('auth.last_device');
    expect(sessions.who.value.c1).toEqual({
      kind: 'household',
      unitId: 'u102',
      building: '96号楼',
      room: '102',
    });
    expect(storages.device.length).toBe(1);
    expect((await sessions.signOut('c1', api, true)).ok).toBe(true);
    expect(server.calls).toContain('DELETE /c/c1/sessions?last=confirmed Bearer household-token');
    expect(storages.device.length).toBe(0);
    // No <linli-vote> or <linli-sign-in> on the app's pages keeps the session the app dropped.
    expect(endpointSession('/c/c1').value).toBeUndefined();
    await sessions.signInOrganizer('c1', 'organizer-token', api);
    const before = server.calls.length;
    await sessions.signOut('c1', api);
    expect(server.calls.length).toBe(before); // nothing to end on the server
    expect(sessions.who.value.c1).toBeUndefined();
    expect(storages.tab.length).toBe(0);
  });

  it('carry each community’s own token, and none to server-wide paths', async () => {
    const { server, sessions, api } = setup();
    await sessions.signInOrganizer('c1', 'organizer-token', api);
    await api.request('/c/c2/session');
    await api.request('/setup/status');
    expect(server.calls.slice(-2)).toEqual(['GET /c/c2/session ', 'GET /setup/status ']);
  });
});

describe('the household in the header', () => {
  it('is named by building and room in both languages, and never by its unit id', () => {
    const who = { kind: 'household', unitId: 'u102', building: '96号楼', room: '102' } as const;
    expect(householdLabel(who, 'zh-CN')).toBe('96号楼 102室');
    expect(householdLabel(who, 'en')).toBe('Room 102, 96号楼');
    expect(householdLabel({ room: '102' }, 'zh-CN')).toBe('102室');
    expect(householdLabel({}, 'en')).toBe('your household');
  });
});
