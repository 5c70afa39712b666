import { appendPlannedConformance, storeConformance } from '@linli/core/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { PostgresStore } from './postgres-store.js';

let cluster: { url: string; stop: () => void };
const opened: PostgresStore[] = [];
let n = 0;

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  cluster?.stop();
});

/** A fresh database, and a way to open stores of one community on it (each as another process would). */
async function storesOnFreshDatabase(): Promise<() => Promise<PostgresStore>> {
  const url = await createDatabase(cluster.url, `t${n++}`);
  return async () => {
    const store = await PostgresStore.open(url, 'xfkl');
    opened.push(store);
    return store;
  };
}

describe('PostgresStore (a real PostgreSQL server on a loopback port)', () => {
  storeConformance(storesOnFreshDatabase);
  appendPlannedConformance(storesOnFreshDatabase);
});
