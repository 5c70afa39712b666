import { linliError } from '@linli/core';
import { createMiddleware } from 'hono/factory';
import type { Principal } from '../auth/auth-store.js';
import type { HostedCommunity, IdentifiedEnv, SignedInEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';

/** Who a route admits: the organizer only, a household session only, or either. */
export type Needs = 'organizer' | 'household' | 'signed-in';

/** The token of an `Authorization: Bearer …` header, or ''. */
const bearer = (header: string | undefined): string =>
  header?.startsWith('Bearer ') ? header.slice(7).trim() : '';

/** The token of the request and whose it is (`null` without a valid one). */
async function principalOf(
  community: HostedCommunity,
  authorization: string | undefined,
): Promise<{ token: string; principal: Principal | null }> {
  const token = bearer(authorization);
  return { token, principal: token ? await community.auth.principal(token) : null };
}

/**
 * The route's declared audience: without a valid token `auth.required` (401), with the wrong kind
 * of principal `auth.forbidden` (403). The route then reads `principal` and `token` from the context.
 * The log and the raw state hold secret ballots before close and residents' birth years and
 * contacts, so the routes that serve them declare `requires('organizer')`.
 */
export function requires(needs: Needs) {
  return createMiddleware<SignedInEnv>(async (c, next) => {
    const { token, principal } = await principalOf(c.get('community'), c.req.header('Authorization'));
    if (!principal) throw new Refusal(linliError('auth.required'));
    if (needs !== 'signed-in' && principal.kind !== needs) throw new Refusal(linliError('auth.forbidden'));
    c.set('principal', principal);
    c.set('token', token);
    await next();
  });
}

/** Names who is asking (`principal`, or `null`) without refusing anyone: for routes open to all. */
export const identifies = createMiddleware<IdentifiedEnv>(async (c, next) => {
  c.set('principal', (await principalOf(c.get('community'), c.req.header('Authorization'))).principal);
  await next();
});
