import { linliError } from '@linli/core';
import { Hono } from 'hono';
import { type CommunitySource, sourceOf } from '../hosting/community-source.js';
import type { HostedCommunity } from '../http/env.js';
import { refusalResponse } from '../http/refusal.js';

/** How long `/readyz` waits for a store before calling it unreachable. */
const STORE_TIMEOUT_MS = 2_000;

/** Whether the communities' database answers in time. */
async function answers(source: CommunitySource): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), STORE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([source.ready().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz`: the process answers. `GET /readyz`: the communities' database answers now (a
 * `CommunityHost` asks its list and opens no community; a map of open communities asks each store);
 * otherwise 503 `server.not_ready`, so a load balancer sends no one here. Neither names a community
 * or says why, since both are open to anyone.
 */
export function healthRoutes(
  communities: ReadonlyMap<string, HostedCommunity> | CommunitySource = new Map(),
): Hono {
  const source = sourceOf(communities);
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      if (await answers(source)) return c.json({ ready: true });
      return refusalResponse(c, linliError('server.not_ready'));
    });
}
