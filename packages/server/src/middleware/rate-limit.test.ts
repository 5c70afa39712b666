import type { LinliError } from '@linli/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RateLimit } from '../http/rate-limit.js';
import { renderError } from '../http/refusal.js';
import { rateLimited } from './rate-limit.js';

/** An app limited to two requests a minute per `?key=`, with no key meaning unlimited. */
function limitedApp() {
  let now = 0;
  let handled = 0;
  const limit = new RateLimit(2, () => now);
  const app = new Hono().post(
    '/',
    rateLimited(limit, (c) => c.req.query('key')),
    (c) => {
      handled += 1;
      return c.json({ handled });
    },
  );
  app.onError(renderError);
  return {
    ask: (key?: string) => app.request(key === undefined ? '/' : `/?key=${key}`, { method: 'POST' }),
    pass: (ms: number) => {
      now += ms;
    },
    handled: () => handled,
  };
}

describe('rateLimited', () => {
  it('refuses a key past its limit with auth.rate_limited (429) before the route runs', async () => {
    const { ask, handled } = limitedApp();
    expect((await ask('a')).status).toBe(200);
    expect((await ask('a')).status).toBe(200);
    const refused = await ask('a');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: LinliError }).error.code).toBe('auth.rate_limited');
    expect(handled()).toBe(2);
  });

  it('counts each key on its own, lets a new minute in, and never limits a request without a key', async () => {
    const { ask, pass } = limitedApp();
    await ask('a');
    await ask('a');
    expect((await ask('b')).status).toBe(200);
    for (let i = 0; i < 10; i += 1) expect((await ask()).status).toBe(200);
    expect((await ask('a')).status).toBe(429);
    pass(60_000);
    expect((await ask('a')).status).toBe(200);
  });
});

describe('a refusal says how long it lasts', () => {
  it('names the seconds left in the minute (also as Retry-After) and whose attempts ran out', async () => {
    let now = 60_000 * 1000 + 15_250;
    const limit = new RateLimit(1, () => now);
    const app = new Hono().post(
      '/',
      rateLimited(limit, () => 'k', 'address'),
      (c) => c.json({}),
    );
    app.onError(renderError);
    expect((await app.request('/', { method: 'POST' })).status).toBe(200);
    const refused = await app.request('/', { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    const { error } = (await refused.json()) as { error: LinliError };
    expect(error.params).toEqual({ seconds: 45, scope: 'address' });
    expect(error.message['zh-CN']).toContain('45 秒后再试');
    expect(error.message.en).toContain('try again in 45 seconds');
    now += 45_000;
    expect((await app.request('/', { method: 'POST' })).status).toBe(200);
  });
});
