import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LinliError } from '@linli/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ForwardingProxy, forwardingProxy } from '../testing/forwarding-proxy.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

const PUBLIC = 'https://linli.example';
let dir: string;
const running: { stop(): Promise<void> }[] = [];
const proxies: ForwardingProxy[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-proxy-'));
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await Promise.all(running.map((r) => r.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/** What the page at https://linli.example sends through the proxy. */
const fromPage = (proxy: ForwardingProxy, path: string, body: unknown, token?: string) =>
  fetch(`${proxy.base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: PUBLIC,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

const vote = { command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'yes' } };

async function serverBehindProxy(name: string, env: Record<string, string>, host: 'public' | 'upstream') {
  const server: RunningServer = await startServer(join(dir, name), env);
  running.push(server);
  const proxy = await forwardingProxy(server.base, 'linli.example', host);
  proxies.push(proxy);
  return { server, proxy };
}

describe('linli-server behind a TLS-terminating proxy', () => {
  it('signs in and takes a vote from https://linli.example when LINLI_PUBLIC_URL names it', async () => {
    const { server, proxy } = await serverBehindProxy(
      'configured',
      { LINLI_PUBLIC_URL: PUBLIC, TRUST_PROXY: '1' },
      'public',
    );
    const signIn = await fromPage(proxy, '/c/xfkl/sessions', { code: server.codes.u102 });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('x-request-id')).toBeTruthy();
    const { token } = (await signIn.json()) as { token: string };
    const before = (await server.log()).length;
    const ballot = await fromPage(proxy, '/c/xfkl/commands', vote, token);
    expect(ballot.status).toBe(200);
    expect((await server.log()).length).toBeGreaterThan(before);
  });

  it('refuses them, appending nothing, when the public URL is not configured', async () => {
    const { server, proxy } = await serverBehindProxy('unconfigured', { TRUST_PROXY: '1' }, 'public');
    const before = (await server.log()).length;
    // Caddy passes the public Host on: a name this server was not given.
    const signIn = await fromPage(proxy, '/c/xfkl/sessions', { code: server.codes.u102 });
    expect(signIn.status).toBe(421);
    expect(((await signIn.json()) as { error: LinliError }).error.code).toBe('http.host');
    // nginx by default sends the upstream's address as Host: then the https:// Origin is refused.
    const upstream = await forwardingProxy(server.base, 'linli.example', 'upstream');
    proxies.push(upstream);
    const again = await fromPage(upstream, '/c/xfkl/sessions', { code: server.codes.u102 });
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: LinliError }).error.code).toBe('http.origin');
    const ballot = await fromPage(upstream, '/c/xfkl/commands', vote, server.organizer);
    expect(ballot.status).toBe(403);
    expect(await server.log()).toHaveLength(before);
  });

  it('refuses a LINLI_PUBLIC_URL that is not an origin with one line and exit code 2', async () => {
    const refusal = await startServer(join(dir, 'wrong'), { LINLI_PUBLIC_URL: 'linli.example' }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(refusal).toBe(
      'server exited (2): linli: LINLI_PUBLIC_URL: "linli.example" is not a URL such as https://linli.example\n',
    );
  });
});
