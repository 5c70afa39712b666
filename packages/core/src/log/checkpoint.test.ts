import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointMessage, type SignedCheckpoint, verifyCheckpoint } from './checkpoint.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const rawPublicKey = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');

const signed = (head: { community: string; seq: number; hash: string }): SignedCheckpoint => ({
  ...head,
  publicKey: rawPublicKey,
  signature: sign(null, checkpointMessage(head), privateKey).toString('hex'),
});

describe('verifyCheckpoint', () => {
  const checkpoint = signed({ community: 'xfkl', seq: 42, hash: 'ab'.repeat(32) });

  it('accepts a head signed by the key, with WebCrypto’s Ed25519', async () => {
    expect(await verifyCheckpoint(checkpoint)).toBe(true);
    expect(await verifyCheckpoint(checkpoint, { publicKey: rawPublicKey, community: 'xfkl' })).toBe(true);
  });

  it('refuses any change, another key, another community, and junk', async () => {
    const other = Buffer.from(
      generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '',
      'base64url',
    ).toString('hex');
    for (const forged of [
      { ...checkpoint, seq: 41 },
      { ...checkpoint, hash: 'cd'.repeat(32) },
      { ...checkpoint, community: 'other' },
      { ...checkpoint, publicKey: other },
      { ...checkpoint, signature: `00${checkpoint.signature.slice(2)}` },
      { ...checkpoint, seq: -1 },
      null,
      'checkpoint',
      {},
    ])
      expect(await verifyCheckpoint(forged)).toBe(false);
    expect(await verifyCheckpoint(checkpoint, { publicKey: other })).toBe(false);
    expect(await verifyCheckpoint(checkpoint, { community: 'other' })).toBe(false);
  });
});
