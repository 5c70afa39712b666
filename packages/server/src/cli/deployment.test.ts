import type { LinliError } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';
import { readDeployment } from './deployment.js';

const read = (env: Record<string, string>) => readDeployment(env, '127.0.0.1', 8787, () => {});

describe('the deployment settings of the environment', () => {
  it('adds each public URL as an origin and its name as a Host, beside the listen address', () => {
    const result = read({ LINLI_PUBLIC_URL: 'https://linli.example, https://Linli.Example:8443/' });
    if (!result.ok) throw new Error(result.message);
    expect(result.options.origins).toEqual([
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'https://linli.example',
      'https://linli.example:8443',
    ]);
    expect(result.options.allowedHosts).toEqual([
      '127.0.0.1:8787',
      'localhost:8787',
      'linli.example',
      'linli.example:8443',
    ]);
    expect(result.options.trustProxy).toBe(0);
  });

  it('takes extra Host names and the proxy hops', () => {
    const result = read({ LINLI_ALLOWED_HOSTS: 'linli.internal, 10.0.0.5:8787', TRUST_PROXY: '2' });
    if (!result.ok) throw new Error(result.message);
    expect(result.options.allowedHosts).toContain('linli.internal');
    expect(result.options.allowedHosts).toContain('10.0.0.5:8787');
    expect(result.options.trustProxy).toBe(2);
  });

  it.each([
    [{ LINLI_PUBLIC_URL: 'linli.example' }, /LINLI_PUBLIC_URL: "linli.example" is not a URL/],
    [{ LINLI_PUBLIC_URL: 'ftp://linli.example' }, /must start with https:\/\//],
    [{ LINLI_PUBLIC_URL: 'https://linli.example/app' }, /must be an origin only/],
    [
      { LINLI_ALLOWED_HOSTS: 'evil.example/path' },
      /LINLI_ALLOWED_HOSTS: "evil.example\/path" is not a host name/,
    ],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be the number/],
    [{ LINLI_REQUEST_LOG: 'verbose' }, /LINLI_REQUEST_LOG must be on or off/],
  ])('refuses %j with one line', (env, message) => {
    const result = read(env);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain('\n');
    }
  });
});

describe('a server behind a TLS proxy', () => {
  let hosted: TestCommunity;
  afterEach(async () => hosted.close());

  /** Signs in with a fresh invite code the way the page at `origin`, reached as `host`, would. */
  async function signIn(env: Record<string, string>, origin: string, host: string) {
    hosted = await testCommunity(['https://blog.example']);
    const result = read(env);
    if (!result.ok) throw new Error(result.message);
    const app = createApp(new Map([['xfkl', hosted.community]]), result.options);
    const code = await hosted.community.auth.issueInviteCode('u602');
    const response = await app.request(`http://${host}/c/xfkl/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, host },
      body: JSON.stringify({ code }),
    });
    return { response, code, app };
  }

  it('signs in from https://linli.example when LINLI_PUBLIC_URL names it', async () => {
    const { response } = await signIn(
      { LINLI_PUBLIC_URL: 'https://linli.example' },
      'https://linli.example',
      'linli.example',
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { household: string }).household).toBe('u602');
  });

  it('refuses that sign-in (403 http.origin) when only the listen address is configured', async () => {
    const { response, code } = await signIn({}, 'https://linli.example', '127.0.0.1:8787');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: LinliError }).error.code).toBe('http.origin');
    // The code was not spent: the refusal changed nothing.
    expect((await hosted.community.auth.redeem(code))?.unitId).toBe('u602');
  });

  it('refuses a Host it was not given (421 http.host): a DNS-rebinding page reads nothing', async () => {
    const { response, app } = await signIn(
      { LINLI_PUBLIC_URL: 'https://linli.example' },
      'http://rebind.example:8787',
      'rebind.example:8787',
    );
    expect(response.status).toBe(421);
    const { error } = (await response.json()) as { error: LinliError };
    expect(error.code).toBe('http.host');
    expect(error.message['zh-CN']).toBeTruthy();
    const view = await app.request('http://rebind.example:8787/c/xfkl/view', {
      headers: { host: 'rebind.example:8787' },
    });
    expect(view.status).toBe(421);
    // Health checks are answered whatever the Host: a load balancer probes by address.
    const health = await app.request('http://10.0.0.9/healthz', { headers: { host: '10.0.0.9' } });
    expect(health.status).toBe(200);
  });
});
