import type { LinliError } from '@linli/core';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/env.js';
import { renderError } from '../http/refusal.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';
import { resolveCommunity } from './community.js';
import { checkWriteOrigin } from './origin-check.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

/** The app's community chain: resolution, then the write-origin check, then a route that writes. */
async function chain() {
  opened = await testCommunity(['https://embed.example']);
  const app = new Hono<AppEnv>();
  app.onError(renderError);
  app.use(
    '/c/:community/*',
    resolveCommunity(new Map([['xfkl', opened.community]])),
    checkWriteOrigin(['http://127.0.0.1:8787']),
  );
  app.all('/c/:community/write', (c) => c.json({ community: c.get('community').id }));
  return app;
}

const codeOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error.code;

describe('resolveCommunity', () => {
  it('hands the route the hosted community, and refuses an unknown one with http.not_found', async () => {
    const app = await chain();
    expect(await (await app.request('/c/xfkl/write')).json()).toEqual({ community: 'xfkl' });
    const unknown = await app.request('/c/elsewhere/write', { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('http.not_found');
  });
});

describe('checkWriteOrigin', () => {
  const from = (method: string, origin?: string) =>
    new Request('http://evil.example/c/xfkl/write', {
      method,
      headers: origin === undefined ? {} : { origin },
    });

  it("passes writes from the server's own and the community's listed origins, and writes without an Origin", async () => {
    const app = await chain();
    for (const origin of ['http://127.0.0.1:8787', 'https://embed.example', undefined])
      for (const method of ['POST', 'DELETE', 'PUT'])
        expect((await app.request(from(method, origin))).status).toBe(200);
  });

  it('refuses a write from any other origin with http.origin, whatever the Host header says', async () => {
    const app = await chain();
    for (const method of ['POST', 'DELETE', 'PUT', 'PATCH']) {
      const refused = await app.request(from(method, 'http://evil.example'));
      expect(refused.status).toBe(403);
      expect(await codeOf(refused)).toBe('http.origin');
    }
  });

  it('lets reads from any origin through: CORS decides who may read the answer', async () => {
    const app = await chain();
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect((await app.request(from(method, 'http://evil.example'))).status).toBe(200);
  });
});
