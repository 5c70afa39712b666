import { spawn } from 'node:child_process';
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

  it('is created once when several processes start at the same moment on a folder without one', async () => {
    const file = join(dir, 'raced.pem');
    const module = new URL('../../dist/checkpoint/signing-key.js', import.meta.url).href;
    // Each process waits for the same instant, then loads the key and prints its public half.
    const start = Date.now() + 1_500;
    const script = `const { loadSigningKey } = await import(${JSON.stringify(module)});
      while (Date.now() < ${start});
      process.stdout.write(loadSigningKey(${JSON.stringify(file)}).publicKey);`;
    const run = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.stderr.on('data', (d) => {
          err += d;
        });
        child.on('close', (code) => resolve({ code, out, err }));
      });
    const results = await Promise.all(Array.from({ length: 12 }, run));
    expect(results.map((r) => r.err)).toEqual(results.map(() => ''));
    expect(new Set(results.map((r) => r.out)).size).toBe(1);
    expect(results[0]?.out).toBe(loadSigningKey(file).publicKey);
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
