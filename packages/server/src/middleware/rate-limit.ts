import { linliError } from '@linli/core';
import type { Context, Env } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type RateLimiter, retryAfterSeconds } from '../http/rate-limit.js';
import { Refusal } from '../http/refusal.js';

/** Whose attempts a sign-in limit counts: one network address, one household's code, or everyone's. */
export type LimitScope = 'address' | 'household' | 'everyone';

/**
 * Counts one request for `key` against `limit`, and refuses it past the limit with
 * `auth.rate_limited` (429) saying how many seconds are left (`seconds`, also `Retry-After`) and,
 * given a `scope`, whose attempts ran out. A limit whose counts cannot be reached refuses with
 * `log.unavailable` (503).
 */
export async function takeOrRefuse(
  c: Context,
  limit: RateLimiter,
  key: string,
  scope?: LimitScope,
): Promise<void> {
  if (await taken(limit, key)) return;
  const seconds = retryAfterSeconds((limit.clock ?? Date.now)());
  c.header('Retry-After', String(seconds));
  throw new Refusal(linliError('auth.rate_limited', [], scope ? { seconds, scope } : { seconds }));
}

/**
 * Counts the request against `limit` under the key `keyOf` names (`undefined`: not limited) and
 * refuses it with `auth.rate_limited` (429) past the limit. Placed before the body is read and
 * anything is decided, so a flood costs the flooder, not the server. When the counts cannot be
 * reached (their database is down) the request is refused with `log.unavailable` (503): a limit that
 * cannot count lets nothing through, so an outage never opens sign-in to unlimited guessing.
 */
export function rateLimited<E extends Env>(
  limit: RateLimiter,
  keyOf: (c: Context<E>) => string | undefined,
  scope?: LimitScope,
) {
  return createMiddleware<E>(async (c, next) => {
    const key = keyOf(c);
    if (key !== undefined) await takeOrRefuse(c, limit, key, scope);
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
