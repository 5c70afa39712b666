import type { NoticeReads } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

/** The seeded community with a notice for Building 96, and the app serving it. */
async function withNotice() {
  opened = await testCommunity();
  const { community } = opened;
  const posted = await community.governance.execute({
    type: 'announcement.post',
    id: 'water',
    title: '停水通知',
    body: '周三 9:00–12:00 停水。',
    scope: { kind: 'building', id: 'b96' },
  });
  if (!posted.ok) throw new Error(posted.error.code);
  return { app: createApp(new Map([['xfkl', community]])), ...opened };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const markRead = (unitId: string) =>
  JSON.stringify({ command: { type: 'announcement.markRead', announcementId: 'water', unitId } });

describe('announcements over HTTP', () => {
  it('lets a household mark its own read once; the organizer sees the count, the public view never', async () => {
    const { app, household, organizer } = await withNotice();
    for (let i = 0; i < 2; i++) {
      const read = await app.request('/c/xfkl/commands', {
        method: 'POST',
        headers: bearer(household),
        body: markRead('u102'),
      });
      expect(read.status).toBe(200);
    }
    const reads = await app.request('/c/xfkl/announcements/reads', { headers: bearer(organizer) });
    expect(reads.status).toBe(200);
    expect(reads.headers.get('cache-control')).toBe('private, no-store');
    const body = (await reads.json()) as { showReaders: boolean; reads: NoticeReads[] };
    expect(body.showReaders).toBe(false);
    expect(body.reads).toEqual([{ announcementId: 'water', title: '停水通知', households: 12, read: 1 }]);
    const view = await (await app.request('/c/xfkl/view')).text();
    expect(view).toContain('停水通知');
    expect(view).not.toMatch(/"reads"|"readers"/);
  });

  it('refuses a household marking another unit’s read, and the organizer marking any; nothing changes', async () => {
    const { app, household, organizer, community } = await withNotice();
    const head = community.governance.head.value;
    for (const [token, unitId] of [
      [household, 'u101'],
      [organizer, 'u102'],
    ] as const) {
      const refused = await app.request('/c/xfkl/commands', {
        method: 'POST',
        headers: bearer(token),
        body: markRead(unitId),
      });
      expect(refused.status).toBe(403);
    }
    expect(community.governance.head.value).toEqual(head);
  });

  it('answers the reads to the organizer only, with readers once the community allows', async () => {
    const { app, household, organizer, community } = await withNotice();
    expect((await app.request('/c/xfkl/announcements/reads')).status).toBe(401);
    expect((await app.request('/c/xfkl/announcements/reads', { headers: bearer(household) })).status).toBe(
      403,
    );
    await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: bearer(household),
      body: markRead('u102'),
    });
    const policy = await community.governance.execute({
      type: 'announcement.setReadersPolicy',
      showReaders: true,
    });
    expect(policy.ok).toBe(true);
    const body = (await (
      await app.request('/c/xfkl/announcements/reads', { headers: bearer(organizer) })
    ).json()) as { showReaders: boolean; reads: NoticeReads[] };
    expect(body.showReaders).toBe(true);
    expect(body.reads[0]?.readers?.map((r) => r.room)).toEqual(['102']);
  });
});
