import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGovernance, type Governance } from '@linli/core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DataFolder } from '../cli/data-folder.js';
import { createDatabase, startPostgres, type TestCluster } from '../testing/postgres-cluster.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster?.stop());

it('keeps a process within pool + 1 connections, however many communities it opens', async () => {
  const url = await createDatabase(cluster.url, 'budget');
  const pool = 4;
  const data = new DataFolder({
    LINLI_DATA: mkdtempSync(join(tmpdir(), 'linli-budget-')),
    DATABASE_URL: url,
    LINLI_PG_POOL: String(pool),
  });
  const counter = new pg.Client({ connectionString: url });
  await counter.connect();
  const governances: Governance[] = [];
  try {
    await data.migrate();
    const registry = await data.registry();
    const due = await data.dueWorkTable();
    const communities = Array.from({ length: 30 }, (_, i) => `c${i}`);
    for (const id of communities) {
      const store = await data.eventStore(id);
      const auth = await data.authStore(id);
      await auth.organizers();
      const governance = await createGovernance({ store, groupCommit: true, actor: 'operator' });
      governances.push(governance);
    }
    // Every community writes at once, and the registry and due work are asked meanwhile.
    const written = await Promise.all([
      ...governances.map((g) => g.execute({ type: 'community.found', name: '小区' })),
      registry.list().then(() => ({ ok: true })),
      due.rows('c0').then(() => ({ ok: true })),
    ]);
    expect(written.every((w) => w.ok)).toBe(true);
    const { rows } = await counter.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    expect(Number(rows[0]?.n)).toBeLessThanOrEqual(pool + 1);
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(2); // the LISTEN connection and at least one pooled
  } finally {
    for (const g of governances) g.dispose();
    await counter.end();
    await data.close();
  }
});
