import type { LinliError } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

const BLOG = 'https://blog.example';
let hosted: TestCommunity;
afterEach(async () => hosted.close());

async function embedded() {
  hosted = await testCommunity([BLOG]);
  return createApp(new Map([['xfkl', hosted.community]]), { origins: ['https://linli.example'] });
}

const ballot = (voterId: string) =>
  JSON.stringify({ command: { type: 'ballot.cast', motionId: 'lift', voterId, vote: 'yes' } });

describe("a community's embedding origins", () => {
  it('may read the view and the stream with CORS', async () => {
    const app = await embedded();
    const view = await app.request('/c/xfkl/view', { headers: { Origin: BLOG } });
    expect(view.status).toBe(200);
    expect(view.headers.get('access-control-allow-origin')).toBe(BLOG);
    const stream = await app.request('/c/xfkl/stream', { headers: { Origin: BLOG } });
    expect(stream.headers.get('access-control-allow-origin')).toBe(BLOG);
    await stream.body?.cancel();
    // The server's own public origin is not an embedding origin: its pages need no CORS.
    const own = await app.request('/c/xfkl/view', { headers: { Origin: 'https://linli.example' } });
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('may write only with a token: without one a command is refused and nothing is appended', async () => {
    const app = await embedded();
    const before = (await hosted.community.store.read()).length;
    const anonymous = await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: { Origin: BLOG, 'content-type': 'application/json' },
      body: ballot('o102'),
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: LinliError }).error.code).toBe('auth.required');
    expect(await hosted.community.store.read()).toHaveLength(before);
    const signedIn = await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: {
        Origin: BLOG,
        'content-type': 'application/json',
        authorization: `Bearer ${hosted.household}`,
      },
      body: ballot('o102'),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('access-control-allow-origin')).toBe(BLOG);
    expect((await hosted.community.store.read()).length).toBeGreaterThan(before);
  });
});

describe('a page on an origin the community does not list', () => {
  const OTHER = 'https://other.example';
  const errorOf = async (r: Response) => ((await r.json()) as { error: LinliError }).error;

  it('reads the view and the stream like anyone (Access-Control-Allow-Origin: *), varying by Origin', async () => {
    const app = await embedded();
    const view = await app.request('/c/xfkl/view', { headers: { Origin: OTHER } });
    expect(view.status).toBe(200);
    expect(view.headers.get('access-control-allow-origin')).toBe('*');
    expect(view.headers.get('vary')).toContain('Origin');
    const stream = await app.request('/c/xfkl/stream', { headers: { Origin: OTHER } });
    expect(stream.headers.get('access-control-allow-origin')).toBe('*');
    await stream.body?.cancel();
  });

  it('gets its preflight answered, so the refusal that follows is readable', async () => {
    const app = await embedded();
    const preflight = await app.request('/c/xfkl/sessions', {
      method: 'OPTIONS',
      headers: {
        Origin: OTHER,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(OTHER);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('vary')).toContain('Origin');
  });

  it('cannot sign in, vote or read with a session: http.origin, readable, nothing appended', async () => {
    const app = await embedded();
    const before = (await hosted.community.store.read()).length;
    const signIn = await app.request('/c/xfkl/sessions', {
      method: 'POST',
      headers: { Origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'ABCDE-FGHJK' }),
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get('access-control-allow-origin')).toBe(OTHER);
    expect(await errorOf(signIn)).toMatchObject({ code: 'http.origin', message: { en: expect.any(String) } });
    const vote = await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: {
        Origin: OTHER,
        'content-type': 'application/json',
        authorization: `Bearer ${hosted.household}`,
      },
      body: ballot('o102'),
    });
    expect(await errorOf(vote)).toMatchObject({ code: 'http.origin' });
    for (const path of ['/c/xfkl/session', '/c/xfkl/household/motions']) {
      const read = await app.request(path, {
        headers: { Origin: OTHER, authorization: `Bearer ${hosted.household}` },
      });
      expect(read.status).toBe(403);
      expect(await errorOf(read)).toMatchObject({ code: 'http.origin' });
    }
    expect(await hosted.community.store.read()).toHaveLength(before);
  });

  it('is the same once listed: a signed-in read from the listed origin is answered to that origin alone', async () => {
    const app = await embedded();
    const read = await app.request('/c/xfkl/household/motions', {
      headers: { Origin: BLOG, authorization: `Bearer ${hosted.household}` },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(BLOG);
  });
});
