import type { LinliError } from '@linli/core';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../http/env.js';
import { renderError } from '../http/refusal.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';
import { identifies, type Needs, requires } from './auth.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await opened?.close();
  opened = undefined;
});

/** An app whose one route admits `needs` and answers with who was let in. */
async function guarded(needs: Needs) {
  opened = await testCommunity();
  const { community } = opened;
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('community', community);
      await next();
    })
    .get('/guarded', requires(needs), (c) => c.json({ principal: c.get('principal'), token: c.get('token') }))
    .get('/open', identifies, (c) => c.json({ principal: c.get('principal') }));
  app.onError(renderError);
  const ask = (path: string, token?: string) =>
    app.request(path, token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });
  return { ...opened, ask };
}

/** The named organizer `testCommunity` signs in (via `issueOrganizerToken`). */
const ORGANIZER = { kind: 'organizer', id: 'org-1', name: 'organizer', role: 'residents-committee' };

const codeOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error.code;

describe('requires', () => {
  it('refuses a missing, malformed or forged token with auth.required (401) for every audience', async () => {
    for (const needs of ['organizer', 'household', 'signed-in'] as const) {
      const { ask, close } = await guarded(needs);
      for (const token of [undefined, '', 'forged']) {
        const response = await ask('/guarded', token);
        expect(response.status).toBe(401);
        expect(await codeOf(response)).toBe('auth.required');
      }
      await close();
      opened = undefined;
    }
  });

  it('admits only the organizer to an organizer route, and hands the route its principal and token', async () => {
    const { ask, organizer, household } = await guarded('organizer');
    const refused = await ask('/guarded', household);
    expect(refused.status).toBe(403);
    expect(await codeOf(refused)).toBe('auth.forbidden');
    const admitted = await ask('/guarded', organizer);
    expect(await admitted.json()).toEqual({ principal: ORGANIZER, token: organizer });
  });

  it('admits only a household session to a household route', async () => {
    const { ask, organizer, household } = await guarded('household');
    expect(await codeOf(await ask('/guarded', organizer))).toBe('auth.forbidden');
    expect(await (await ask('/guarded', household)).json()).toEqual({
      principal: { kind: 'household', unitId: 'u102' },
      token: household,
    });
  });

  it('admits both kinds to a signed-in route', async () => {
    const { ask, organizer, household } = await guarded('signed-in');
    expect((await ask('/guarded', organizer)).status).toBe(200);
    expect((await ask('/guarded', household)).status).toBe(200);
  });
});

describe('identifies', () => {
  it('names the principal, or null, and refuses nobody', async () => {
    const { ask, organizer } = await guarded('organizer');
    expect(await (await ask('/open')).json()).toEqual({ principal: null });
    expect(await (await ask('/open', 'forged')).json()).toEqual({ principal: null });
    expect(await (await ask('/open', organizer)).json()).toEqual({ principal: ORGANIZER });
  });

  it('lets a failing sign-in database surface as an error, not as an anonymous reader', async () => {
    const { ask, community, organizer } = await guarded('organizer');
    vi.spyOn(community.auth, 'principal').mockRejectedValue(new Error('database is locked'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await ask('/open', organizer);
    expect(response.status).toBe(503);
    expect(await codeOf(response)).toBe('server.unavailable');
  });
});
