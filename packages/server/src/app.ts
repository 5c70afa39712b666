import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  type Clock,
  type EventStore,
  err,
  type Governance,
  type LinliError,
  type LoggedEvent,
  type LogHead,
  linliError,
  localDateOf,
  ok,
  parseWith,
  publishView,
  type Result,
  type SignedCheckpoint,
  systemClock,
} from '@linli/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod/mini';
import type { AuthStore, Principal } from './auth/auth-store.js';
import { allowed } from './authorize.js';
import { householdLabels } from './households.js';
import { clientAddress } from './http/client-address.js';
import { PrecompressedBody } from './http/precompressed.js';
import { RateLimit } from './http/rate-limit.js';

/** One community the server hosts. */
export interface HostedCommunity {
  readonly id: string;
  readonly store: EventStore;
  readonly governance: Governance;
  readonly auth: AuthStore;
  /** Origins allowed to embed this community's widgets (CORS). */
  readonly origins: readonly string[];
  /** The newest head the server signed, published with the view and the organizer's reads. */
  readonly checkpoint?: () => SignedCheckpoint | undefined;
}

/** What the community middleware hands every `/c/:community/*` route. */
export type AppEnv = { Variables: { community: HostedCommunity } };

/** Limits that protect the server, and its clock. */
export interface AppOptions {
  /** Largest request body, bytes (default 64 KiB). */
  readonly maxBody?: number;
  /** Invite-code attempts per client address per minute (default 10). */
  readonly codeAttemptsPerMinute?: number;
  /**
   * Commands per household session per minute (default 60; the organizer is not limited). Enough to
   * vote, change one's mind and swap duties; not enough to flood the log by flipping a vote.
   */
  readonly householdCommandsPerMinute?: number;
  /**
   * How many reverse proxies stand in front of the server (default 0: `X-Forwarded-For` is ignored).
   * The client address for rate limiting is then the right-most `X-Forwarded-For` entry those proxies
   * did not write themselves, as Express's `trust proxy = <hops>` takes it. `true` means 1 (deprecated).
   */
  readonly trustProxy?: number | boolean;
  /**
   * The server's own origins (`scheme://host:port`): where its pages are served from, so their writes
   * pass the origin check. Only these and each community's listed origins pass — never whatever the
   * request's `Host` header claims, which a DNS-rebinding page controls.
   */
  readonly origins?: readonly string[];
  /**
   * Who the organizer acts as in the log (default `organizer`). Motions are closed early only by the
   * actor who drafted them, so a server whose community was set up under another name (the demo seeds
   * as `residents-committee`) passes that name here.
   */
  readonly organizerActor?: string;
  /** What "today" is for the published view (rosters, fund ageing); the system clock by default. */
  readonly clock?: Clock;
}

/** @deprecated Use {@link AppOptions}. */
export type AppLimits = AppOptions;

/** The token of an `Authorization: Bearer …` header, or ''. */
const bearer = (header: string | undefined): string =>
  header?.startsWith('Bearer ') ? header.slice(7).trim() : '';

/** What an organizer may ask invite codes for: some households, or (without `units`) all of them. */
const invitesSchema = z.strictObject({
  units: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(10_000))),
});

/** How far ahead the published roster reaches. */
const ROSTER_DAYS = 120;
/** How long a quiet event stream waits before a heartbeat comment. */
const HEARTBEAT_MS = 15_000;

const status = (error: LinliError): 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503 => {
  const code = error.code;
  if (code === 'auth.required' || code === 'auth.bad_code') return 401;
  if (code === 'auth.forbidden' || code === 'http.origin') return 403;
  if (code === 'http.not_found' || code === 'http.no_route') return 404;
  if (code === 'log.conflict') return 409;
  if (code === 'http.too_large') return 413;
  if (code === 'auth.rate_limited') return 429;
  if (code === 'log.unavailable' || code === 'server.unavailable') return 503;
  return 400;
};

/**
 * Files what went wrong under an incident number for the operator's log and returns the number: the
 * database's own words (paths, hosts, SQL) stay there, and a resident can quote the number.
 */
function incident(what: string, detail: string): string {
  const number = `#${randomBytes(4).toString('hex')}`;
  console.error(`linli: ${what} (${number}): ${detail}`);
  return number;
}

/**
 * The HTTP API. Per community: the published view, an SSE stream of new heads (of whole events for
 * the organizer), the log and a snapshot for the organizer, invite-code redemption, and commands — validated and decided by @linli/core (the server never reimplements a
 * rule), authorized here, appended with optimistic concurrency. Every refusal is a JSON
 * `{ error: { code, path, message: { 'zh-CN', en } } }` and appends nothing.
 */
export function createApp(
  communities: ReadonlyMap<string, HostedCommunity>,
  options: AppOptions = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const codeAttempts = new RateLimit(options.codeAttemptsPerMinute ?? 10);
  const householdCommands = new RateLimit(options.householdCommandsPerMinute ?? 60);

  app.use('*', secureHeaders());
  app.use(
    '/c/:community/*',
    cors({
      origin: (origin, c) => {
        const community = communities.get(c.req.param('community') ?? '');
        return community && origin && community.origins.includes(origin) ? origin : null;
      },
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'],
      allowMethods: ['GET', 'POST', 'DELETE'],
    }),
  );
  app.use(
    '/c/:community/*',
    bodyLimit({
      maxSize: options.maxBody ?? 64 * 1024,
      onError: (c) => c.json({ error: linliError('http.too_large') }, 413),
    }),
  );

  app.get('/healthz', (c) => c.json({ ok: true }));

  const proxyHops = options.trustProxy === true ? 1 : options.trustProxy || 0;
  /** Who is asking: the peer, or behind the operator's proxies the address the nearest of them saw. */
  const requestAddress = (c: Context): string => {
    let peer = 'unknown';
    try {
      peer = getConnInfo(c).remote.address ?? peer;
    } catch {
      // Not on a Node socket (e.g. app.request in tests): there is no peer to name.
    }
    return clientAddress(peer, c.req.header('x-forwarded-for'), proxyHops);
  };

  /** A request's principal from its bearer token. */
  const principalOf = async (
    community: HostedCommunity,
    header: string | undefined,
  ): Promise<Principal | null> => {
    const token = bearer(header);
    return token ? community.auth.principal(token) : null;
  };

  /** Reads a strict JSON object body; anything else is a typed refusal. */
  async function jsonBody(req: Request): Promise<Result<Record<string, unknown>, LinliError>> {
    const refused = err(linliError('http.bad_json'));
    if (!(req.headers.get('content-type') ?? '').startsWith('application/json')) return refused;
    try {
      const parsed: unknown = JSON.parse(await req.text());
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? ok(parsed as Record<string, unknown>)
        : refused;
    } catch {
      return refused;
    }
  }

  const refuse = (c: Context, error: LinliError) => {
    if (error.code !== 'log.unavailable') return c.json({ error }, status(error));
    const reason = incident('log unavailable', String(error.params.reason));
    return c.json({ error: linliError('log.unavailable', [], { reason }) }, 503);
  };

  // Whatever else fails (a full or locked sign-in database, a bug) and whatever is not here is still
  // answered with the typed error, never Hono's plain-text 404 or 500.
  app.notFound((c) => refuse(c, linliError('http.no_route')));
  app.onError((e, c) => {
    if (e instanceof HTTPException && e.status === 413) return refuse(c, linliError('http.too_large'));
    const reason = incident('request failed', e instanceof Error ? e.message : String(e));
    return refuse(c, linliError('server.unavailable', [], { reason }));
  });

  // Every community route: the community must exist, and a write from a browser page must come from
  // one of the server's configured origins or one the community lists. CORS alone only stops browsers
  // from reading answers; this stops the write itself.
  const ownOrigins = new Set(options.origins ?? []);
  app.use('/c/:community/*', async (c, next) => {
    const community = communities.get(c.req.param('community') ?? '');
    if (!community) return refuse(c, linliError('http.not_found'));
    const origin = c.req.header('Origin');
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      c.req.method !== 'OPTIONS' &&
      origin !== undefined &&
      !ownOrigins.has(origin) &&
      !community.origins.includes(origin)
    )
      return refuse(c, linliError('http.origin'));
    c.set('community', community);
    return next();
  });

  /**
   * The whole log and the raw state hold secret ballots before close and residents' birth years and
   * contacts, so only the organizer reads them; everyone else reads the published view.
   */
  const organizerOnly = async (c: Context<AppEnv>): Promise<LinliError | undefined> => {
    const principal = await principalOf(c.get('community'), c.req.header('Authorization'));
    if (!principal) return linliError('auth.required');
    return principal.kind === 'organizer' ? undefined : linliError('auth.forbidden');
  };

  app.get('/c/:community/events', async (c) => {
    const refusal = await organizerOnly(c);
    if (refusal) return refuse(c, refusal);
    const after = Number(c.req.query('after') ?? '0');
    const community = c.get('community');
    const checkpoint = community.checkpoint?.();
    const events = await community.store.read({
      afterSeq: Number.isSafeInteger(after) && after >= 0 ? after : 0,
    });
    return c.json(checkpoint ? { events, checkpoint } : { events });
  });

  // A versioned snapshot: `createGovernance({ store, snapshot })` resumes from it and reads only later events.
  app.get('/c/:community/snapshot', async (c) => {
    const refusal = await organizerOnly(c);
    if (refusal) return refuse(c, refusal);
    return c.json(c.get('community').governance.snapshot());
  });

  // The published view is the widgets' read model: computed and compressed once per log head and day
  // (the day matters too: rosters and fund ageing move at midnight without any new event). The head is
  // compared as an object: a governance that rebuilt its state after a failed group commit has a new
  // head object even at the same seq, and a view built meanwhile may have shown the group's events.
  const clock = options.clock ?? systemClock;
  const views = new Map<
    string,
    { head: LogHead; asOf: string; checkpoint: SignedCheckpoint | undefined; body: PrecompressedBody }
  >();
  let builds = 0;
  app.get('/c/:community/view', (c) => {
    const community = c.get('community');
    const head = community.governance.head.value;
    const now = clock.now();
    const asOf = localDateOf(now);
    const checkpoint = community.checkpoint?.();
    let cached = views.get(community.id);
    if (cached?.head !== head || cached.asOf !== asOf || cached.checkpoint !== checkpoint) {
      const view = publishView(community.governance, {
        asOf,
        rosterUntil: localDateOf(new Date(now.getTime() + ROSTER_DAYS * 86_400_000)),
      });
      builds += 1;
      const version = `${head.seq}-${head.hash.slice(0, 16)}-${asOf}-${builds.toString(36)}`;
      const body = JSON.stringify(checkpoint ? { ...view, checkpoint } : view);
      cached = { head, asOf, checkpoint, body: new PrecompressedBody(body, 'application/json', version) };
      views.set(community.id, cached);
    }
    return cached.body.respond(c);
  });

  app.get('/c/:community/stream', async (c) => {
    const community = c.get('community');
    // The organizer may follow the whole log. Everyone else hears only each new head — enough to
    // refetch the published view, and to keep a trusted head for `verify` — not the events themselves.
    const full = (await organizerOnly(c)) === undefined;
    const from = Number(c.req.header('Last-Event-ID') ?? c.req.query('after') ?? '0');
    return streamSSE(c, async (stream) => {
      let sent = Number.isSafeInteger(from) && from >= 0 ? from : 0;
      const announce = async (head: LogHead, events: readonly LoggedEvent[]) => {
        if (head.seq <= sent) return;
        const fresh = events.filter((e) => e.seq > sent);
        sent = head.seq;
        await stream.writeSSE(
          full
            ? { event: 'events', id: String(sent), data: JSON.stringify(fresh) }
            : { event: 'head', id: String(sent), data: JSON.stringify({ seq: head.seq, hash: head.hash }) },
        );
      };
      const send = async (events: readonly LoggedEvent[]) => {
        const last = events.at(-1);
        if (last) await announce(last, events);
      };
      if (full) await send(await community.store.read({ afterSeq: sent }));
      else await announce(community.governance.head.value, []);
      const queue: (readonly LoggedEvent[])[] = [];
      let wake: (() => void) | undefined;
      const stop = community.store.subscribe((events) => {
        queue.push(events);
        wake?.();
      });
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      while (!stream.aborted) {
        // Whatever piled up goes out as one message: for the public, only the newest head matters.
        const next = queue.splice(0).flat();
        if (next.length > 0) {
          await send(next);
          continue;
        }
        const woken = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(true);
          };
        });
        wake = undefined;
        // Only a quiet stream needs a heartbeat to keep proxies from closing it.
        if (!woken && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
    });
  });

  app.post('/c/:community/sessions', async (c) => {
    const community = c.get('community');
    // Counted before the code is checked, so a wrong guess costs the guesser, not the server.
    const client = `${community.id}\u0000${requestAddress(c)}`;
    if (!codeAttempts.take(client)) return refuse(c, linliError('auth.rate_limited'));
    const body = await jsonBody(c.req.raw);
    if (!body.ok) return refuse(c, body.error);
    const code = body.value.code;
    const session = typeof code === 'string' && code.length <= 40 ? await community.auth.redeem(code) : null;
    if (!session) return refuse(c, linliError('auth.bad_code'));
    return c.json({ token: session.token, household: session.unitId });
  });

  // Who a stored token still belongs to: a page restores its sign-in after a reload with this.
  app.get('/c/:community/session', async (c) => {
    const principal = await principalOf(c.get('community'), c.req.header('Authorization'));
    if (!principal) return refuse(c, linliError('auth.required'));
    return c.json(principal.kind === 'organizer' ? { organizer: true } : { household: principal.unitId });
  });

  // Signing out: a household session ends itself. (Organizer tokens are the operator's to rotate.)
  app.delete('/c/:community/sessions', async (c) => {
    const community = c.get('community');
    const token = bearer(c.req.header('Authorization'));
    const principal = token ? await community.auth.principal(token) : null;
    if (!principal) return refuse(c, linliError('auth.required'));
    if (principal.kind !== 'household') return refuse(c, linliError('auth.forbidden'));
    await community.auth.revoke(token);
    return c.json({ signedOut: true });
  });

  // Invite codes for a paper notice: the organizer asks for some households, or for all of them.
  app.post('/c/:community/invites', async (c) => {
    const refusal = await organizerOnly(c);
    if (refusal) return refuse(c, refusal);
    const body = await jsonBody(c.req.raw);
    if (!body.ok) return refuse(c, body.error);
    const parsed = parseWith(invitesSchema, body.value);
    if (!parsed.ok) return refuse(c, parsed.error);
    const { auth, governance } = c.get('community');
    const labels = new Map(householdLabels(governance).map((h) => [h.unitId, h]));
    const units = [...new Set(parsed.value.units ?? labels.keys())];
    // Every unit is checked before any code is made, so a typo issues nothing.
    const unknown = units.findIndex((id) => !labels.has(id));
    if (unknown >= 0)
      return refuse(
        c,
        linliError('entity.not_found', ['units', unknown], { kind: 'unit', id: units[unknown] ?? '' }),
      );
    const invites = await Promise.all(
      units.map(async (unitId) => ({ ...labels.get(unitId), code: await auth.issueInviteCode(unitId) })),
    );
    return c.json({ community: governance.community.value.community?.name ?? '', invites });
  });

  // The households an organizer can print notices for, with their buildings' names.
  app.get('/c/:community/households', async (c) => {
    const refusal = await organizerOnly(c);
    if (refusal) return refuse(c, refusal);
    const { governance } = c.get('community');
    return c.json({
      community: governance.community.value.community?.name ?? '',
      households: householdLabels(governance),
    });
  });

  // A lost phone: the organizer ends every session of a household and voids its unused codes.
  app.delete('/c/:community/households/:unit/sessions', async (c) => {
    const refusal = await organizerOnly(c);
    if (refusal) return refuse(c, refusal);
    const { auth, governance } = c.get('community');
    const unitId = c.req.param('unit');
    if (!governance.unit(unitId))
      return refuse(c, linliError('entity.not_found', ['unit'], { kind: 'unit', id: unitId }));
    return c.json({ revoked: await auth.revokeHousehold(unitId) });
  });

  app.post('/c/:community/commands', async (c) => {
    const community = c.get('community');
    const principal = await principalOf(community, c.req.header('Authorization'));
    if (!principal) return refuse(c, linliError('auth.required'));
    const actor =
      principal.kind === 'organizer'
        ? (options.organizerActor ?? 'organizer')
        : `household:${principal.unitId}`;
    // Counted before anything is read or decided, so a flood costs the flooder.
    if (principal.kind === 'household' && !householdCommands.take(`${community.id}\u0000${actor}`))
      return refuse(c, linliError('auth.rate_limited'));
    const body = await jsonBody(c.req.raw);
    if (!body.ok) return refuse(c, body.error);
    const command = body.value.command;
    if (!allowed(principal, command, community.governance)) return refuse(c, linliError('auth.forbidden'));
    // The key is recorded with the events in one transaction, per principal: a retry (even after a
    // crash, even on another server process) gets the first answer instead of a second append.
    const key = c.req.header('Idempotency-Key');
    const requestKey = key && key.length <= 200 ? `${actor}\n${key}` : undefined; // headers cannot hold a newline
    const result = await community.governance.execute(
      command,
      requestKey ? { actor, requestKey } : { actor },
    );
    if (!result.ok) return refuse(c, result.error);
    return c.json({ events: result.value });
  });

  return app;
}
