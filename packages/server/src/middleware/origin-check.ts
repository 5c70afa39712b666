import { linliError } from '@linli/core';
import type { Env } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may go on: one without `Origin` (not a page), one from an allowed origin, or a
 * read that carries no token. A read with a token is a signed-in act too (`GET /session`,
 * `GET /household/motions`): a page on an origin nobody listed must not use a session either.
 */
const mayWrite = (
  method: string,
  origin: string | undefined,
  allowed: (origin: string) => boolean,
  signedIn: boolean,
) => origin === undefined || allowed(origin) || (READS.has(method) && !signedIn);

/**
 * A write (or a signed-in read) from a browser page must come from one of the server's own origins
 * or one the community lists. CORS alone only stops browsers from reading answers; this stops the write itself. The
 * `Host` header is never consulted: a DNS-rebinding page controls it. Runs after
 * {@link resolveCommunity}.
 */
export function checkWriteOrigin(ownOrigins: readonly string[]) {
  const own = new Set(ownOrigins);
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = (o: string) => own.has(o) || c.get('community').origins.includes(o);
    if (!mayWrite(c.req.method, origin, allowed, c.req.header('Authorization') !== undefined))
      throw new Refusal(linliError('http.origin'));
    await next();
  });
}

/** {@link checkWriteOrigin} for server-wide routes (`/setup`): only the server's own pages may write. */
export function checkOwnOrigin<E extends Env>(ownOrigins: readonly string[]) {
  const own = new Set(ownOrigins);
  return createMiddleware<E>(async (c, next) => {
    if (!mayWrite(c.req.method, c.req.header('Origin'), (o) => own.has(o), false))
      throw new Refusal(linliError('http.origin'));
    await next();
  });
}
