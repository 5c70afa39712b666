import { createGovernance, fixedClock, MemoryStore } from '@linli/core';
import { executeAll, stairwellCommands } from '@linli/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import type { HostedCommunity } from '../http/env.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const OFFICE = 'residents-committee';

describe('GET /c/:community/organizers', () => {
  it('names every organizer person (revoked ones too, so old history still reads as names), for organizers only', async () => {
    const store = new MemoryStore();
    const clock = fixedClock('2026-11-30T02:00:00Z');
    const governance = await createGovernance({ store, clock, actor: OFFICE });
    await executeAll(governance, stairwellCommands({ households: 2, residents: true, since: '2020-01-01' }));
    const auth = SqliteAuthStore.open(':memory:', 'nfk');
    const { token } = await auth.addOrganizer('王主任', OFFICE);
    const second = await auth.addOrganizer('李阿姨', 'building-head');
    await auth.revokeOrganizer(second.organizer.id);
    const session = await auth.redeem(await auth.issueInviteCode('u101'));
    const hosted: HostedCommunity = { id: 'nfk', store, governance, auth, origins: [] };
    closers.push(async () => {
      governance.dispose();
      await auth.close();
    });
    const app = createApp(new Map([['nfk', hosted]]), { clock, organizerActor: OFFICE });
    const as = (t: string) => app.request('/c/nfk/organizers', { headers: { authorization: `Bearer ${t}` } });
    const answer = await as(token);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { organizers: { id: string; name: string; active: boolean }[] };
    expect(body.organizers.map((o) => [o.id, o.name, o.active])).toEqual([
      ['org-1', '王主任', true],
      ['org-2', '李阿姨', false],
    ]);
    expect((await as(session?.token ?? '')).status).toBe(403);
  });
});
