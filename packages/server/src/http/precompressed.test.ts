import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { contentVersion, PrecompressedBody } from './precompressed.js';

describe('a precompressed body', () => {
  const body = new PrecompressedBody('{"hello":"邻里"}', 'application/json');
  const v = body.version;
  const app = new Hono().get('/', (c) => body.respond(c));
  const status = async (ifNoneMatch: string) =>
    (await app.request('/', { headers: { 'if-none-match': ifNoneMatch } })).status;

  it('answers 304 to any list that names its version, weakly compared, and to *', async () => {
    expect(await status(`W/"${v}"`)).toBe(304);
    expect(await status(`"${v}"`)).toBe(304); // If-None-Match compares weakly
    expect(await status(`W/"v6", W/"${v}"`)).toBe(304);
    expect(await status(`"a","${v}" ,"b"`)).toBe(304);
    expect(await status('*')).toBe(304);
  });

  it('answers 200 with the body to any other validator', async () => {
    for (const other of ['W/"v6"', `W/"${v}7"`, `"${v}x", W/"v"`, v, '']) {
      const response = await app.request('/', { headers: { 'if-none-match': other } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ hello: '邻里' });
    }
  });

  it('is named by a hash of its plain bytes: the first 16 bytes of SHA-256, base64url', () => {
    const sha = createHash('sha256').update('{"hello":"邻里"}').digest();
    expect(v).toBe(sha.subarray(0, 16).toString('base64url'));
    expect(new PrecompressedBody(new TextEncoder().encode('{"hello":"邻里"}'), 'text/plain').version).toBe(v);
  });

  it('gives equal bytes equal tags and different bytes different tags, whenever and wherever built', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(new PrecompressedBody(a, 'text/plain').version).toBe(
          contentVersion(new TextEncoder().encode(a)),
        );
        if (a !== b)
          expect(contentVersion(new TextEncoder().encode(a))).not.toBe(
            contentVersion(new TextEncoder().encode(b)),
          );
      }),
    );
  });
});
