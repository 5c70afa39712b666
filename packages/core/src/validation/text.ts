import * as z from 'zod/mini';

/** Why a string cannot be stored: the first offending character's 1-based position, or blankness. */
export type TextProblem =
  | { readonly code: 'text.control_character'; readonly position: number }
  | { readonly code: 'text.lone_surrogate'; readonly position: number }
  | { readonly code: 'text.blank' };

/** What a text field admits. */
export interface TextRules {
  /** Tab, line feed and carriage return are allowed (a body or a note), not in a one-line field. */
  readonly multiline?: boolean;
  /** The text must show something once whitespace and invisible characters are removed. */
  readonly visible?: boolean;
}

// C0 and C1 controls and DEL (\p{Cc}). U+0000 in particular is refused by PostgreSQL's text and
// jsonb, so a command that carries one would pass validation and then fail at the store.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\t\n\r])\p{Cc}/u;
// A high surrogate not followed by a low one, or a low one without a high one before it: not valid
// UTF-16, so it has no UTF-8 form (PostgreSQL refuses it; SQLite would store mangled bytes).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// What renders as nothing: whitespace, format characters (zero-width space and joiners, bidi marks,
// soft hyphen, BOM), and the Hangul and Braille blanks that fonts draw empty.
const INVISIBLE = /[\p{White_Space}\p{Cf}\u115f\u1160\u2800\u3164\uffa0]/gu;

/** The first reason `value` cannot be stored as a text field under `rules`, if any. */
export function textProblem(value: string, rules: TextRules = {}): TextProblem | undefined {
  const control = (rules.multiline ? CONTROL_BUT_LINES : CONTROL).exec(value);
  if (control) return { code: 'text.control_character', position: control.index + 1 };
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return { code: 'text.lone_surrogate', position: lone.index + 1 };
  if (rules.visible && value.length > 0 && value.replace(INVISIBLE, '').length === 0)
    return { code: 'text.blank' };
  return undefined;
}

/** A zod check refusing what {@link textProblem} finds, with the problem's code as a typed error. */
export function storableText(rules: TextRules = {}) {
  return z.check<string>((ctx) => {
    const problem = textProblem(ctx.value, rules);
    if (!problem) return;
    const { code, ...params } = problem;
    ctx.issues.push({ code: 'custom', input: ctx.value, params: { code, ...params } });
  });
}

/** A one-line text field (a name, a title, a label): trimmed, 1–`max` characters, something visible. */
export function lineSchema(max: number) {
  return z.string().check(z.trim(), z.minLength(1), z.maxLength(max), storableText({ visible: true }));
}

/** A one-line field that may be left empty (a phone number): trimmed, at most `max` characters. */
export function optionalLineSchema(max: number) {
  return z.string().check(z.trim(), z.maxLength(max), storableText());
}

/**
 * A multi-line text (a motion's body, an amendment, a note), kept as written: line breaks and tabs
 * allowed, other controls not. With `min` ≥ 1 it must also show something.
 */
export function multilineSchema(max: number, min = 0) {
  return z
    .string()
    .check(z.minLength(min), z.maxLength(max), storableText({ multiline: true, visible: min > 0 }));
}
