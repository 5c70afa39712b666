import { afterAll, beforeAll } from 'vitest';
import { PostgresDatabase } from '../stores/postgres-database.js';
import { startPostgres } from '../testing/postgres-cluster.js';
import { blobStoreConformance } from './blob-store.test-support.js';
import { PostgresBlobStore } from './postgres-blob-store.js';

let cluster: { url: string; stop: () => void };
let database: PostgresDatabase;
let n = 0;

beforeAll(async () => {
  cluster = await startPostgres();
  database = PostgresDatabase.open(cluster.url);
});
afterAll(async () => {
  await database?.close();
  cluster?.stop();
});

blobStoreConformance(
  'PostgresBlobStore',
  async (community) => PostgresBlobStore.on(database, community),
  () => `c${n++}`,
);
