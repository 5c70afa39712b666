import { randomBytes } from 'node:crypto';
import type { LinliError } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { FeedTokens } from '../feeds/feed-tokens.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

/** Every route that declares an audience, as the app composes them from the route modules. */
const guarded = [
  { method: 'GET', path: '/c/xfkl/events', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/snapshot', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/households', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/organizers', needs: 'organizer' },
  { method: 'DELETE', path: '/c/xfkl/households/u602/sessions', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/households/u602/feeds', needs: 'organizer' },
  { method: 'POST', path: '/c/xfkl/invites', needs: 'organizer', body: { units: ['u102'] } },
  { method: 'GET', path: '/c/xfkl/register.csv', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/motions/lift/history', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/motions/lift/export.json', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/motions/lift/export.csv', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/register.xlsx', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/funds/upkeep/ledger.csv', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/funds/upkeep/ledger.xlsx', needs: 'organizer' },
  { method: 'GET', path: '/c/xfkl/announcements/reads', needs: 'organizer' },
  { method: 'POST', path: '/c/xfkl/register/preview', needs: 'organizer', form: 'register' },
  { method: 'POST', path: '/c/xfkl/register/import', needs: 'organizer', form: 'register' },
  { method: 'GET', path: '/c/xfkl/session', needs: 'signed-in' },
  { method: 'GET', path: '/c/xfkl/roles/contacts', needs: 'signed-in' },
  {
    method: 'POST',
    path: '/c/xfkl/commands',
    needs: 'signed-in',
    // As a paper ballot, which the organizer may enter (a bare ballot in a voter's name it may not).
    body: {
      command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'yes', paperRef: 'P-102' },
    },
  },
  { method: 'GET', path: '/c/xfkl/household/motions', needs: 'household' },
  { method: 'GET', path: '/c/xfkl/session/devices', needs: 'household' },
  { method: 'POST', path: '/c/xfkl/session/devices/codes', needs: 'household' },
  // Last: admitting the household signs it out (its last device, confirmed).
  { method: 'DELETE', path: '/c/xfkl/sessions?last=confirmed', needs: 'household' },
] as const;

/** A register upload of one unit, as the browser sends it. */
function registerForm(): FormData {
  const form = new FormData();
  form.set('file', new File(['楼号,单元,室号,面积\n1,1,102,60\n'], 'register.csv'));
  return form;
}

async function app() {
  opened = await testCommunity();
  const { community, organizer, household } = opened;
  const served = createApp(new Map([['xfkl', community]]), { feedTokens: new FeedTokens(randomBytes(32)) });
  const ask = (route: (typeof guarded)[number], token?: string) =>
    served.request(route.path, {
      method: route.method,
      headers: {
        ...('form' in route ? {} : { 'content-type': 'application/json' }),
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      ...('body' in route ? { body: JSON.stringify(route.body) } : {}),
      ...('form' in route ? { body: registerForm() } : {}),
    });
  return { served, ask, organizer, household, logLength: async () => (await community.store.read()).length };
}

const codeOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error.code;

describe('each route declares its audience', () => {
  it('refuses every guarded route without a token (401), changing nothing', async () => {
    const { ask, logLength } = await app();
    const before = await logLength();
    for (const route of guarded) {
      const response = await ask(route);
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect(await codeOf(response)).toBe('auth.required');
    }
    expect(await logLength()).toBe(before);
  });

  it("refuses the wrong kind of principal (403) and admits the route's own", async () => {
    const { ask, organizer, household } = await app();
    for (const route of guarded) {
      const wrong =
        route.needs === 'organizer' ? household : route.needs === 'household' ? organizer : undefined;
      if (wrong !== undefined) {
        const refused = await ask(route, wrong);
        expect(refused.status, `${route.method} ${route.path}`).toBe(403);
        expect(await codeOf(refused)).toBe('auth.forbidden');
      }
      const own = route.needs === 'household' ? household : organizer;
      expect((await ask(route, own)).status, `${route.method} ${route.path}`).toBe(200);
    }
  });

  it('serves the view, the stream, the health check and sign-in to anyone', async () => {
    const { served } = await app();
    expect((await served.request('/healthz')).status).toBe(200);
    expect((await served.request('/c/xfkl/view')).status).toBe(200);
    expect((await served.request('/c/xfkl/duties/clean.ics')).status).toBe(200);
    const stream = await served.request('/c/xfkl/stream');
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    await stream.body?.cancel();
    const signIn = await served.request('/c/xfkl/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'WRONGCODE1' }),
    });
    expect(await codeOf(signIn)).toBe('auth.bad_code');
  });
});
