import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalWriter } from './canonical-bytes.js';
import { canonicalJson } from './canonical-json.js';
import { eventHashInput } from './event.js';
import { anyString, jsonish } from './json-values.test-support.js';

const encoder = new TextEncoder();

describe('CanonicalWriter', () => {
  it('writes exactly the UTF-8 bytes of canonicalJson, for any value', () => {
    const writer = new CanonicalWriter();
    fc.assert(
      fc.property(jsonish, (value) => {
        expect(writer.reset().value(value).bytes()).toEqual(encoder.encode(canonicalJson(value)));
      }),
    );
  });

  it('hand-orders the event envelope exactly as canonicalJson sorts it', () => {
    fc.assert(
      fc.property(anyString, anyString, jsonish, fc.nat(), anyString, (actor, at, payload, seq, type) => {
        const event = { seq, at, actor, type, payload, prevHash: 'ab'.repeat(32) };
        expect(eventHashInput(event)).toEqual(encoder.encode(canonicalJson(event)));
        const salted = { ...event, v: 2 as const, salt: 'cd'.repeat(16) };
        expect(eventHashInput(salted)).toEqual(encoder.encode(canonicalJson(salted)));
      }),
    );
  });

  it('escapes like JSON.stringify, including lone surrogates and controls', () => {
    const text = '"\\\b\f\n\r\t\u0001\u001f\ud800x\udc00中😀';
    expect(new TextDecoder().decode(new CanonicalWriter().string(text).bytes())).toBe(JSON.stringify(text));
  });
});
