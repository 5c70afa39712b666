import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCheckpoint } from '@linli/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSigningKey, signCheckpoint } from './signing-key.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const head = { seq: 7, hash: 'ab'.repeat(32) };

describe('the signing key', () => {
  it('is created once, readable by the server alone, and the same on every later start', async () => {
    const file = join(dir, 'signing-key.pem');
    const first = loadSigningKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSigningKey(file).publicKey).toBe(first.publicKey);
    expect(await verifyCheckpoint(signCheckpoint(first, 'xfkl', head), { publicKey: first.publicKey })).toBe(
      true,
    );
  });

  it('refuses a key file others may read', () => {
    const file = join(dir, 'open.pem');
    loadSigningKey(file);
    chmodSync(file, 0o644);
    expect(() => loadSigningKey(file)).toThrow(/chmod 600/);
  });

  it('may be given as PEM, or base64 of the seed or of PKCS#8 DER, and must be Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const keys = [pem, der.toString('base64'), seed.toString('base64')].map(
      (text) => loadSigningKey(join(dir, 'unused.pem'), text).publicKey,
    );
    expect(new Set(keys).size).toBe(1);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => loadSigningKey('', rsa.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      /Ed25519/,
    );
  });
});
