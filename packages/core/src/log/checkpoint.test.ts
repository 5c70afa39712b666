import { describe, expect, it } from 'vitest';
import { testSigner } from '../../test/checkpoint-signer.js';
import { verifyCheckpoint } from './checkpoint.js';

const server = testSigner();

describe('verifyCheckpoint', () => {
  const checkpoint = server.sign({ seq: 42, hash: 'ab'.repeat(32) });

  it('accepts a head signed by the key, with WebCrypto’s Ed25519', async () => {
    expect(await verifyCheckpoint(checkpoint)).toBe(true);
    expect(await verifyCheckpoint(checkpoint, { publicKey: server.publicKey, community: 'xfkl' })).toBe(true);
  });

  it('refuses any change, another key, another community, and junk', async () => {
    const other = testSigner().publicKey;
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
