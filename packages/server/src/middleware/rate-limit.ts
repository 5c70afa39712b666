import { linliError } from '@linli/core';
import type { Context, Env } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { RateLimit } from '../http/rate-limit.js';
import { Refusal } from '../http/refusal.js';

/**
 * Counts the request against `limit` under the key `keyOf` names (`undefined`: not limited) and
 * refuses it with `auth.rate_limited` (429) past the limit. Placed before the body is read and
 * anything is decided, so a flood costs the flooder, not the server.
 */
export function rateLimited<E extends Env>(limit: RateLimit, keyOf: (c: Context<E>) => string | undefined) {
  return createMiddleware<E>(async (c, next) => {
    const key = keyOf(c);
    if (key !== undefined && !limit.take(key)) throw new Refusal(linliError('auth.rate_limited'));
    await next();
  });
}
