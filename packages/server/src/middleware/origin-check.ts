import { linliError } from '@linli/core';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write from a browser page must come from one of the server's own origins or one the community
 * lists. CORS alone only stops browsers from reading answers; this stops the write itself. The
 * `Host` header is never consulted: a DNS-rebinding page controls it. Runs after
 * {@link resolveCommunity}.
 */
export function checkWriteOrigin(ownOrigins: readonly string[]) {
  const own = new Set(ownOrigins);
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header('Origin');
    if (
      !READS.has(c.req.method) &&
      origin !== undefined &&
      !own.has(origin) &&
      !c.get('community').origins.includes(origin)
    )
      throw new Refusal(linliError('http.origin'));
    await next();
  });
}
