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
