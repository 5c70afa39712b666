import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGovernance } from '../governance/governance.js';
import { MemoryStore } from '../log/memory-store.js';
import { nameSchema } from './schemas.js';
import { lineSchema, multilineSchema, textProblem } from './text.js';
import { parseWith } from './zod-errors.js';

/**
 * Valid UTF-16 that has a UTF-8 form: what every store can keep byte for byte. `ignoreBOM`: a decoder
 * otherwise drops a leading U+FEFF, which is a character a store keeps like any other.
 */
const wellFormed = (s: string) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(s)) === s;

describe('text fields', () => {
  it('refuse U+0000, other controls and lone surrogates with a typed error naming the position', () => {
    for (const [input, code, position] of [
      ['a\u0000b', 'text.control_character', 2],
      ['a\u0007', 'text.control_character', 2],
      ['\u007f', 'text.control_character', 1],
      ['x\u009b', 'text.control_character', 2],
      ['ab\ud800', 'text.lone_surrogate', 3],
      ['\udc00x', 'text.lone_surrogate', 1],
    ] as const) {
      const parsed = parseWith(lineSchema(200), input);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.params).toEqual({ position });
      expect(parsed.error.message['zh-CN']).toContain(String(position));
      expect(parsed.error.message.en).toContain(String(position));
    }
  });

  it('allow line breaks and tabs only where text runs over several lines', () => {
    expect(parseWith(multilineSchema(100), '第一行\r\n\t第二行').ok).toBe(true);
    const line = parseWith(lineSchema(100), '第一行\n第二行');
    expect(!line.ok && line.error.code).toBe('text.control_character');
    const bell = parseWith(multilineSchema(100), '第一行\n\u0007');
    expect(!bell.ok && bell.error.code).toBe('text.control_character');
  });

  it('refuse a name made only of zero-width, format or blank characters as empty', () => {
    for (const blank of ['\u200b', '\u200b\u200c\u200d\u2060\ufeff', '\u00ad \u3164', '\u2800\u202e']) {
      const parsed = parseWith(nameSchema, blank);
      expect(!parsed.ok && parsed.error.code).toBe('text.blank');
    }
    // Joiners inside a visible name are part of writing (emoji sequences, some scripts): kept.
    expect(parseWith(nameSchema, '王\u200d芳')).toEqual({ ok: true, value: '王\u200d芳' });
    expect(parseWith(nameSchema, '👩\u200d👩\u200d👧 家').ok).toBe(true);
  });

  it('accept only strings every store keeps byte for byte (property)', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(anyText, (s) => {
        for (const schema of [lineSchema(200), multilineSchema(200)]) {
          const parsed = parseWith(schema, s);
          if (!parsed.ok) continue;
          expect(wellFormed(parsed.value)).toBe(true);
          expect(parsed.value).not.toMatch(/(?![\t\n\r])\p{Cc}/u);
        }
      }),
      // A leading U+FEFF once failed the check itself (its decoder dropped it), not the schemas.
      { numRuns: 2000, examples: [['\ufeff'], ['\ufeffx']] },
    );
  });

  it('refuse any accepted text once a control character or lone surrogate is put inside it (property)', () => {
    const bad = fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\ud800', '\udfff');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), bad, fc.nat(), (s, c, at) => {
        const i = at % (s.length + 1);
        const poisoned = `x${s.slice(0, i)}${c}${s.slice(i)}x`;
        expect(textProblem(poisoned, { multiline: true })).toBeDefined();
        expect(parseWith(multilineSchema(100), poisoned).ok).toBe(false);
      }),
    );
  });

  it('keep a command with a NUL in its title out of the log, and everything else unchanged', async () => {
    const store = new MemoryStore();
    const gov = await createGovernance({ store });
    await gov.execute({ type: 'community.found', name: '新福康里' });
    const refused = await gov.execute({ type: 'building.add', name: '3号\u0000楼' });
    expect(!refused.ok && [refused.error.code, refused.error.path]).toEqual([
      'text.control_character',
      ['name'],
    ]);
    const blank = await gov.execute({ type: 'building.add', name: '\u200b\u200b' });
    expect(!blank.ok && [blank.error.code, blank.error.path]).toEqual(['text.blank', ['name']]);
    expect(await store.read()).toHaveLength(1);
  });
});
