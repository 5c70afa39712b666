import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresDatabase } from '../stores/postgres-database.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { waitFor } from '../testing/wait-for.js';
import type { AuthStore } from './auth-store.js';
import { PostgresAuthStore } from './postgres-auth-store.js';
import { hashToken } from './secrets.js';

let cluster: Awaited<ReturnType<typeof startPostgres>>;
let url: string;
const databases: PostgresDatabase[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  url = await createDatabase(cluster.url, 'linli_sessions');
}, 60_000);

afterAll(async () => {
  await Promise.all(databases.map((d) => d.close()));
  cluster?.stop();
});

interface ServerProcess {
  readonly database: PostgresDatabase;
  readonly auth: AuthStore;
  /** How many statements this process's pool has run. */
  readonly statements: () => number;
}

/**
 * One simulated server process on the database: its own pool and LISTEN connection, and
 * `community`'s sign-in store on them; resolves once LISTEN is in place. A slow reconnect keeps a
 * lost LISTEN away long enough to act meanwhile.
 */
async function serverProcess(community: string, reconnectMs = 100): Promise<ServerProcess> {
  const database = PostgresDatabase.open(url, {
    poolSize: 3,
    backoff: { baseMs: reconnectMs, capMs: reconnectMs },
  });
  databases.push(database);
  const auth = await PostgresAuthStore.on(database, community);
  const query = vi.spyOn(database.pool, 'query');
  database.sessionCache();
  await waitFor(async () => database.reachable, 'LISTEN in place', 10_000, 10);
  return { database, auth, statements: () => query.mock.calls.length };
}

/** Waits until `process` has heard that `community`'s sessions ended (its cache forgot `token`). */
const heardEnd = (process: ServerProcess, community: string, token: string) =>
  waitFor(
    async () => process.database.sessionCache().get(community, hashToken(token)) === undefined,
    'the sessions-ended notification',
    5_000,
    5,
  );

/** Signs in a household of `community` on `process` with a fresh invite code. */
async function signIn(process: ServerProcess, unit: string): Promise<string> {
  const session = await process.auth.redeem(await process.auth.issueInviteCode(unit));
  if (!session) throw new Error('the invite code was not redeemed');
  return session.token;
}

describe('verified sessions cached in each process', () => {
  it("answer a household's later requests without a database round trip", async () => {
    const [one, two] = [await serverProcess('cached'), await serverProcess('cached')];
    const token = await signIn(one, 'u1');
    expect(await two.auth.principal(token)).toEqual({ kind: 'household', unitId: 'u1' });
    const before = two.statements();
    expect(await two.auth.principal(token)).toEqual({ kind: 'household', unitId: 'u1' });
    expect(two.statements()).toBe(before);
    // A token nobody issued is looked up every time (refusals are not cached).
    expect(await two.auth.principal('no-such-token')).toBeNull();
    expect(await two.auth.principal('no-such-token')).toBeNull();
    expect(two.statements()).toBe(before + 2);
  });

  const endings: {
    what: string;
    start: (p: ServerProcess) => Promise<{ token: string; end: () => Promise<unknown> }>;
  }[] = [
    {
      what: "ending a household's sessions (a lost phone)",
      start: async (p) => ({ token: await signIn(p, 'u2'), end: () => p.auth.revokeHousehold('u2') }),
    },
    {
      what: 'signing out',
      start: async (p) => {
        const token = await signIn(p, 'u3');
        return { token, end: () => p.auth.revoke(token) };
      },
    },
    {
      what: 'revoking an organizer',
      start: async (p) => {
        const { organizer, token } = await p.auth.addOrganizer('Wang', 'residents-committee');
        return { token, end: () => p.auth.revokeOrganizer(organizer.id) };
      },
    },
    {
      what: "reissuing an organizer's token",
      start: async (p) => {
        const { organizer, token } = await p.auth.addOrganizer('Li', 'building-head');
        return { token, end: () => p.auth.reissueOrganizerToken(organizer.id) };
      },
    },
  ];
  for (const { what, start } of endings)
    it(`are refused in every process right after ${what} in one`, async () => {
      const community = `ends${endings.findIndex((e) => e.what === what)}`;
      const [one, two] = [await serverProcess(community), await serverProcess(community)];
      const { token, end } = await start(one);
      expect(await one.auth.principal(token)).not.toBeNull();
      expect(await two.auth.principal(token)).not.toBeNull();
      await end();
      // The ending process forgot at commit; the other at the notification.
      expect(await one.auth.principal(token)).toBeNull();
      await heardEnd(two, community, token);
      expect(await two.auth.principal(token)).toBeNull();
    });

  it('are bypassed while LISTEN is lost, so an end announced meanwhile is never missed', async () => {
    const one = await serverProcess('bypass');
    const two = await serverProcess('bypass', 3_000);
    const token = await signIn(one, 'u4');
    expect(await two.auth.principal(token)).not.toBeNull();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [two.database.listenerPid]);
    await admin.end();
    await waitFor(async () => !two.database.reachable, 'LISTEN lost', 5_000, 5);
    // Still valid: looked up, and not kept (nothing could tell this process when it ends).
    expect(await two.auth.principal(token)).not.toBeNull();
    // Ended while the second process cannot hear it: it looks the token up instead of trusting memory.
    await one.auth.revokeHousehold('u4');
    expect(two.database.reachable).toBe(false);
    expect(await two.auth.principal(token)).toBeNull();
    // Back in place, the cache serves again.
    await waitFor(async () => two.database.reachable, 'LISTEN back', 10_000, 20);
    const again = await signIn(one, 'u5');
    expect(await two.auth.principal(again)).not.toBeNull();
    const before = two.statements();
    expect(await two.auth.principal(again)).not.toBeNull();
    expect(two.statements()).toBe(before);
  });
});
