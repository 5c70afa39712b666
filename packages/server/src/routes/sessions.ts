import { linliError } from '@linli/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';
import type { RateLimits } from '../http/rate-limit.js';
import { Refusal } from '../http/refusal.js';
import { requestAddress } from '../http/request-address.js';
import { requires } from '../middleware/auth.js';
import { rateLimited } from '../middleware/rate-limit.js';

/** A sign-in body: any object; a `code` that is not a plausible code is simply a wrong one. */
const signInSchema = z.object({ code: z.optional(z.unknown()) });

/** What the session routes need from the app's options. */
export interface SessionRouteOptions {
  /** Invite-code attempts per client address per minute. */
  readonly codeAttemptsPerMinute: number;
  /** Trusted reverse proxies in front of the server. */
  readonly proxyHops: number;
  /** Where the attempts are counted (shared by every process on PostgreSQL). */
  readonly limits: RateLimits;
}

/**
 * Sign-in with an invite code, the sign-in a page restores after a reload, and signing out:
 * `POST /sessions`, `GET /session`, `DELETE /sessions` under `/c/:community`.
 */
export function sessionRoutes(options: SessionRouteOptions): Hono<AppEnv> {
  const codeAttempts = options.limits.limiter('sign-in', options.codeAttemptsPerMinute);
  // Counted before the code is checked, so a wrong guess costs the guesser, not the server.
  const perClient = rateLimited<AppEnv>(
    codeAttempts,
    (c) => `${c.get('community').id}\u0000${requestAddress(c, options.proxyHops)}`,
  );
  return (
    new Hono<AppEnv>()
      .post('/sessions', perClient, jsonBody(signInSchema), async (c) => {
        const { code } = c.req.valid('json');
        const session =
          typeof code === 'string' && code.length <= 40 ? await c.get('community').auth.redeem(code) : null;
        if (!session) throw new Refusal(linliError('auth.bad_code'));
        return c.json({ token: session.token, household: session.unitId });
      })
      // Who a stored token still belongs to: a page restores its sign-in after a reload with this.
      .get('/session', requires('signed-in'), (c) => {
        const principal = c.get('principal');
        if (principal.kind === 'household') return c.json({ household: principal.unitId });
        // The organizer page shows who is signed in: a shared screen must not hide whose token it holds.
        const { id, name, role } = principal;
        return c.json({ organizer: true, id, name, role });
      })
      // Signing out: a household session ends itself. (Organizer tokens are the operator's to revoke.)
      .delete('/sessions', requires('household'), async (c) => {
        await c.get('community').auth.revoke(c.get('token'));
        return c.json({ signedOut: true });
      })
  );
}
