import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostAllowed } from './host-check.js';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const port = fc.integer({ min: 1, max: 65535 });

describe('the Host allow-list', () => {
  it('admits a listed name:port exactly, in any letter case, and no other port of it', () => {
    fc.assert(
      fc.property(name, port, port, (host, listed, other) => {
        const allowed = [`${host}:${listed}`];
        expect(hostAllowed(`${host.toUpperCase()}:${listed}`, allowed)).toBe(true);
        expect(hostAllowed(`${host}:${other}`, allowed)).toBe(other === listed);
        expect(hostAllowed(host, allowed)).toBe(false);
      }),
    );
  });

  it('admits a listed bare name on any port, and never a name that merely contains it', () => {
    fc.assert(
      fc.property(name, label, port, (host, prefix, p) => {
        const allowed = [host];
        expect(hostAllowed(host, allowed)).toBe(true);
        expect(hostAllowed(`${host}:${p}`, allowed)).toBe(true);
        expect(hostAllowed(`${prefix}.${host}`, allowed)).toBe(false);
        expect(hostAllowed(`${host}.${prefix}`, allowed)).toBe(false);
        expect(hostAllowed(`${host}@evil.example`, allowed)).toBe(false);
      }),
    );
  });

  it('compares bracketed IPv6 hosts', () => {
    expect(hostAllowed('[::1]:8787', ['[::1]:8787'])).toBe(true);
    expect(hostAllowed('[::1]:9999', ['[::1]'])).toBe(true);
    expect(hostAllowed('[::2]:8787', ['[::1]:8787'])).toBe(false);
  });
});
