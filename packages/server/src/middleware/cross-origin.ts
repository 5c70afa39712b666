import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { CommunitySource } from '../hosting/community-source.js';
import type { AppEnv } from '../http/env.js';

/** What a page on a listed origin may send: the session token, JSON, the key that makes a retry safe, the stream's resume point. */
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID';
const ALLOW_METHODS = 'GET, POST, DELETE';
/** Answers another site's page may read beyond the CORS-safelisted ones. */
const EXPOSE_HEADERS: readonly string[] = [];

/** A tokenless read: what anyone can fetch from a server anyway, so any page may read it too. */
const isPublicRead = (c: Context) =>
  (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.header('Authorization') === undefined;

/**
 * CORS for `/c/:community/*`, which a community's website (on another origin) embeds:
 *
 * - a page on one of the community's **listed** origins (`linli-server community origins <id> --add`)
 *   may read and write: its origin is echoed, with the token header allowed;
 * - a page on **any other** origin may read what needs no token (the published view, its stream, the
 *   public calendars) with `Access-Control-Allow-Origin: *`: there are no cookies, so nothing it
 *   reads is more than a `curl` would;
 * - everything else such a page sends is refused by {@link checkWriteOrigin} on the server — CORS is
 *   not the guard — and the refusal is readable, so the widget says why in the reader's language
 *   instead of "Failed to fetch". Preflights are therefore answered for every origin.
 *
 * The server's own origins need no CORS and get none. `Vary: Origin` throughout, so a shared cache
 * never hands one site's answer to another.
 */
export function communityCors(
  source: CommunitySource,
  ownOrigins: readonly string[],
  expose: readonly string[],
) {
  const own = new Set(ownOrigins);
  const exposed = [...EXPOSE_HEADERS, ...expose].join(', ');
  return createMiddleware<AppEnv>(async (c, next): Promise<Response | undefined> => {
    const origin = c.req.header('Origin');
    if (origin === undefined || own.has(origin)) {
      await next();
      c.res.headers.append('Vary', 'Origin');
      return undefined;
    }
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined)
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    await next();
    // From the host's list, so a community not yet open answers its embedding origins too.
    const listed = (await source.originsOf(c.req.param('community') ?? ''))?.includes(origin) === true;
    const readable = listed || !c.res.ok ? origin : isPublicRead(c) ? '*' : undefined;
    c.res.headers.append('Vary', 'Origin');
    if (readable === undefined) return undefined;
    c.res.headers.set('Access-Control-Allow-Origin', readable);
    if (exposed) c.res.headers.set('Access-Control-Expose-Headers', exposed);
    return undefined;
  });
}
