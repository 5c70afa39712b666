import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listenOrigins } from './origins.js';

describe('the origins of a listen address', () => {
  it('are the address itself, and localhost for a loopback one', () => {
    expect(listenOrigins('127.0.0.1', 8787)).toEqual(['http://127.0.0.1:8787', 'http://localhost:8787']);
    expect(listenOrigins('::1', 80)).toEqual(['http://[::1]:80', 'http://localhost:80']);
    expect(listenOrigins('192.168.1.20', 8787)).toEqual(['http://192.168.1.20:8787']);
  });

  it("are every interface address of this machine for 0.0.0.0, never a request's own Host", () => {
    const origins = listenOrigins('0.0.0.0', 8787);
    const ipv4 = Object.values(networkInterfaces())
      .flatMap((a) => a ?? [])
      .filter((a) => a.family === 'IPv4');
    for (const a of ipv4) expect(origins).toContain(`http://${a.address}:8787`);
    expect(origins).toContain('http://localhost:8787');
    expect(origins.every((o) => /^http:\/\/[\w.[\]:]+:8787$/.test(o))).toBe(true);
  });
});
