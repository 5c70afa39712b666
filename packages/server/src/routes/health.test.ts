import type { EventStore, LinliError } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let hosted: TestCommunity;
afterEach(async () => hosted.close());

describe('GET /readyz', () => {
  it('is ready when every hosted log is loaded and its store answers', async () => {
    hosted = await testCommunity();
    const app = createApp(new Map([['xfkl', hosted.community]]));
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true });
  });

  it('answers 503 server.not_ready, naming no community, when a store cannot be read', async () => {
    hosted = await testCommunity();
    const store = hosted.community.store;
    const unreachable: EventStore = {
      append: (drafts, options) => store.append(drafts, options),
      read: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432')),
      subscribe: (listener) => store.subscribe(listener),
    };
    const app = createApp(new Map([['xfkl', { ...hosted.community, store: unreachable }]]));
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as { error: LinliError };
    expect(error.code).toBe('server.not_ready');
    expect(error.message.en).not.toContain('xfkl');
    expect(JSON.stringify(error)).not.toContain('10.0.0.7');
    // The process itself still answers.
    expect((await app.request('/healthz')).status).toBe(200);
  });
});
