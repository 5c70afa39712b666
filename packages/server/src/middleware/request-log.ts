import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';

/** One request as the operator's log keeps it: one JSON object per line. */
export interface RequestLogLine {
  readonly time: string;
  /** Also answered as `X-Request-Id`, so a resident can quote it. */
  readonly id: string;
  readonly method: string;
  /** The route's pattern (`/c/:community/commands`), never the concrete path or its query. */
  readonly route: string;
  readonly community?: string;
  readonly status: number;
  readonly ms: number;
}

/** Where the community id of `/c/:community/…` sits; anything longer than an id is not one. */
const COMMUNITY_IN_PATH = /^\/c\/([A-Za-z0-9_-]{1,64})(?:\/|$)/;

/**
 * Logs every request as one JSON line through `write`: its id, method, route pattern, community,
 * status and duration. It never reads headers, the query or the body, so no token, invite code or
 * ballot can reach the log; an unmatched path is logged as `*`, not as what the client typed.
 */
export function logRequests(write: (line: string) => void) {
  return createMiddleware(async (c, next) => {
    const id = randomUUID();
    const started = performance.now();
    c.header('X-Request-Id', id);
    try {
      await next();
    } finally {
      const matched = routePath(c);
      const community = COMMUNITY_IN_PATH.exec(c.req.path)?.[1];
      const line: RequestLogLine = {
        time: new Date().toISOString(),
        id,
        method: c.req.method,
        route: matched === '/*' || matched === '*' ? '*' : matched,
        ...(community === undefined ? {} : { community }),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      write(JSON.stringify(line));
    }
  });
}
