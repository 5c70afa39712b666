import { type LocalDate, publishView } from '@linli/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { elevatorMotion, mount, stairwell } from '../../../test/fixtures.js';
import '../../define/linli-vote.js';
import { endpointSession, sessionKey } from '../../internal/endpoint-session.js';
import type { LinliVote } from './vote.js';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  localStorage.clear();
});

let servers = 0;

/**
 * A Linli server behind `fetch` with the elevator motion open: its view, a quiet stream, and
 * `household/motions` answering `seats` for the token `tok` (401 for any other), recording who asked.
 */
async function server(seats: { motionId: string; seats: { voterId: string; proxyId?: string }[] }[]) {
  const { gov } = await stairwell();
  await elevatorMotion(gov);
  const endpoint = `https://linli.test/c/vote-sign-in${++servers}`;
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/view'))
      return Response.json(
        publishView(gov, { asOf: '2026-11-29' as LocalDate, rosterUntil: '2026-12-31' as LocalDate }),
      );
    if (url.includes('/stream')) return new Response(new ReadableStream());
    if (url.endsWith('/household/motions')) {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      asked.push(auth);
      return auth === 'Bearer tok'
        ? Response.json({ unitId: 'u101', motions: seats })
        : Response.json({ error: { code: 'auth.required' } }, { status: 401 });
    }
    return Response.json({ error: { code: 'http.no_route' } }, { status: 404 });
  });
  return { endpoint, asked };
}

const card = (endpoint: string) =>
  mount<LinliVote>(
    `<linli-vote endpoint="${endpoint}" motion="lift" lang="en"></linli-vote>`,
    'linli-vote',
    (e) => {
      e.now = new Date('2026-11-29T02:00:00Z');
    },
  );

const inner = (vote: LinliVote) => vote.shadowRoot?.querySelector('linli-sign-in');

describe('<linli-vote> bound to a server with no voter', () => {
  it('shows the household sign-in inside itself while the page holds no session', async () => {
    const { endpoint, asked } = await server([]);
    const vote = await card(endpoint);
    await vi.waitFor(() => expect(inner(vote)?.getAttribute('endpoint')).toBe(endpoint));
    expect(inner(vote)?.getAttribute('lang')).toBe('en');
    expect(vote.shadowRoot?.querySelector('[part=form]')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('does not repeat a <linli-sign-in> the page placed for the same endpoint', async () => {
    const { endpoint } = await server([]);
    const placed = document.createElement('linli-sign-in');
    placed.setAttribute('endpoint', endpoint);
    document.body.append(placed);
    const vote = await card(endpoint);
    await vi.waitFor(() => expect(vote.shadowRoot?.querySelector('[part=title]')).toBeTruthy());
    expect(inner(vote)).toBeNull();
  });

  it("with a kept session votes as the server names the household's own voter (not a proxy it holds)", async () => {
    const { endpoint, asked } = await server([
      { motionId: 'lift', seats: [{ voterId: 'o102', proxyId: 'p1' }, { voterId: 'o101' }] },
    ]);
    localStorage.setItem(sessionKey(endpoint), JSON.stringify({ token: 'tok', household: 'u101' }));
    const vote = await card(endpoint);
    await vi.waitFor(() => expect(vote.voter).toBe('o101'));
    await vi.waitFor(() => expect(vote.shadowRoot?.querySelector('[part=submit]')).toBeTruthy());
    expect(inner(vote)).toBeNull();
    expect(asked).toEqual(['Bearer tok']);
  });

  it('says a household with no ballot on the motion is not eligible', async () => {
    const { endpoint } = await server([]);
    localStorage.setItem(sessionKey(endpoint), JSON.stringify({ token: 'tok', household: 'u101' }));
    const vote = await card(endpoint);
    await vi.waitFor(() =>
      expect(vote.shadowRoot?.querySelector('[role=status]:not([part])')?.textContent).toBe(
        'You are not on this motion’s electoral roll',
      ),
    );
    expect(vote.voter).toBe('');
  });

  it('forgets a session the server no longer knows, and the sign-in shows again', async () => {
    const { endpoint } = await server([]);
    localStorage.setItem(sessionKey(endpoint), JSON.stringify({ token: 'ended', household: 'u101' }));
    const vote = await card(endpoint);
    await vi.waitFor(() => expect(inner(vote)).toBeTruthy());
    expect(endpointSession(endpoint).value).toBeUndefined();
    expect(localStorage.getItem(sessionKey(endpoint))).toBeNull();
  });
});
