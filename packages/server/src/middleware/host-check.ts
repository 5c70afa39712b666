import { linliError } from '@linli/core';
import { createMiddleware } from 'hono/factory';
import { Refusal } from '../http/refusal.js';

/**
 * Whether `host` (a `Host` header, `name[:port]`) is one of `allowed`. An entry with a port matches
 * only that port; an entry without one matches the name on any port. Names compare case-blind.
 */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const wanted = host.trim().toLowerCase();
  const name = wanted.replace(/:\d+$/, '');
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    return e === wanted || (!/:\d+$/.test(e) && e === name);
  });
}

/**
 * Answers only requests whose `Host` names this server: the public names it is configured with and
 * its listen address. A DNS-rebinding page makes the browser send its own name as `Host` to our
 * address, so a name we never configured is refused (`http.host`, 421) before any route reads or
 * writes; a request without `Host` is refused too.
 */
export function checkHost(allowed: readonly string[]) {
  return createMiddleware(async (c, next) => {
    const host = c.req.header('Host');
    if (host === undefined || !hostAllowed(host, allowed)) throw new Refusal(linliError('http.host'));
    await next();
  });
}
