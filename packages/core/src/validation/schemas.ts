import * as z from 'zod/mini';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import { lineSchema, optionalLineSchema, storableText } from './text.js';

/** A display name: trimmed, 1–100 characters, something visible, no control characters. */
export const nameSchema = lineSchema(100);

/** An entity id supplied by the caller: 1–64 characters of letters, digits, `_` and `-`. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** A calendar date `YYYY-MM-DD` that exists. */
export const localDateSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    if (isLocalDate(value)) return value as LocalDate;
    ctx.issues.push({ code: 'custom', input: value, params: { code: 'date.invalid', value } });
    return z.NEVER;
  }),
);

/** A safe integer with bounds. */
export function intSchema(min: number, max: number) {
  return z.int().check(z.gte(min), z.lte(max));
}

/** Optional contact details. Never needed by any rule; kept only if the community wants them. */
export const contactSchema = z.strictObject({
  phone: z.optional(optionalLineSchema(40)),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200), storableText({ multiline: true }))),
});

/** Which units a command is about: the whole community, a building, a stairwell, or listed units. */
export const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('community') }),
  z.strictObject({ kind: z.literal('building'), id: idSchema }),
  z.strictObject({ kind: z.literal('stairwell'), id: idSchema }),
  z.strictObject({
    kind: z.literal('units'),
    ids: z.array(idSchema).check(z.minLength(1), z.maxLength(100_000)),
  }),
]);
