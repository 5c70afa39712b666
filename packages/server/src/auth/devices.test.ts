import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import type { AuthStore } from './auth-store.js';
import { PostgresAuthStore } from './postgres-auth-store.js';
import { SqliteAuthStore } from './sqlite-auth-store.js';

let cluster: { url: string; stop: () => void } | undefined;
afterAll(() => cluster?.stop());

const backends: { name: string; open: () => Promise<AuthStore> }[] = [
  { name: 'SQLite', open: async () => SqliteAuthStore.open(':memory:', 'xfkl') },
  {
    name: 'PostgreSQL',
    open: async () => {
      cluster ??= await startPostgres();
      const url = await createDatabase(cluster.url, `linli_devices_${Date.now()}`);
      return PostgresAuthStore.open(url, 'xfkl');
    },
  },
];

for (const backend of backends)
  describe(`a household's devices on ${backend.name}`, () => {
    let auth: AuthStore;
    beforeAll(async () => {
      auth = await backend.open();
    });
    afterAll(() => auth.close());

    it('adds a second phone with a one-time code, lists both, and warns before the last one signs out', async () => {
      const first = await auth.redeem(await auth.issueInviteCode('u101'));
      if (!first) throw new Error('the printed code did not sign in');
      const pairing = await auth.issuePairingCode(first.token);
      if (!pairing) throw new Error('no code for a signed-in device');
      expect(pairing.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      expect(Date.parse(pairing.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
      const second = await auth.redeem(pairing.code);
      expect(second?.unitId).toBe('u101');
      // Single use: the same code again signs nobody in.
      expect(await auth.redeem(pairing.code)).toBeNull();
      const listed = await auth.devices(first.token);
      expect(listed?.map((d) => [d.id, d.addedBy, d.current])).toEqual([
        [first.deviceId, 'invite', true],
        [second?.deviceId, 'pairing', false],
      ]);
      expect(listed?.every((d) => d.addedAt !== null && !Number.isNaN(Date.parse(d.addedAt)))).toBe(true);
      // Two devices: either signs out without a warning; the one left is then the last.
      expect(await auth.signOut(first.token, false)).toBe('ended');
      expect(await auth.principal(first.token)).toBeNull();
      if (!second) throw new Error('unreachable');
      expect(await auth.signOut(second.token, false)).toBe('last-device');
      expect(await auth.principal(second.token)).toEqual({ kind: 'household', unitId: 'u101' });
      expect(await auth.signOut(second.token, true)).toBe('ended');
      expect(await auth.signOut(second.token, true)).toBe('not-signed-in');
    });

    it('lets a code to add a device expire, keeps the printed invite, and ends another device by id', async () => {
      const invite = await auth.issueInviteCode('u102');
      const other = await auth.redeem(await auth.issueInviteCode('u103'));
      const reprint = await auth.issueInviteCode('u102');
      expect(await auth.redeem(invite)).toBeNull();
      const phone = await auth.redeem(reprint);
      if (!phone || !other) throw new Error('the printed code did not sign in');
      const expired = await auth.issuePairingCode(phone.token, -1);
      expect(expired && (await auth.redeem(expired.code))).toBeNull();
      // A newer code replaces an older unused one.
      const older = await auth.issuePairingCode(phone.token);
      const newer = await auth.issuePairingCode(phone.token);
      expect(older && (await auth.redeem(older.code))).toBeNull();
      const tablet = newer && (await auth.redeem(newer.code));
      if (!tablet) throw new Error('the newer code did not sign in');
      // Another household's device, or the asking device itself, is not "another device" here.
      expect(await auth.endDevice(phone.token, other.deviceId)).toBe(false);
      expect(await auth.endDevice(phone.token, phone.deviceId)).toBe(false);
      expect(await auth.endDevice(phone.token, tablet.deviceId)).toBe(true);
      expect(await auth.principal(tablet.token)).toBeNull();
      expect((await auth.devices(phone.token))?.map((d) => d.id)).toEqual([phone.deviceId]);
      expect(await auth.issuePairingCode('not-a-token')).toBeNull();
      expect(await auth.devices('not-a-token')).toBeNull();
    });
  });
