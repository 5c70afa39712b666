import { linliError } from '@linli/core';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, HostedCommunity } from '../http/env.js';
import { Refusal } from '../http/refusal.js';

/** Finds the `:community` of the path among the hosted ones (`http.not_found` otherwise) for the routes. */
export function resolveCommunity(communities: ReadonlyMap<string, HostedCommunity>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const community = communities.get(c.req.param('community') ?? '');
    if (!community) throw new Refusal(linliError('http.not_found'));
    c.set('community', community);
    await next();
  });
}
