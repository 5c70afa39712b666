import { hexToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.js';
import type { LogHead } from './event.js';

/**
 * A head a server vouches for: its Ed25519 signature over the community, seq and hash. The key lives
 * outside the database, so whoever can rewrite the database cannot sign a rewritten log; whoever
 * keeps the newest checkpoint they saw can tell a log that was rewritten or rolled back behind it.
 */
export interface SignedCheckpoint extends LogHead {
  /** The community whose log this is. */
  readonly community: string;
  /** The signer's Ed25519 public key: 32 bytes as 64 lowercase hex digits. */
  readonly publicKey: string;
  /** Ed25519 over {@link checkpointMessage}: 64 bytes as 128 lowercase hex digits. */
  readonly signature: string;
}

/** What a checkpoint signs: canonical JSON of its community, head and purpose, so no other message can pass for it. */
export function checkpointMessage(
  checkpoint: Pick<SignedCheckpoint, 'community' | 'seq' | 'hash'>,
): Uint8Array<ArrayBuffer> {
  const { community, seq, hash } = checkpoint;
  return new TextEncoder().encode(canonicalJson({ purpose: 'linli-checkpoint/1', community, seq, hash }));
}

const HEX = (digits: number) => new RegExp(`^[0-9a-f]{${digits}}$`);
const HASH = HEX(64);
const KEY = HEX(64);
const SIGNATURE = HEX(128);

/** Whether `value` has the shape of a {@link SignedCheckpoint} (the signature is not checked). */
export function isCheckpoint(value: unknown): value is SignedCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.community === 'string' &&
    Number.isSafeInteger(c.seq) &&
    (c.seq as number) >= 0 &&
    typeof c.hash === 'string' &&
    HASH.test(c.hash) &&
    typeof c.publicKey === 'string' &&
    KEY.test(c.publicKey) &&
    typeof c.signature === 'string' &&
    SIGNATURE.test(c.signature)
  );
}

/** Options of {@link verifyCheckpoint}. */
export interface VerifyCheckpointOptions {
  /** The key the checkpoint must be signed with (64 hex digits); without it, any key's own signature passes. */
  readonly publicKey?: string;
  /** The community it must be about. */
  readonly community?: string;
  /** WebCrypto; defaults to `globalThis.crypto.subtle` (Node 20, current browsers). */
  readonly subtle?: SubtleCrypto;
}

/**
 * Checks a checkpoint in any browser or on Node with WebCrypto's Ed25519: well formed, signed by
 * `publicKey` (if given) and about `community` (if given). Answers false for anything else, including
 * a platform without Ed25519, so a caller fails closed.
 */
export async function verifyCheckpoint(
  checkpoint: unknown,
  options: VerifyCheckpointOptions = {},
): Promise<boolean> {
  if (!isCheckpoint(checkpoint)) return false;
  if (options.publicKey !== undefined && options.publicKey !== checkpoint.publicKey) return false;
  if (options.community !== undefined && options.community !== checkpoint.community) return false;
  const subtle = options.subtle ?? globalThis.crypto?.subtle;
  try {
    const key = await subtle.importKey('raw', hexToBytes(checkpoint.publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    return await subtle.verify(
      'Ed25519',
      key,
      hexToBytes(checkpoint.signature),
      checkpointMessage(checkpoint),
    );
  } catch {
    return false;
  }
}
