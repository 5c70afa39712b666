import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LinliError } from '@linli/core';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { TEST_IDLE_MS, type TestHost, testHost } from '../testing/hosted-folder.js';

const root = mkdtempSync(join(tmpdir(), 'linli-hosted-app-'));
let n = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

const BLOG_A = 'https://blog-a.example';
const BLOG_B = 'https://blog-b.example';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.host.close();
  t = undefined;
});

/** Communities `a` (embedded by BLOG_A) and `b` (by BLOG_B), none open, served by one app. */
async function served() {
  t = await testHost(['a', 'b'], { dir: join(root, `d${n++}`) });
  const registry = await t.data.registry();
  await registry.editOrigins('a', () => [BLOG_A]);
  await registry.editOrigins('b', () => [BLOG_B]);
  await registry.close();
  await t.host.refresh();
  return { host: t, app: createApp(t.host, { origins: ['https://linli.example'] }) };
}

const errorOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error;
const building = (name: string) => JSON.stringify({ command: { type: 'building.add', name } });

describe('an app on a CommunityHost', () => {
  it('lists the communities for a landing page without opening any, and is ready without opening any', async () => {
    const { app, host } = await served();
    const listed = await app.request('/communities');
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual([
      { id: 'a', name: '小区 a' },
      { id: 'b', name: '小区 b' },
    ]);
    expect((await app.request('/readyz')).status).toBe(200);
    expect(host.host.openIds).toEqual([]);
    expect((await app.request('/c/nowhere/view')).status).toBe(404);
  });

  it("answers CORS for a community's own origin before and after it opens, never for another's", async () => {
    const { app, host } = await served();
    const preflight = await app.request('/c/a/commands', {
      method: 'OPTIONS',
      headers: { Origin: BLOG_A, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(BLOG_A);
    expect(host.host.openIds).toEqual([]);
    const view = await app.request('/c/a/view', { headers: { Origin: BLOG_A } });
    expect(view.status).toBe(200);
    expect(view.headers.get('access-control-allow-origin')).toBe(BLOG_A);
    expect(host.host.openIds).toEqual(['a']);
    // Another community's origin reads only what any site may: the tokenless view.
    const other = await app.request('/c/a/view', { headers: { Origin: BLOG_B } });
    expect(other.headers.get('access-control-allow-origin')).toBe('*');
    const write = await app.request('/c/a/commands', {
      method: 'POST',
      headers: { Origin: BLOG_B, 'content-type': 'application/json' },
      body: building('x'),
    });
    expect(await errorOf(write)).toMatchObject({ code: 'http.origin' });
  });

  it('takes writes from an embedding origin only with a token; without one nothing is appended', async () => {
    const { app, host } = await served();
    const issued = await host.host.withCommunity('a', (c) => c.auth.addOrganizer('王阿姨', 'building-head'));
    const post = (headers: Record<string, string>) =>
      app.request('/c/a/commands', {
        method: 'POST',
        headers: { Origin: BLOG_A, 'content-type': 'application/json', ...headers },
        body: building('1号楼'),
      });
    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(await errorOf(anonymous)).toMatchObject({ code: 'auth.required' });
    const head = () => host.host.withCommunity('a', async (c) => c.governance.head.value.seq);
    expect(await head()).toBe(1);
    const signedIn = await post({ authorization: `Bearer ${issued?.token}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('access-control-allow-origin')).toBe(BLOG_A);
    expect(await head()).toBe(2);
  });

  it('keeps a community open while a live stream of it runs, and lets it go when the stream ends', async () => {
    const { app, host } = await served();
    const stream = await app.request('/c/a/stream');
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body?.getReader();
    await reader?.read(); // the current head
    host.advance(10 * TEST_IDLE_MS);
    expect(await host.host.evictIdle()).toEqual([]);
    await reader?.cancel();
    host.advance(TEST_IDLE_MS);
    expect(await host.host.evictIdle()).toEqual(['a']);
  });

  it('answers a community whose log was edited while closed with 503 log.corrupt, serving the others', async () => {
    const { app, host } = await served();
    const db = new Database(resolve(host.data.dir, 'linli.sqlite'));
    db.prepare(`UPDATE events SET actor = 'forger' WHERE community = 'a' AND seq = 1`).run();
    db.close();
    const refused = await app.request('/c/a/view');
    expect(refused.status).toBe(503);
    expect(await errorOf(refused)).toMatchObject({ code: 'log.corrupt', params: { seq: 1 } });
    expect((await app.request('/c/b/view')).status).toBe(200);
  });
});
