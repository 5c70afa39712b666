import { LinliException, linliError } from '@linli/core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type CommunitySource, sourceOf } from '../hosting/community-source.js';
import { heldUntilEnd } from '../hosting/held-stream.js';
import type { AppEnv, HostedCommunity } from '../http/env.js';
import { Refusal } from '../http/refusal.js';

/** Passes a live stream's body on so that it holds the lease until it ends; true if it took it. */
function handOverToStream(c: Context, release: () => void): boolean {
  const body = c.res.body;
  if (!body || !c.res.headers.get('content-type')?.startsWith('text/event-stream')) return false;
  c.res = new Response(heldUntilEnd(body, release), c.res);
  return true;
}

/**
 * Finds the `:community` of the path among the hosted ones (`http.not_found` otherwise), opening it
 * if it is not open, and holds it open until the answer is complete — for a live stream, until the
 * stream ends. A community whose log is refused when opened (`log.corrupt`, a database away) is
 * answered with that error as 503: the server's trouble, not the client's.
 */
export function resolveCommunity(communities: ReadonlyMap<string, HostedCommunity> | CommunitySource) {
  const source = sourceOf(communities);
  return createMiddleware<AppEnv>(async (c, next) => {
    let lease: Awaited<ReturnType<CommunitySource['acquire']>>;
    try {
      lease = await source.acquire(c.req.param('community') ?? '');
    } catch (e) {
      if (e instanceof LinliException) throw new Refusal(e.error, 503);
      throw e;
    }
    if (!lease) throw new Refusal(linliError('http.not_found'));
    c.set('community', lease.community);
    let streaming = false;
    try {
      await next();
      streaming = handOverToStream(c, lease.release);
    } finally {
      if (!streaming) lease.release();
    }
  });
}
