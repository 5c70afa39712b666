import { linliError } from '@linli/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { codeLookup } from '../auth/secrets.js';
import type { AppEnv, HostedCommunity, SignedInEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';
import type { RateLimits } from '../http/rate-limit.js';
import { Refusal } from '../http/refusal.js';
import { requestAddress } from '../http/request-address.js';
import { requires } from '../middleware/auth.js';
import { rateLimited, takeOrRefuse } from '../middleware/rate-limit.js';

/** A sign-in body: any object; a `code` that is not a plausible code is simply a wrong one. */
const signInSchema = z.object({ code: z.optional(z.unknown()) });

/** `DELETE /sessions?last=confirmed`: the resident read the last-device warning and signs out anyway. */
const signOutQuery = z.object({ last: z.optional(z.string()) });

/** A household's building and room, as the header shows them; empty for a unit the register no longer has. */
function householdPlace(community: HostedCommunity, unitId: string): { building?: string; room?: string } {
  return community.governance.read((s) => {
    const unit = s.community.units.get(unitId);
    if (!unit) return {};
    const buildingId = s.community.stairwells.get(unit.stairwellId)?.buildingId;
    const building = buildingId === undefined ? undefined : s.community.buildings.get(buildingId)?.name;
    return building === undefined ? { room: unit.room } : { building, room: unit.room };
  });
}

/** A device's public id in a path. */
const deviceId = z.string().check(z.regex(/^[0-9a-f]{16}$/));

/** How many sign-in attempts each limit lets through per minute (see {@link sessionRoutes}). */
export interface SignInLimits {
  /** Attempts per client address: high enough for a building behind one Wi-Fi (default 120: 50 households, a typo each). */
  readonly perAddress: number;
  /** Attempts at one household's code, i.e. one code's lookup prefix (default 10). */
  readonly perHousehold: number;
  /** Attempts in the whole community, against floods from many addresses (default 600). */
  readonly perCommunity: number;
}

/** The defaults of {@link SignInLimits}. */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAddress: 120, perHousehold: 10, perCommunity: 600 };

/** What the session routes need from the app's options. */
export interface SessionRouteOptions {
  /** The sign-in limits. */
  readonly signIn: SignInLimits;
  /** Codes to add a device a household may ask for per minute. */
  readonly pairingCodesPerMinute: number;
  /** Trusted reverse proxies in front of the server. */
  readonly proxyHops: number;
  /** Where the attempts are counted (shared by every process on PostgreSQL). */
  readonly limits: RateLimits;
}

/**
 * Sign-in with an invite code or a code another device showed, the sign-in a page restores after a
 * reload, a household's devices, and signing out, under `/c/:community`:
 * `POST /sessions`, `GET /session`, `DELETE /sessions[?last=confirmed]`, `GET /session/devices`,
 * `POST /session/devices/codes`, `DELETE /session/devices/:id` (not `/devices`: that is the page's own address).
 *
 * Wrong codes are limited three ways, each counted before the code is checked (a guess costs the
 * guesser, not the server's scrypt): per client address, high enough that a whole building behind one
 * Wi-Fi signs in; per household (the code's lookup prefix), so guesses aimed at one household stop
 * there and the others' codes still work; per community, against a flood from many addresses. A
 * refusal says whose attempts ran out and in how many seconds they come back (`auth.rate_limited`).
 */
export function sessionRoutes(options: SessionRouteOptions): Hono<AppEnv> {
  const perAddress = options.limits.limiter('sign-in', options.signIn.perAddress);
  const perHousehold = options.limits.limiter('sign-in-household', options.signIn.perHousehold);
  const perCommunity = options.limits.limiter('sign-in-community', options.signIn.perCommunity);
  const pairing = options.limits.limiter('device-codes', options.pairingCodesPerMinute);
  const perClient = rateLimited<AppEnv>(
    perAddress,
    (c) => `${c.get('community').id}\u0000${requestAddress(c, options.proxyHops)}`,
    'address',
  );
  return (
    new Hono<AppEnv>()
      .post('/sessions', perClient, jsonBody(signInSchema), async (c) => {
        const { code } = c.req.valid('json');
        const community = c.get('community');
        const plausible = typeof code === 'string' && code.length <= 40 ? code : undefined;
        if (plausible !== undefined) {
          await takeOrRefuse(c, perHousehold, `${community.id}\u0000${codeLookup(plausible)}`, 'household');
          await takeOrRefuse(c, perCommunity, community.id, 'everyone');
        }
        const session = plausible === undefined ? null : await community.auth.redeem(plausible);
        if (!session) throw new Refusal(linliError('auth.bad_code'));
        return c.json({ token: session.token, household: session.unitId, device: session.deviceId });
      })
      // Who a stored token still belongs to: a page restores its sign-in after a reload with this.
      .get('/session', requires('signed-in'), (c) => {
        const principal = c.get('principal');
        // The header names the household as its residents would ("96号 102室"), never by its unit id.
        if (principal.kind === 'household')
          return c.json({
            household: principal.unitId,
            ...householdPlace(c.get('community'), principal.unitId),
          });
        // The organizer page shows who is signed in: a shared screen must not hide whose token it holds.
        const { id, name, role } = principal;
        return c.json({ organizer: true, id, name, role });
      })
      // Signing out: a household session ends itself, but the household's last device only once the
      // resident has read how to get back in. (Organizer tokens are the operator's to revoke.)
      .delete('/sessions', requires('household'), async (c) => {
        const query = signOutQuery.safeParse(c.req.query());
        const confirmed = query.success && query.data.last === 'confirmed';
        const outcome = await c.get('community').auth.signOut(c.get('token'), confirmed);
        if (outcome === 'last-device') throw new Refusal(linliError('auth.last_device'));
        if (outcome === 'not-signed-in') throw new Refusal(linliError('auth.required'));
        return c.json({ signedOut: true });
      })
      .get('/session/devices', requires('household'), async (c) => {
        const devices = (await c.get('community').auth.devices(c.get('token'))) ?? [];
        return c.json({ household: householdOf(c), devices });
      })
      // A one-time code (and its QR code, drawn by the page) that signs a family member's phone in.
      .post('/session/devices/codes', requires('household'), async (c) => {
        const community = c.get('community');
        await takeOrRefuse(c, pairing, `${community.id}\u0000${householdOf(c)}`, 'household');
        const issued = await community.auth.issuePairingCode(c.get('token'));
        if (!issued) throw new Refusal(linliError('auth.required'));
        return c.json(issued);
      })
      .delete('/session/devices/:device', requires('household'), async (c) => {
        const id = deviceId.safeParse(c.req.param('device'));
        const ended = id.success && (await c.get('community').auth.endDevice(c.get('token'), id.data));
        if (!ended) throw new Refusal(linliError('auth.no_such_device', ['device']));
        return c.json({ ended: true });
      })
  );
}

/** The household a `requires('household')` route acts for. */
function householdOf(c: Context<SignedInEnv>): string {
  const principal = c.get('principal');
  return principal.kind === 'household' ? principal.unitId : '';
}
