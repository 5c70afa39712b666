import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PrecompressedBody } from './precompressed.js';

describe('a precompressed body', () => {
  const body = new PrecompressedBody('{"hello":"邻里"}', 'application/json', 'v7');
  const app = new Hono().get('/', (c) => body.respond(c));
  const status = async (ifNoneMatch: string) =>
    (await app.request('/', { headers: { 'if-none-match': ifNoneMatch } })).status;

  it('answers 304 to any list that names its version, weakly compared, and to *', async () => {
    expect(await status('W/"v7"')).toBe(304);
    expect(await status('"v7"')).toBe(304); // If-None-Match compares weakly
    expect(await status('W/"v6", W/"v7"')).toBe(304);
    expect(await status('"a","v7" ,"b"')).toBe(304);
    expect(await status('*')).toBe(304);
  });

  it('answers 200 with the body to any other validator', async () => {
    for (const other of ['W/"v6"', 'W/"v77"', '"v7x", W/"v"', 'v7', '']) {
      const response = await app.request('/', { headers: { 'if-none-match': other } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ hello: '邻里' });
    }
  });
});
