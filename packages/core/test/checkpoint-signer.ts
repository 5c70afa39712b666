import { generateKeyPairSync, sign } from 'node:crypto';
import { checkpointMessage, type SignedCheckpoint } from '../src/log/checkpoint.js';
import type { LogHead } from '../src/log/event.js';

/** A server's signing key, for tests: its public key (hex) and a signer of checkpoints. */
export function testSigner(): {
  publicKey: string;
  sign(head: LogHead, community?: string): SignedCheckpoint;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  return {
    publicKey: raw,
    sign: (head, community = 'xfkl') => {
      const fields = { community, seq: head.seq, hash: head.hash };
      const signature = sign(null, checkpointMessage(fields), privateKey).toString('hex');
      return { ...fields, publicKey: raw, signature };
    },
  };
}
