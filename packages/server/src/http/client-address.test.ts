import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createGovernance, MemoryStore } from '@linli/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import { clientAddress, parseProxyHops } from './client-address.js';

describe('the client address behind trusted proxies', () => {
  it('is the right-most address no trusted proxy wrote, as Express counts hops', () => {
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.1', '203.0.113.7', 3)).toBe('203.0.113.7'); // fewer entries than hops
    expect(clientAddress('10.0.0.1', '203.0.113.7', 0)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', ' , ', 1)).toBe('10.0.0.1');
  });

  it('cannot be chosen by what the client writes to the left of the trusted hops (property)', () => {
    const address = fc.ipV4();
    fc.assert(
      fc.property(fc.array(address), fc.array(address, { minLength: 1, maxLength: 4 }), (forged, proxied) => {
        const hops = proxied.length;
        const header = [...forged, ...proxied].join(', ');
        expect(clientAddress('10.0.0.1', header, hops)).toBe(proxied[0]);
      }),
    );
  });

  it('reads TRUST_PROXY as a hop count and refuses anything else', () => {
    expect(parseProxyHops(undefined)).toBe(0);
    expect(parseProxyHops('')).toBe(0);
    expect(parseProxyHops('1')).toBe(1);
    expect(parseProxyHops(' 2 ')).toBe(2);
    for (const bad of ['true', 'yes', '-1', '1.5', '99', '0x1']) expect(parseProxyHops(bad)).toBeUndefined();
  });

  it('keeps the sign-in limit when the client writes a new left-most X-Forwarded-For on every guess', async () => {
    const store = new MemoryStore();
    const governance = await createGovernance({ store });
    const auth = SqliteAuthStore.open(':memory:', 'xfkl');
    const app = createApp(new Map([['xfkl', { id: 'xfkl', store, governance, auth, origins: [] }]]), {
      trustProxy: 1,
      codeAttemptsPerMinute: 10,
      // Every guess below shares one code prefix: only the address limit is under test.
      codeAttemptsPerHouseholdPerMinute: 1000,
    });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const response = await fetch(`${base}/c/xfkl/sessions`, {
        method: 'POST',
        // The client forges the left entry; the one proxy appends the address it really saw.
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        body: JSON.stringify({ code: `WRONG-${String(i).padStart(5, '2')}` }),
      });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    await new Promise((resolve) => server.close(resolve));
    governance.dispose();
    await auth.close();
  });
});
