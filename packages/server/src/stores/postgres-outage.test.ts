import { createGovernance, type Governance, type LinliError, verify } from '@linli/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.js';
import { PostgresAuthStore } from '../auth/postgres-auth-store.js';
import type { HostedCommunity } from '../http/env.js';
import { createDatabase, startPostgres, type TestCluster } from '../testing/postgres-cluster.js';
import { PostgresDatabase } from './postgres-database.js';
import { PostgresStore } from './postgres-store.js';

/**
 * Two server "processes" on one PostgreSQL (each with its own database object: pool and LISTEN
 * connection), each serving community `xfkl` over HTTP with group commit on, as `linli-server` does.
 */
interface TestProcess {
  readonly database: PostgresDatabase;
  readonly store: PostgresStore;
  readonly governance: Governance;
  readonly app: ReturnType<typeof createApp>;
  readonly close: () => Promise<void>;
}

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster?.stop());

async function openProcess(url: string): Promise<TestProcess> {
  // Short timeouts and backoff, so a test does not wait out production's 5 s.
  const database = PostgresDatabase.open(url, {
    poolSize: 4,
    connectTimeoutMs: 1_000,
    backoff: { baseMs: 50, capMs: 400 },
  });
  const store = await PostgresStore.on(database, 'xfkl');
  const auth = await PostgresAuthStore.on(database, 'xfkl');
  const governance = await createGovernance({ store, groupCommit: true, actor: 'residents-committee' });
  const hosted: HostedCommunity = {
    id: 'xfkl',
    store,
    governance,
    auth,
    origins: [],
    stale: () => !store.reachable,
  };
  const app = createApp(new Map([['xfkl', hosted]]));
  return {
    database,
    store,
    governance,
    app,
    close: async () => {
      governance.dispose();
      await store.close();
      await database.close();
    },
  };
}

/** Two processes on a fresh database with a founded community, and an organizer's token. */
async function twoProcesses(name: string) {
  const url = await createDatabase(cluster.url, name);
  const a = await openProcess(url);
  const founded = await a.governance.execute({ type: 'community.found', name: '新福康里' });
  expect(founded.ok).toBe(true);
  const b = await openProcess(url);
  const auth = await PostgresAuthStore.open(url, 'xfkl');
  const organizer = await auth.issueOrganizerToken();
  await auth.close();
  return { url, a, b, organizer };
}

const addBuilding = (p: TestProcess, organizer: string, n: number) =>
  p.app.request('/c/xfkl/commands', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${organizer}`,
      'content-type': 'application/json',
      'idempotency-key': `b${n}`,
    },
    body: JSON.stringify({ command: { type: 'building.add', id: `b${n}`, name: `${n}号楼` } }),
  });

/** The building ids in the log, read with a connection of the test's own. */
async function buildingsInLog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "SELECT payload->>'buildingId' AS id FROM linli_events WHERE community = 'xfkl' AND type = 'building.added' ORDER BY seq",
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL going away (a real server, restarted and stopped under the processes)', () => {
  it('survives a restart mid-burst: typed 503s meanwhile, then both serve again, nothing acknowledged lost', async () => {
    const { url, a, b, organizer } = await twoProcesses('restart_burst');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const statuses: number[] = [];
      const codes = new Set<string>();
      const acknowledged = new Set<string>();
      // A client that resends a 503 (and a lost race's 409) with the same idempotency key, as the
      // widgets' outbox does; the key makes a resend of a command that did land answer its events.
      const send = async (n: number) => {
        for (let tries = 0; tries < 200; tries++) {
          const response = await addBuilding(n % 2 === 0 ? a : b, organizer, n);
          statuses.push(response.status);
          if (response.status === 200) {
            acknowledged.add(`b${n}`);
            return;
          }
          const { error } = (await response.json()) as { error: LinliError };
          codes.add(error.code);
          if (response.status !== 503 && response.status !== 409) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      const burst = Array.from({ length: 80 }, (_, n) => n);
      const sending = Promise.all(
        burst.map(async (n) => {
          await new Promise((resolve) => setTimeout(resolve, n * 5));
          await send(n);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await cluster.restart();
      await sending;
      // Only successes, the typed 503 and lost races: never a 500, a reset or another refusal. (A
      // lost race ends once the governance re-decides under the log's lock, `appendPlanned`.)
      expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 409)).toEqual([]);
      expect([...codes].filter((c) => c !== 'log.unavailable' && c !== 'log.conflict')).toEqual([]);
      expect(acknowledged.size).toBe(burst.length);
      // Nothing acknowledged is lost or doubled, and the log verifies.
      const inLog = await buildingsInLog(url);
      expect([...inLog].sort()).toEqual([...acknowledged].sort());
      const events = await a.store.read();
      expect(verify(events).ok).toBe(true);
      // Both processes caught up by themselves (their subscriptions delivered what the other wrote).
      const head = events.at(-1);
      await vi.waitFor(
        () => {
          expect(a.governance.head.value).toEqual({ seq: head?.seq, hash: head?.hash });
          expect(b.governance.head.value).toEqual({ seq: head?.seq, hash: head?.hash });
        },
        { timeout: 10_000 },
      );
      // And serve again without a restart of their own.
      expect((await addBuilding(a, organizer, 1000)).status).toBe(200);
      expect((await addBuilding(b, organizer, 1001)).status).toBe(200);
    } finally {
      errors.mockRestore();
      await a.close();
      await b.close();
    }
  });

  it('while the database is away: commands answer 503 log.unavailable, views are served stale, /readyz is 503', async () => {
    const { a, b, organizer } = await twoProcesses('away');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect((await addBuilding(a, organizer, 1)).status).toBe(200);
      const fresh = await a.app.request('/c/xfkl/view');
      expect(fresh.headers.get('linli-stale')).toBeNull();
      expect(((await fresh.json()) as { stale?: boolean }).stale).toBeUndefined();
      await cluster.down();
      try {
        await vi.waitFor(() => expect(a.store.reachable).toBe(false), { timeout: 5_000 });
        const refused = await addBuilding(a, organizer, 2);
        expect(refused.status).toBe(503);
        expect(((await refused.json()) as { error: LinliError }).error.code).toBe('log.unavailable');
        const stale = await a.app.request('/c/xfkl/view');
        expect(stale.status).toBe(200);
        expect(stale.headers.get('linli-stale')).toBe('1');
        const view = (await stale.json()) as { stale?: boolean; head: { seq: number } };
        expect(view.stale).toBe(true);
        expect(view.head.seq).toBe(a.governance.head.value.seq);
        const ready = await a.app.request('/readyz');
        expect(ready.status).toBe(503);
        expect(((await ready.json()) as { error: LinliError }).error.code).toBe('server.not_ready');
        expect((await a.app.request('/healthz')).status).toBe(200);
      } finally {
        await cluster.up();
      }
      await vi.waitFor(() => expect(a.store.reachable && b.store.reachable).toBe(true), { timeout: 10_000 });
      expect((await a.app.request('/readyz')).status).toBe(200);
      expect((await addBuilding(b, organizer, 3)).status).toBe(200);
      await vi.waitFor(() => expect(a.governance.head.value).toEqual(b.governance.head.value), {
        timeout: 5_000,
      });
      const again = await a.app.request('/c/xfkl/view');
      expect(again.headers.get('linli-stale')).toBeNull();
    } finally {
      errors.mockRestore();
      await a.close();
      await b.close();
    }
  });

  it('reconnects a killed LISTEN backend and delivers what was appended meanwhile', async () => {
    const { url, a, b, organizer } = await twoProcesses('killed_listener');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await vi.waitFor(() => expect(b.database.listenerPid).toBeDefined());
      const killed = b.database.listenerPid;
      await admin.query('SELECT pg_terminate_backend($1)', [killed]);
      // Appended at once, while b is (probably) still without LISTEN: its notifications are lost to b.
      for (let n = 0; n < 10; n++) expect((await addBuilding(a, organizer, n)).status).toBe(200);
      await vi.waitFor(
        () => {
          expect(b.database.listenerPid).toBeDefined();
          expect(b.database.listenerPid).not.toBe(killed);
          expect(b.governance.head.value).toEqual(a.governance.head.value);
        },
        { timeout: 10_000 },
      );
      expect(b.governance.head.value.seq).toBe(11);
    } finally {
      errors.mockRestore();
      await admin.end();
      await a.close();
      await b.close();
    }
  });
});
