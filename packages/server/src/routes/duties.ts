import {
  type Clock,
  type Governance,
  type Locale,
  linliError,
  localDateOf,
  publishedRosterWindow,
  rosterToICal,
} from '@linli/core';
import { Hono } from 'hono';
import type { FeedTokens } from '../feeds/feed-tokens.js';
import type { AppEnv } from '../http/env.js';
import { PrecompressedBody } from '../http/precompressed.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';
import { ROSTER_DAYS } from './view.js';

const SUFFIX = '.ics';

/** How a calendar names a household: its room, as the paper rota on the stairwell does. */
function roomLabel(gov: Governance): (unitId: string, locale: Locale) => string {
  return (unitId, locale) => {
    const room = gov.unit(unitId)?.room ?? unitId;
    return locale === 'zh-CN' ? `${room}室` : `Room ${room}`;
  };
}

/** The household a feed request names and proves with its token, or undefined for the whole duty. */
function feedHousehold(
  tokens: FeedTokens | undefined,
  community: string,
  gov: Governance,
  query: (name: string) => string | undefined,
): string | undefined {
  const household = query('household');
  if (household === undefined) return undefined;
  // A wrong token and an unknown household read alike, so the feed does not tell which units exist.
  if (!tokens || !gov.unit(household) || !tokens.accepts(community, household, query('token') ?? ''))
    throw new Refusal(linliError('auth.forbidden'));
  return household;
}

/**
 * The path of `unit`'s "my turns" calendar feed of `duty` in `community`: the duty's `.ics` narrowed
 * to the household, proved by its feed token. Handed to the organizer (`/households/:unit/feeds`) and
 * to the household itself (`GET /household`).
 */
export function householdFeedPath(tokens: FeedTokens, community: string, duty: string, unit: string): string {
  const query = `household=${encodeURIComponent(unit)}&token=${tokens.tokenFor(community, unit)}`;
  return `/c/${encodeURIComponent(community)}/duties/${encodeURIComponent(duty)}${SUFFIX}?${query}`;
}

/**
 * Calendar feeds under `/c/:community`. `GET /duties/:duty.ics` serves a duty's roster as iCalendar
 * (RFC 5545), public like the published view and over the same window (3 months back to
 * {@link ROSTER_DAYS} days ahead), so phones can subscribe (`webcal://`); `?lang=en` names it in
 * English. `?household=<unit>&token=<feed token>` narrows it to that household's turns. The
 * organizer's `GET /households/:unit/feeds` hands out a household's feed paths. ETag and 304 as for
 * the view: a subscribed calendar re-downloads only after the log or the day changed.
 */
export function dutyRoutes(clock: Clock, tokens: FeedTokens | undefined): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/duties/:file', (c) => {
      const { id, governance } = c.get('community');
      const file = c.req.param('file');
      if (!file.endsWith(SUFFIX)) throw new Refusal(linliError('http.no_route'));
      const dutyId = file.slice(0, -SUFFIX.length);
      const duty = governance.duty(dutyId);
      if (!duty) throw new Refusal(linliError('entity.not_found', ['duty'], { kind: 'duty', id: dutyId }));
      const household = feedHousehold(tokens, id, governance, (name) => c.req.query(name));
      const locale: Locale = c.req.query('lang') === 'en' ? 'en' : 'zh-CN';
      const now = clock.now();
      const asOf = localDateOf(now);
      const window = publishedRosterWindow(
        asOf,
        localDateOf(new Date(now.getTime() + ROSTER_DAYS * 86_400_000)),
      );
      const roster = governance.roster(dutyId, window.to).filter((s) => s.date >= window.from);
      const ics = rosterToICal(duty, roster, {
        locale,
        memberLabel: roomLabel(governance),
        // The stamp is the day's start, so the bytes (and the ETag) change only with the log or the day.
        stamp: new Date(`${asOf}T00:00:00.000Z`),
        ...(household === undefined ? {} : { memberId: household }),
      });
      return new PrecompressedBody(ics, 'text/calendar; charset=utf-8').respond(c);
    })
    .get('/households/:unit/feeds', requires('organizer'), (c) => {
      const { id, governance } = c.get('community');
      const unit = c.req.param('unit');
      if (!governance.unit(unit))
        throw new Refusal(linliError('entity.not_found', ['unit'], { kind: 'unit', id: unit }));
      // Without a feed secret (AppOptions.feedTokens) there are no household feeds to hand out.
      if (!tokens) throw new Refusal(linliError('http.no_route'));
      const duties = governance.read((state) => [...state.rotation.duties.keys()]);
      return c.json({
        unit,
        feeds: duties.map((duty) => ({ duty, path: householdFeedPath(tokens, id, duty, unit) })),
      });
    });
}
