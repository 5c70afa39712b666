import { linliError, parseWith } from '@linli/core';
import { validator } from 'hono/validator';
import type * as z from 'zod/mini';
import { Refusal } from './refusal.js';

/** The media types Hono's JSON validator parses (it hands anything else over as `{}`). */
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/** Whether a `Content-Type` is JSON, as the server has always taken it, and one Hono parses. */
const isJson = (contentType: string): boolean =>
  contentType.startsWith('application/json') && JSON_MEDIA.test(contentType.split(';')[0]?.trim() ?? '');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Hono's JSON validator for a body that must be a JSON object matching `schema`: a wrong content
 * type, malformed JSON or anything but an object is `http.bad_json`, and a schema mismatch is the
 * core's typed validation error with its path. The route reads the parsed body with
 * `c.req.valid('json')`.
 */
export function jsonBody<S extends z.ZodMiniType>(schema: S) {
  return validator('json', (value: unknown, c): z.output<S> => {
    if (!isJson(c.req.header('content-type') ?? '') || !isObject(value))
      throw new Refusal(linliError('http.bad_json'));
    const parsed = parseWith(schema, value);
    if (!parsed.ok) throw new Refusal(parsed.error);
    return parsed.value;
  });
}
