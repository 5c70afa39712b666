import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalWriter } from './canonical-bytes.js';
import { canonicalJson } from './canonical-json.js';
import { type DraftEvent, EMPTY_HEAD, eventHashInput, type LoggedEvent, sealEvents } from './event.js';
import { anyString, jsonish } from './json-values.test-support.js';
import { verify } from './verify.js';

const draftArb: fc.Arbitrary<DraftEvent> = fc.record({
  at: fc.constant('2026-11-30T00:00:00.000Z'),
  actor: fc.constantFrom('system', 'owner-1'),
  type: fc.constantFrom('unit.added', 'ballot.cast'),
  payload: fc.dictionary(fc.string({ maxLength: 6 }), jsonish, { minKeys: 1, maxKeys: 4 }),
});

/** A sealed log of 1–20 events and an index into it. */
const logAndIndex = fc
  .array(draftArb, { minLength: 1, maxLength: 20 })
  .chain((drafts) =>
    fc.tuple(fc.constant(sealEvents(drafts, EMPTY_HEAD)), fc.nat({ max: drafts.length - 1 })),
  );

/** The log as a store keeping `text(payload)` would read it back: each payload parsed from its text. */
function stored(log: readonly LoggedEvent[], text: (payload: unknown, i: number) => string) {
  const payloadTexts = log.map((e, i) => text(e.payload, i));
  const events = log.map((e, i) => ({ ...e, payload: JSON.parse(payloadTexts[i] as string) as unknown }));
  return { events, payloadTexts };
}

/** The same JSON value with every object's keys in reverse order: not canonical, yet equal. */
const reversedKeys = (value: unknown): string =>
  JSON.stringify(value, (_key, member: unknown) =>
    member !== null && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).reverse())
      : member,
  );

describe('hashing an event from its stored payload text', () => {
  it('gives the same bytes from canonicalJson(payload) as from the payload, for any payload', () => {
    fc.assert(
      fc.property(jsonish, anyString, fc.nat(), (payload, actor, seq) => {
        const event = { seq, at: 'a', actor, type: 't', payload, prevHash: 'ab'.repeat(32) };
        expect(eventHashInput(event, canonicalJson(payload))).toEqual(eventHashInput(event));
        const salted = { ...event, v: 2 as const, salt: 'cd'.repeat(16) };
        expect(eventHashInput(salted, canonicalJson(payload))).toEqual(eventHashInput(salted));
      }),
    );
  });

  it('writes text verbatim as UTF-8, and refuses text with a lone surrogate', () => {
    const writer = new CanonicalWriter();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(writer.reset().text(text)).toBe(true);
        expect(writer.bytes()).toEqual(new TextEncoder().encode(text));
      }),
    );
    expect(writer.reset().text('"\ud800"')).toBe(false);
    expect(writer.reset().text('"\udc00x"')).toBe(false);
    expect(writer.reset().text('"😀"')).toBe(true);
  });
});

describe('verify with the stored payload texts', () => {
  it('accepts a log whose texts are canonical, with the same head as without texts', () => {
    fc.assert(
      fc.property(logAndIndex, ([log]) => {
        const { events, payloadTexts } = stored(log, canonicalJson);
        expect(verify(events, { payloadTexts })).toEqual(verify(log));
        expect(verify(events, { payloadTexts }).ok).toBe(true);
      }),
    );
  });

  it('accepts texts that are not canonical (keys re-ordered, whitespace) by their parsed payload', () => {
    fc.assert(
      fc.property(logAndIndex, ([log]) => {
        for (const text of [reversedKeys, (p: unknown) => JSON.stringify(p, null, 2)]) {
          const { events, payloadTexts } = stored(log, text);
          expect(verify(events, { payloadTexts })).toEqual(verify(log));
        }
      }),
    );
  });

  it('names the event whose payload text was edited, canonical or not', () => {
    fc.assert(
      fc.property(logAndIndex, fc.boolean(), ([log, k], canonical) => {
        const edit = (payload: unknown) => ({ ...(payload as object), 'edited!': 1 });
        const { events, payloadTexts } = stored(log, (payload, i) => {
          const value = i === k ? edit(payload) : payload;
          return canonical ? canonicalJson(value) : JSON.stringify(value, null, 1);
        });
        expect(verify(events, { payloadTexts })).toEqual({ ok: false, seq: k + 1, reason: 'edited' });
      }),
    );
  });

  it('refuses a lone surrogate put in place of U+FFFD, which UTF-8 would write as the same bytes', () => {
    const log = sealEvents(
      [{ at: '2026-11-30T00:00:00.000Z', actor: 'a', type: 'note.posted', payload: { text: '\ufffd' } }],
      EMPTY_HEAD,
    );
    const { events, payloadTexts } = stored(log, () => '{"text":"\ud800"}');
    expect(events[0]?.payload).toEqual({ text: '\ud800' });
    expect(verify(events, { payloadTexts })).toEqual({ ok: false, seq: 1, reason: 'edited' });
  });
});
