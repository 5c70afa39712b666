import { linliError } from '@linli/core';
import { Hono } from 'hono';
import type { HostedCommunity } from '../http/env.js';
import { refusalResponse } from '../http/refusal.js';

/** How long `/readyz` waits for a store before calling it unreachable. */
const STORE_TIMEOUT_MS = 2_000;

/** Whether the store answers a read past the loaded head in time: it is reachable and the log is loaded. */
async function readable(community: HostedCommunity): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), STORE_TIMEOUT_MS);
  });
  const read = community.store
    .read({ afterSeq: community.governance.head.value.seq })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz`: the process answers. `GET /readyz`: every hosted community's log was loaded and its
 * store answers now; otherwise 503 `server.not_ready`, so a load balancer sends no one here. Neither
 * names a community or says why, since both are open to anyone.
 */
export function healthRoutes(communities: ReadonlyMap<string, HostedCommunity> = new Map()): Hono {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      const answers = await Promise.all([...communities.values()].map(readable));
      if (answers.every(Boolean)) return c.json({ ready: true });
      return refusalResponse(c, linliError('server.not_ready'));
    });
}
