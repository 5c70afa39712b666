import { randomBytes } from 'node:crypto';
import { fixedClock, type LinliError } from '@linli/core';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { FeedTokens } from '../feeds/feed-tokens.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const NOW = '2026-12-01T04:00:00.000Z';

async function served(options: { tokens?: boolean } = {}) {
  opened = await testCommunity();
  const tokens = new FeedTokens(randomBytes(32));
  const app = createApp(new Map([['xfkl', opened.community]]), {
    clock: fixedClock(NOW),
    ...(options.tokens === false ? {} : { feedTokens: tokens }),
  });
  return { app, tokens, organizer: opened.organizer, governance: opened.community.governance };
}

/** The VEVENTs of a feed as ical.js reads them. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const codeOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error.code;

describe('GET /c/:id/duties/:duty.ics', () => {
  it("serves the duty's roster over the published view's window; ical.js reads back every slot", async () => {
    const { app, governance } = await served();
    const response = await app.request('/c/xfkl/duties/clean.ics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = eventsOf(await response.text());
    const view = (await (await app.request('/c/xfkl/view')).json()) as {
      rosters: Record<string, { date: string; start: string; assignees: string[] }[]>;
    };
    const slots = (view.rosters.clean ?? []).filter((s) => s.assignees.length > 0);
    expect(slots.length).toBeGreaterThan(10);
    expect(events.map((e) => e.uid)).toEqual(slots.map((s) => `clean-${s.date.replaceAll('-', '')}@linli`));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(
      slots.map((s) => new Date(s.start).toISOString()),
    );
    const first = slots[0];
    const room = governance.unit(first?.assignees[0] ?? '')?.room;
    expect(events[0]?.summary).toContain(`${room}室`);
  });

  it('answers 304 to a calendar that holds this version, and a new version after a change', async () => {
    const { app } = await served();
    const first = await app.request('/c/xfkl/duties/clean.ics');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    const again = await app.request('/c/xfkl/duties/clean.ics', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const english = await app.request('/c/xfkl/duties/clean.ics?lang=en', {
      headers: { 'If-None-Match': etag },
    });
    expect(english.status).toBe(200);
    expect(await english.text()).toContain('Room ');
  });

  it('gives one household only its own turns with the token the organizer hands out', async () => {
    const { app, organizer, governance } = await served();
    const view = (await (await app.request('/c/xfkl/view')).json()) as {
      rosters: Record<string, { assignees: string[] }[]>;
    };
    const unit = view.rosters.clean?.find((s) => s.assignees.length > 0)?.assignees[0] ?? '';
    const room = `${governance.unit(unit)?.room}室`;
    const issued = await app.request(`/c/xfkl/households/${unit}/feeds`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(issued.status).toBe(200);
    const { feeds } = (await issued.json()) as { feeds: { duty: string; path: string }[] };
    const clean = feeds.find((f) => f.duty === 'clean');
    expect(clean?.path).toBe(
      `/c/xfkl/duties/clean.ics?household=${unit}&token=${clean?.path.split('token=')[1]}`,
    );
    expect(clean?.path.split('token=')[1]).toMatch(/^[\w-]{43}$/);
    const mine = eventsOf(await (await app.request(clean?.path ?? '')).text());
    const all = eventsOf(await (await app.request('/c/xfkl/duties/clean.ics')).text());
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    expect(mine.every((e) => e.summary.includes(room))).toBe(true);
    expect(all.filter((e) => e.summary.includes(room)).map((e) => e.uid)).toEqual(mine.map((e) => e.uid));
  });

  it("refuses another household's token, a made-up one and an unknown household alike (403)", async () => {
    const { app, tokens } = await served();
    const other = tokens.tokenFor('xfkl', 'u302');
    for (const query of [
      `household=u102&token=${other}`,
      'household=u102&token=x',
      'household=u102',
      `household=nobody&token=${tokens.tokenFor('xfkl', 'nobody')}`,
    ]) {
      const response = await app.request(`/c/xfkl/duties/clean.ics?${query}`);
      expect(response.status, query).toBe(403);
      expect(await codeOf(response)).toBe('auth.forbidden');
    }
  });

  it('without a feed secret serves only the public feeds', async () => {
    const { app, organizer } = await served({ tokens: false });
    expect((await app.request('/c/xfkl/duties/clean.ics')).status).toBe(200);
    const refused = await app.request('/c/xfkl/duties/clean.ics?household=u102&token=abc');
    expect(refused.status).toBe(403);
    const issued = await app.request('/c/xfkl/households/u102/feeds', {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(issued.status).toBe(404);
  });

  it('names an unknown duty, and answers 404 for a path that is not a calendar', async () => {
    const { app } = await served();
    const unknown = await app.request('/c/xfkl/duties/nothing.ics');
    expect(await codeOf(unknown)).toBe('entity.not_found');
    expect((await app.request('/c/xfkl/duties/clean')).status).toBe(404);
  });
});

describe('FeedTokens', () => {
  it('derives the same tokens from the same signing key in every process, and others from another key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const key = generateKeyPairSync('ed25519').privateKey;
    const a = FeedTokens.fromSigningKey(key);
    const b = FeedTokens.fromSigningKey(key);
    const c = FeedTokens.fromSigningKey(generateKeyPairSync('ed25519').privateKey);
    expect(a.tokenFor('xfkl', 'u102')).toBe(b.tokenFor('xfkl', 'u102'));
    expect(b.accepts('xfkl', 'u102', a.tokenFor('xfkl', 'u102'))).toBe(true);
    expect(c.accepts('xfkl', 'u102', a.tokenFor('xfkl', 'u102'))).toBe(false);
    expect(a.accepts('other', 'u102', a.tokenFor('xfkl', 'u102'))).toBe(false);
  });
});

describe('FeedTokens, for any communities and units', () => {
  it("accepts a unit's own token and no other unit's or community's", () => {
    const tokens = new FeedTokens(randomBytes(32));
    const id = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(id, id, id, id, (community, unit, otherCommunity, otherUnit) => {
        const token = tokens.tokenFor(community, unit);
        expect(token).toMatch(/^[\w-]{43}$/);
        expect(tokens.accepts(community, unit, token)).toBe(true);
        if (community !== otherCommunity || unit !== otherUnit)
          expect(tokens.accepts(otherCommunity, otherUnit, token)).toBe(false);
      }),
    );
  });
});
