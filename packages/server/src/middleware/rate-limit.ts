import { linliError } from '@linli/core';
import type { Context, Env } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { RateLimiter } from '../http/rate-limit.js';
import { Refusal } from '../http/refusal.js';

/**
 * Counts the request against `limit` under the key `keyOf` names (`undefined`: not limited) and
 * refuses it with `auth.rate_limited` (429) past the limit. Placed before the body is read and
 * anything is decided, so a flood costs the flooder, not the server. When the counts cannot be
 * reached (their database is down) the request is refused with `log.unavailable` (503): a limit that
 * cannot count lets nothing through, so an outage never opens sign-in to unlimited guessing.
 */
export function rateLimited<E extends Env>(limit: RateLimiter, keyOf: (c: Context<E>) => string | undefined) {
  return createMiddleware<E>(async (c, next) => {
    const key = keyOf(c);
    if (key !== undefined && !(await taken(limit, key))) throw new Refusal(linliError('auth.rate_limited'));
    await next();
  });
}

async function taken(limit: RateLimiter, key: string): Promise<boolean> {
  try {
    return await limit.take(key);
  } catch (e) {
    throw new Refusal(
      linliError('log.unavailable', [], { reason: e instanceof Error ? e.message : String(e) }),
    );
  }
}
