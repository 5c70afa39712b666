import {
  type Clock,
  type Governance,
  type LocalDate,
  type LogHead,
  localDateOf,
  publishView,
  type SignedCheckpoint,
} from '@linli/core';
import { Hono } from 'hono';
import type { AppEnv, HostedCommunity } from '../http/env.js';
import { PrecompressedBody } from '../http/precompressed.js';

/** How far ahead the published roster reaches (the calendar feeds follow it too). */
export const ROSTER_DAYS = 120;

interface CachedView {
  readonly head: LogHead;
  readonly asOf: LocalDate;
  readonly checkpoint: SignedCheckpoint | undefined;
  /** Built while the log's database was unreachable: marked stale. */
  readonly stale: boolean;
  readonly body: PrecompressedBody;
}

/** The header that marks a view served while the log's database is unreachable. */
export const STALE_HEADER = 'Linli-Stale';

/**
 * `GET /view` under `/c/:community`: the published view, the widgets' read model, open to all.
 * It is computed and compressed once per log head and day (the day matters too: rosters and fund
 * ageing move at midnight without any new event) and served by the hand-written
 * {@link PrecompressedBody}, which measured about 27× faster than Hono's `etag()` plus `compress()`;
 * its ETag is a hash of the bytes, so every process serving the same log answers the same tag.
 * The head is compared as an object: a governance that rebuilt its state after a failed group
 * commit has a new head object even at the same seq, and a view built meanwhile may have shown the
 * group's events.
 *
 * While the community's database is unreachable ({@link HostedCommunity.stale}) the last view this
 * process has is still served, marked stale: `"stale": true` in the JSON and a `Linli-Stale: 1`
 * header, so a page can say the figures may be behind instead of failing.
 */
export function viewRoutes(clock: Clock): Hono<AppEnv> {
  // Keyed by the open community's governance, not its id: when the host evicts a community, its
  // cached view goes with it (1,000 idle communities would otherwise keep 5-40 KB each), and a
  // reopened community never meets the view of the governance before it.
  const views = new WeakMap<Governance, CachedView>();
  const build = (community: HostedCommunity, now: Date, current: Omit<CachedView, 'body'>): CachedView => {
    const { head, asOf, checkpoint, stale } = current;
    const view = publishView(community.governance, {
      asOf,
      rosterUntil: localDateOf(new Date(now.getTime() + ROSTER_DAYS * 86_400_000)),
    });
    const published = checkpoint ? { ...view, checkpoint } : view;
    const body = JSON.stringify(stale ? { ...published, stale: true } : published);
    return { head, asOf, checkpoint, stale, body: new PrecompressedBody(body, 'application/json') };
  };
  return new Hono<AppEnv>().get('/view', (c) => {
    const community = c.get('community');
    const now = clock.now();
    const current = {
      head: community.governance.head.value,
      asOf: localDateOf(now),
      checkpoint: community.checkpoint?.(),
      stale: community.stale?.() === true,
    };
    let cached = views.get(community.governance);
    if (
      cached?.head !== current.head ||
      cached.asOf !== current.asOf ||
      cached.checkpoint !== current.checkpoint ||
      cached.stale !== current.stale
    ) {
      cached = build(community, now, current);
      views.set(community.governance, cached);
    }
    const response = cached.body.respond(c);
    if (cached.stale) response.headers.set(STALE_HEADER, '1');
    return response;
  });
}
