import { type Clock, linliError, systemClock } from '@linli/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { DEFAULT_ATTACHMENT_BYTES } from './blobs/attachment-limit.js';
import type { FeedTokens } from './feeds/feed-tokens.js';
import { type CommunitySource, sourceOf } from './hosting/community-source.js';
import type { AppEnv, HostedCommunity } from './http/env.js';
import { memoryRateLimits, type RateLimits } from './http/rate-limit.js';
import { refusalResponse, renderError } from './http/refusal.js';
import { resolveCommunity } from './middleware/community.js';
import { communityCors } from './middleware/cross-origin.js';
import { checkHost } from './middleware/host-check.js';
import { checkWriteOrigin } from './middleware/origin-check.js';
import { logRequests } from './middleware/request-log.js';
import { announcementRoutes } from './routes/announcements.js';
import { attachmentRoutes, isAttachmentUpload } from './routes/attachments.js';
import { commandRoutes } from './routes/commands.js';
import { communityListRoutes } from './routes/communities.js';
import { dutyRoutes } from './routes/duties.js';
import { fundLedgerRoutes } from './routes/fund-ledger.js';
import { healthRoutes } from './routes/health.js';
import { householdRoutes } from './routes/household.js';
import { householdMotionRoutes } from './routes/household-motions.js';
import { inviteRoutes } from './routes/invites.js';
import { motionRoutes } from './routes/motions.js';
import { organizerRoutes } from './routes/organizer.js';
import { isRegisterUpload, registerRoutes } from './routes/register.js';
import { roleRoutes } from './routes/roles.js';
import { DEFAULT_SIGN_IN_LIMITS, sessionRoutes } from './routes/sessions.js';
import { setupRoutes } from './routes/setup.js';
import { streamRoutes } from './routes/stream.js';
import { STALE_HEADER, viewRoutes } from './routes/view.js';
import type { SetupOptions } from './setup/setup-host.js';
import { type ShellOptions, shellPages } from './shell/shell-pages.js';

export type { AppEnv, HostedCommunity } from './http/env.js';
export type { RequestLogLine } from './middleware/request-log.js';
export type { SetupHost, SetupOptions } from './setup/setup-host.js';

/** Limits that protect the server, and its clock. */
export interface AppOptions {
  /** Largest request body, bytes (default 64 KiB). */
  readonly maxBody?: number;
  /** Largest housing-register upload, bytes (default 8 MiB; see `MAX_REGISTER_BODY`). */
  readonly maxRegisterBody?: number;
  /**
   * Largest attachment upload, bytes (default 5 MiB; `linli-server` reads `LINLI_ATTACHMENT_MAX_BYTES`).
   * Past it: `attachment.too_large` (413).
   */
  readonly maxAttachmentBytes?: number;
  /** Attachment uploads per organizer per minute (default 30). */
  readonly attachmentUploadsPerMinute?: number;
  /**
   * Sign-in attempts per client address per minute (default 120: a building of 50 households behind one Wi-Fi, each with a typo). A code
   * has ~49 bits, so guessing stays infeasible at this rate (see `sessionRoutes`).
   */
  readonly codeAttemptsPerMinute?: number;
  /** Sign-in attempts at one household's code (its lookup prefix) per minute (default 10). */
  readonly codeAttemptsPerHouseholdPerMinute?: number;
  /** Sign-in attempts in one community per minute, from all addresses together (default 600). */
  readonly codeAttemptsPerCommunityPerMinute?: number;
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
   * The organizers' office in the log (default `organizer`): each named organizer acts as
   * `<office>/<organizer id>`. A motion is closed early, and its paper ballots entered, by its
   * drafter's office, so a server whose community was set up under another name (the demo seeds as
   * `residents-committee`) passes that name here.
   */
  readonly organizerActor?: string;
  /** What "today" is for the published view (rosters, fund ageing); the system clock by default. */
  readonly clock?: Clock;
  /**
   * The secret behind households' "my turns" calendar feeds (`FeedTokens.fromSigningKey`); without it
   * only the public duty feeds are served.
   */
  readonly feedTokens?: FeedTokens;
  /**
   * The `Host` names this server answers to (`name` or `name:port`), against DNS rebinding; others
   * get `http.host` (421). Unset: every `Host` is answered (tests, embedding in another server).
   */
  readonly allowedHosts?: readonly string[];
  /** Where each request's one-line JSON log goes (see {@link RequestLogLine}); unset: not logged. */
  readonly requestLog?: (line: string) => void;
  /**
   * The first-run setup (`/setup`) of a server with no community yet: its one-time token and where
   * the community is founded. Unset: setup is closed (`setup.closed`).
   */
  readonly setup?: SetupOptions;
  /**
   * Serve the page shell (`@linli/app`): its HTML at `/setup`, `/c/:id/sign-in`, `/c/:id/organizer…`
   * and its module at `/app/app.js`. `linli-server` does; an app embedded elsewhere need not.
   * `{ home: true }` also makes it the start page `/` (the server's communities) and each community's
   * address `/c/:id/` — as `linli-server serve` does; the demo keeps its own pages there.
   */
  readonly shell?: boolean | ShellOptions;
  /**
   * Where the rate limits (sign-in codes, setup, household commands) keep their counts: in this
   * process by default, which is right for one process; `PostgresRateLimits` shares them between
   * every process on one database, so N processes do not allow N times the limit.
   */
  readonly rateLimits?: RateLimits;
}

/** @deprecated Use {@link AppOptions}. */
export type AppLimits = AppOptions;

/**
 * The HTTP API. Per community: the published view, an SSE stream of new heads (of whole events for
 * the organizer), the log and a snapshot for the organizer, invite-code redemption, and commands —
 * validated and decided by @linli/core (the server never reimplements a rule), authorized here,
 * appended with optimistic concurrency. Every refusal is a JSON
 * `{ error: { code, path, message: { 'zh-CN', en } } }` and appends nothing.
 *
 * `communities` is a `CommunityHost` (each community opened on its first request and closed when
 * idle) or a map of open ones (see `hostOf`); `GET /communities` lists them for a landing page.
 *
 * The app only composes: app-wide headers and limits, the `/c/:community/*` middleware (community,
 * write origin), one route module per area from `./routes/`, and one error handler — each route
 * declares its audience with `requires(…)` and throws a `Refusal` for anything it refuses.
 */
export function createApp(
  communities: ReadonlyMap<string, HostedCommunity> | CommunitySource,
  options: AppOptions = {},
): Hono<AppEnv> {
  const source = sourceOf(communities);
  const app = new Hono<AppEnv>();
  const community = '/c/:community/*';
  if (options.requestLog) app.use('*', logRequests(options.requestLog));
  // The widget bundles (`/cdn/…`, served by `linli-server`) are public scripts other sites load.
  const pageHeaders = secureHeaders();
  const scriptHeaders = secureHeaders({ crossOriginResourcePolicy: 'cross-origin' });
  app.use('*', (c, next) => (c.req.path.startsWith('/cdn/') ? scriptHeaders : pageHeaders)(c, next));
  app.use(community, communityCors(source, options.origins ?? [], [STALE_HEADER]));
  const limitBody = bodyLimit({
    maxSize: options.maxBody ?? 64 * 1024,
    onError: (c) => refusalResponse(c, linliError('http.too_large')),
  });
  // A register upload or an attachment is bigger than any JSON body; its route applies its own limit.
  app.use(community, (c, next) =>
    isRegisterUpload(c.req.path) || isAttachmentUpload(c.req.path, c.req.method)
      ? next()
      : limitBody(c, next),
  );
  app.use('/setup', limitBody);
  // Whatever else fails (a full or locked sign-in database, a bug) and whatever is not here is still
  // answered with the typed error, never Hono's plain-text 404 or 500.
  app.notFound((c) => refusalResponse(c, linliError('http.no_route')));
  app.onError(renderError);
  // Health checks come before the Host check: a load balancer probes by address, and they tell nothing.
  app.route('/', healthRoutes(source));
  if (options.allowedHosts) app.use('*', checkHost(options.allowedHosts));
  const proxyHops = options.trustProxy === true ? 1 : options.trustProxy || 0;
  // Before the community middleware: a deep link to a community that does not exist still gets the
  // page, which then shows its own not-found screen in the reader's language.
  if (options.shell) app.route('/', shellPages(options.shell === true ? {} : options.shell));
  const limits = options.rateLimits ?? memoryRateLimits;
  app.route('/', setupRoutes(options.setup, { origins: options.origins ?? [], proxyHops, limits }));
  app.route('/', communityListRoutes(source));

  app.use(community, resolveCommunity(source), checkWriteOrigin(options.origins ?? []));
  const clock: Clock = options.clock ?? systemClock;
  const organizerActor = options.organizerActor ?? 'organizer';
  return app
    .route('/c/:community', viewRoutes(clock))
    .route('/c/:community', dutyRoutes(clock, options.feedTokens))
    .route('/c/:community', householdRoutes(clock, options.feedTokens))
    .route('/c/:community', roleRoutes(clock))
    .route('/c/:community', announcementRoutes())
    .route('/c/:community', streamRoutes())
    .route('/c/:community', organizerRoutes())
    .route('/c/:community', motionRoutes())
    .route('/c/:community', householdMotionRoutes(clock))
    .route('/c/:community', fundLedgerRoutes(clock))
    .route('/c/:community', inviteRoutes())
    .route(
      '/c/:community',
      sessionRoutes({
        signIn: {
          perAddress: options.codeAttemptsPerMinute ?? DEFAULT_SIGN_IN_LIMITS.perAddress,
          perHousehold: options.codeAttemptsPerHouseholdPerMinute ?? DEFAULT_SIGN_IN_LIMITS.perHousehold,
          perCommunity: options.codeAttemptsPerCommunityPerMinute ?? DEFAULT_SIGN_IN_LIMITS.perCommunity,
        },
        pairingCodesPerMinute: 10,
        proxyHops,
        limits,
      }),
    )
    .route(
      '/c/:community',
      commandRoutes({
        householdCommandsPerMinute: options.householdCommandsPerMinute ?? 60,
        organizerActor,
        limits,
      }),
    )
    .route(
      '/c/:community',
      registerRoutes({
        clock,
        organizerActor,
        ...(options.maxRegisterBody === undefined ? {} : { maxBody: options.maxRegisterBody }),
      }),
    )
    .route(
      '/c/:community',
      attachmentRoutes({
        maxBytes: options.maxAttachmentBytes ?? DEFAULT_ATTACHMENT_BYTES,
        uploadsPerMinute: options.attachmentUploadsPerMinute ?? 30,
        limits,
      }),
    );
}
