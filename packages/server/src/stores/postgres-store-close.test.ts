import type { EventEmitter } from 'node:events';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { PostgresStore } from './postgres-store.js';

let cluster: { url: string; stop: () => void };

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(() => cluster?.stop());

it('ignores a notification that arrives while it closes, instead of reading from an ended pool', async () => {
  const url = await createDatabase(cluster.url, 'closing');
  const store = await PostgresStore.open(url, 'xfkl');
  const heard = vi.fn();
  store.subscribe(heard);
  // The LISTEN client of the database the store opened for itself.
  const listenerOf = () =>
    (store as unknown as { database: { listener: { client?: EventEmitter } } }).database.listener.client;
  await vi.waitFor(() => expect(listenerOf()).toBeDefined());
  const client = listenerOf() as EventEmitter;
  await store.close();
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    // Another process appended just before the close; its NOTIFY is delivered after it.
    client.emit('notification', {
      channel: 'linli_events',
      payload: JSON.stringify({ community: 'xfkl', seq: 1 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unhandled).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
});

it('closes cleanly while its first subscriber is still starting to listen', async () => {
  const url = await createDatabase(cluster.url, 'closing_early');
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    for (let i = 0; i < 5; i++) {
      const store = await PostgresStore.open(url, 'xfkl');
      store.subscribe(() => undefined); // an administrative command's governance, disposed at once
      await store.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
});
