import { type LinliError, lineSchema, linliError } from '@linli/core';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod/mini';
import { isOrganizerRole } from '../auth/organizers.js';
import { isCommunityId } from '../hosting/community-id.js';
import { jsonBody } from '../http/json-body.js';
import type { RateLimits } from '../http/rate-limit.js';
import { Refusal } from '../http/refusal.js';
import { requestAddress } from '../http/request-address.js';
import { checkOwnOrigin } from '../middleware/origin-check.js';
import { rateLimited } from '../middleware/rate-limit.js';
import type { SetupOptions } from '../setup/setup-host.js';

/** `POST /setup`'s body; the id and role are checked after the token, each with its own message. */
const setupSchema = z.object({
  token: z.string().check(z.maxLength(200)),
  community: z.object({ id: z.string().check(z.maxLength(200)), name: lineSchema(100) }),
  organizer: z.object({ name: lineSchema(100), role: z.string().check(z.maxLength(100)) }),
});

/** What the setup routes need from the app's options besides {@link SetupOptions}. */
export interface SetupRouteOptions {
  /** The server's own origins: only its pages may post the setup form. */
  readonly origins: readonly string[];
  /** Trusted reverse proxies in front of the server (for the per-address limit). */
  readonly proxyHops: number;
  /** Where the attempts are counted (shared by every process on PostgreSQL). */
  readonly limits: RateLimits;
}

const refuse = (error: LinliError): never => {
  throw new Refusal(error);
};

/** Runs each `work` after the one before it has finished: two setups at once cannot both found. */
function oneAtATime() {
  let turn: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work);
    turn = run.catch(() => undefined);
    return run;
  };
}

/**
 * The first-run setup of an empty server: `GET /setup/status` says whether it is open, `POST /setup`
 * founds the first community with its first organizer and answers that organizer's token, once.
 * Checked in this order, and each refusal changes nothing: the per-address limit, the page's origin,
 * closed for good once any community exists (410), the body's shape, the one-time token (compared in
 * constant time), the id and the role. Without `setup` (a server embedded elsewhere) it is closed.
 */
export function setupRoutes(setup: SetupOptions | undefined, options: SetupRouteOptions): Hono {
  const attempts = options.limits.limiter('setup', setup?.attemptsPerMinute ?? 10);
  const serially = oneAtATime();
  const isOpen = async () => setup !== undefined && !(await setup.host.hasCommunity());
  const unlessClosed = createMiddleware(async (_c, next) => {
    if (!(await isOpen())) refuse(linliError('setup.closed'));
    await next();
  });
  return new Hono()
    .get('/setup/status', async (c) =>
      c.json({ open: (await isOpen()) && setup?.token.waiting === true }, 200, {
        'cache-control': 'no-store',
      }),
    )
    .post(
      '/setup',
      rateLimited(attempts, (c) => requestAddress(c, options.proxyHops)),
      checkOwnOrigin(options.origins),
      unlessClosed,
      jsonBody(setupSchema),
      async (c) => {
        const { token, community, organizer } = c.req.valid('json');
        return serially(async () => {
          if (!setup || !(await isOpen())) return refuse(linliError('setup.closed'));
          if (!setup.token.matches(token)) refuse(linliError('setup.bad_token', ['token']));
          if (!isCommunityId(community.id)) refuse(linliError('setup.bad_id', ['community', 'id']));
          const { role } = organizer;
          if (!isOrganizerRole(role)) return refuse(linliError('setup.bad_role', ['organizer', 'role']));
          const founded = await setup.host.found(community.id, community.name);
          if (!founded.ok) return refuse({ ...founded.error, path: ['community', ...founded.error.path] });
          const issued = await setup.host.withCommunity(community.id, (hosted) =>
            hosted.auth.addOrganizer(organizer.name, role),
          );
          if (!issued) return refuse(linliError('http.not_found'));
          setup.token.consume();
          return c.json({ community: { id: community.id, name: community.name }, ...issued });
        });
      },
    );
}
