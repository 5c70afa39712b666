import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';
import type { RequestLogLine } from './request-log.js';

let hosted: TestCommunity;
afterEach(async () => hosted.close());

describe('the request log', () => {
  it('writes one JSON line per request with its id, route pattern, community, status and ms', async () => {
    hosted = await testCommunity();
    const lines: string[] = [];
    const app = createApp(new Map([['xfkl', hosted.community]]), { requestLog: (line) => lines.push(line) });
    const view = await app.request('/c/xfkl/view?secret=q');
    const missing = await app.request('/c/nowhere/view');
    const unrouted = await app.request('/no/such/path/with-a-name');
    expect(lines).toHaveLength(3);
    const [first, second, third] = lines.map((line) => JSON.parse(line) as RequestLogLine);
    expect(first).toMatchObject({
      method: 'GET',
      route: '/c/:community/view',
      community: 'xfkl',
      status: 200,
    });
    expect(first?.id).toBe(view.headers.get('x-request-id'));
    expect(first?.ms).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(first?.time ?? ''))).toBe(false);
    expect(second).toMatchObject({ community: 'nowhere', status: 404 });
    expect(second?.id).toBe(missing.headers.get('x-request-id'));
    expect(third).toMatchObject({ route: '*', status: 404 });
    expect(third).not.toHaveProperty('community');
    expect(unrouted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(lines.map((line) => (JSON.parse(line) as RequestLogLine).id)).size).toBe(3);
  });

  it('never logs a token, an invite code, a body or a ballot', async () => {
    hosted = await testCommunity();
    const lines: string[] = [];
    const app = createApp(new Map([['xfkl', hosted.community]]), { requestLog: (line) => lines.push(line) });
    const code = await hosted.community.auth.issueInviteCode('u102');
    const signIn = await app.request('/c/xfkl/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const vote = await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'no' },
      }),
    });
    expect(vote.status).toBe(200);
    await app.request('/c/xfkl/events', { headers: { authorization: `Bearer ${hosted.organizer}` } });
    await app.request('/c/xfkl/session', { headers: { authorization: `Bearer ${hosted.household}` } });
    const text = lines.join('\n');
    expect(lines).toHaveLength(4);
    for (const secret of [code, token, hosted.organizer, hosted.household, 'ballot', 'o102', '"no"', 'lift'])
      expect(text).not.toContain(secret);
    expect(text).toContain('"route":"/c/:community/commands"');
  });
});
