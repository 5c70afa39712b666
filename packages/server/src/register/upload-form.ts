import { isLocalDate, type LocalDate, linliError, parseWith } from '@linli/core';
import { REGISTER_HEADERS, type RegisterField } from '@linli/core/register';
import { createMiddleware } from 'hono/factory';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { Refusal } from '../http/refusal.js';

const FIELDS = Object.keys(REGISTER_HEADERS) as [RegisterField, ...RegisterField[]];

/** A JSON text, parsed; anything that is not JSON is `http.bad_json` at the field's path. */
const jsonText = z.pipe(
  z.string(),
  z.transform((text, ctx): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.issues.push({ code: 'custom', input: text, params: { code: 'http.bad_json' } });
      return z.NEVER;
    }
  }),
);

/** `{ header as written: field, or null to ignore the column }`, as the preview's mapping step sends it. */
const mappingSchema = z.pipe(jsonText, z.record(z.string(), z.nullable(z.enum(FIELDS))));

const dateSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    if (isLocalDate(value)) return value as LocalDate;
    ctx.issues.push({ code: 'custom', input: value, params: { code: 'date.invalid', value } });
    return z.NEVER;
  }),
);

/**
 * The register upload (`multipart/form-data`): the file, the mapping the organizer chose (JSON) and the
 * date ownership changes take. Text fields arrive as strings; a repeated field is an array and refused.
 */
export const registerUploadSchema = z.object({
  file: z.instanceof(File),
  mapping: z.optional(mappingSchema),
  date: z.optional(dateSchema),
});

/** A validated register upload. */
export type RegisterUpload = z.output<typeof registerUploadSchema>;

const FORM_MEDIA = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/**
 * Reads a form body before the validator does, so one that cannot be read (a broken multipart
 * boundary) is refused at `file`, where the organizer's upload went wrong — the validator would
 * report it as a malformed JSON body. The validator then takes the parsed form from Hono's cache.
 */
export const readableForm = createMiddleware(async (c, next) => {
  if (FORM_MEDIA.test(c.req.header('content-type') ?? ''))
    await c.req.formData().catch(() => {
      throw new Refusal(linliError('validation.invalid_type', ['file'], { expected: 'file' }));
    });
  await next();
});

/**
 * Hono's form validator for {@link registerUploadSchema}: a body that is not a form has no `file` and
 * is refused at that path, and a mismatch is the core's typed validation error with its path. The
 * route reads the upload with `c.req.valid('form')`.
 */
export function registerUpload() {
  return validator('form', (value: unknown): RegisterUpload => {
    const parsed = parseWith(registerUploadSchema, value);
    if (!parsed.ok) throw new Refusal(parsed.error);
    return parsed.value;
  });
}
