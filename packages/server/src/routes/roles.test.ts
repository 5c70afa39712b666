import type { RoleContact } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const PHONE = '138 0000 9696';

/** The seeded community with its building head sharing a phone number. */
async function withSharedContact() {
  opened = await testCommunity();
  const { community } = opened;
  const head = community.governance
    .roles()
    .flatMap((b) => b.roles)
    .find((r) => r.id === 'b96-head')?.holders[0];
  if (!head) throw new Error('the seed seats a building head');
  const shared = await community.governance.execute({
    type: 'role.shareContact',
    termId: head.termId,
    contact: PHONE,
  });
  if (!shared.ok) throw new Error(shared.error.code);
  return { app: createApp(new Map([['xfkl', community]])), head, ...opened };
}

describe('GET /c/:id/roles/contacts', () => {
  it('gives a signed-in household and the organizer the contacts holders consented to share', async () => {
    const { app, head, household, organizer } = await withSharedContact();
    for (const token of [household, organizer]) {
      const response = await app.request('/c/xfkl/roles/contacts', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const body = (await response.json()) as { contacts: RoleContact[] };
      expect(body.contacts).toEqual([
        { termId: head.termId, roleId: 'b96-head', buildingId: 'b96', name: head.name, contact: PHONE },
      ]);
    }
  });

  it('refuses anyone not signed in, and the public view never carries a contact', async () => {
    const { app } = await withSharedContact();
    const anonymous = await app.request('/c/xfkl/roles/contacts');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain(PHONE);
    const forged = await app.request('/c/xfkl/roles/contacts', {
      headers: { authorization: 'Bearer forged' },
    });
    expect(forged.status).toBe(401);
    const view = await app.request('/c/xfkl/view');
    const text = await view.text();
    expect(text).toContain('"roles"');
    expect(text).toContain('楼组长');
    expect(text).not.toContain(PHONE);
  });
});
