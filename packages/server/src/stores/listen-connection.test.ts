import { createServer, type Socket, connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startPostgres, type TestCluster } from '../testing/postgres-cluster.js';
import { ListenConnection } from './listen-connection.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster?.stop());

/**
 * A TCP proxy to the cluster that can go silent: while frozen it forwards nothing and closes nothing,
 * as a cut network or a vanished database host looks to a client (no RST, no FIN).
 */
async function freezableProxy(port: number) {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server = createServer((incoming) => {
    const onward = tcpConnect(port, '127.0.0.1');
    for (const s of [incoming, onward]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    incoming.on('data', (chunk) => frozen || onward.write(chunk));
    onward.on('data', (chunk) => frozen || incoming.write(chunk));
    incoming.on('close', () => onward.destroy());
    onward.on('close', () => incoming.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    freeze: (on: boolean) => {
      frozen = on;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

it('notices a connection that went silent by its heartbeat, and listens again once it answers', async () => {
  const port = Number(new URL(cluster.url).port);
  const proxy = await freezableProxy(port);
  const events: string[] = [];
  const listener = new ListenConnection(
    { connectionString: cluster.url.replace(`:${port}/`, `:${proxy.port}/`) },
    'linli_events',
    {
      notified: () => events.push('notified'),
      listening: () => events.push('listening'),
      lost: () => events.push('lost'),
    },
    { heartbeatMs: 200, backoff: { baseMs: 50, capMs: 200 } },
  );
  try {
    await listener.start();
    expect(events).toEqual(['listening']);
    proxy.freeze(true);
    await vi.waitFor(() => expect(events).toContain('lost'), { timeout: 3_000 });
    expect(listener.connected).toBe(false);
    proxy.freeze(false);
    await vi.waitFor(() => expect(events.filter((e) => e === 'listening')).toHaveLength(2), {
      timeout: 5_000,
    });
    expect(listener.connected).toBe(true);
  } finally {
    await listener.close();
    proxy.close();
  }
});
