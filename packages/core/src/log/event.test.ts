import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD, nobleSha256Hex, sealEvents, sha256Hex } from './event.js';
import { verify } from './verify.js';

describe('the log’s SHA-256', () => {
  it('uses Node’s native hash on Node, and it agrees with @noble/hashes byte for byte', () => {
    expect(sha256Hex).not.toBe(nobleSha256Hex);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const expected = createHash('sha256').update(bytes).digest('hex');
        expect(sha256Hex(bytes)).toBe(expected);
        expect(nobleSha256Hex(bytes)).toBe(expected);
      }),
    );
  });

  it('seals a log that verifies with either implementation', () => {
    const drafts = Array.from({ length: 50 }, (_, i) => ({
      at: '2026-11-29T00:00:00.000Z',
      actor: 'a',
      type: 'x.happened',
      payload: { i, text: '新福康里' },
    }));
    const log = sealEvents(drafts, EMPTY_HEAD);
    expect(verify(log)).toMatchObject({ ok: true });
    expect(verify(log, { hash: nobleSha256Hex })).toMatchObject({ ok: true });
  });
});
