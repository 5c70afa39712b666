import * as z from 'zod/mini';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import { lineSchema, optionalLineSchema, storableText } from './text.js';

/** A display name: trimmed, 1–100 characters, something visible, no control characters. */
export const nameSchema = lineSchema(100);

/** An entity id supplied by the caller: 1–64 characters of letters, digits, `_` and `-`. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/**
 * The earliest date any command accepts. Nothing a community records now happened before it, and a
 * duty or charge reaching back further would only make every roster and table longer. The latest
 * date (10 years after today) needs the clock, so `decide` checks it ({@link checkDateWindow}).
 */
export const EARLIEST_DATE = '1990-01-01' as LocalDate;

/** The date part of a date, instant or month is before {@link EARLIEST_DATE}: a `date.too_early` issue. */
function tooEarly(value: string, ctx: { issues: unknown[] }): boolean {
  const date = value.slice(0, 10); // a month is compared with the earliest month
  if (date >= EARLIEST_DATE.slice(0, date.length)) return false;
  ctx.issues.push({
    code: 'custom',
    input: value,
    params: { code: 'date.too_early', value, earliest: EARLIEST_DATE },
  });
  return true;
}

/** A calendar date `YYYY-MM-DD` that exists, on or after {@link EARLIEST_DATE}. */
export const localDateSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    if (!isLocalDate(value)) {
      ctx.issues.push({ code: 'custom', input: value, params: { code: 'date.invalid', value } });
      return z.NEVER;
    }
    return tooEarly(value, ctx) ? z.NEVER : (value as LocalDate);
  }),
);

/** An ISO 8601 instant with an offset (`2026-12-20T10:00:00+08:00`), dated on or after {@link EARLIEST_DATE}. */
export const instantSchema = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((value, ctx) => (tooEarly(value, ctx) ? z.NEVER : value)),
);

/** A month `YYYY-MM`, on or after the month of {@link EARLIEST_DATE}. */
export const monthSchema = z.pipe(
  z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  z.transform((value, ctx) => (tooEarly(value, ctx) ? z.NEVER : value)),
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
