import { createServer, request, type Server } from 'node:http';

/** A reverse proxy on 127.0.0.1 standing in for Caddy or nginx terminating TLS for a public name. */
export interface ForwardingProxy {
  /** `http://127.0.0.1:<port>`: where the test's "browser" connects. */
  readonly base: string;
  close(): Promise<void>;
}

/**
 * Forwards every request to `upstream` the way a TLS-terminating proxy does: it appends the client's
 * address to `X-Forwarded-For`, sets `X-Forwarded-Proto: https` and `X-Forwarded-Host: <publicHost>`,
 * and sends `Host` as the public name (Caddy's default, nginx's `proxy_set_header Host $host`) or,
 * with `host: 'upstream'`, as the upstream address (nginx's default).
 */
export function forwardingProxy(
  upstream: string,
  publicHost: string,
  host: 'public' | 'upstream' = 'public',
): Promise<ForwardingProxy> {
  const target = new URL(upstream);
  const server: Server = createServer((incoming, outgoing) => {
    const forwardedFor = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress]
      .filter((part) => part !== undefined)
      .join(', ');
    const onward = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: {
          ...incoming.headers,
          host: host === 'public' ? publicHost : target.host,
          'x-forwarded-for': forwardedFor,
          'x-forwarded-proto': 'https',
          'x-forwarded-host': publicHost,
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    onward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(onward);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        base: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
