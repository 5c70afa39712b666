import { bytesToHex } from '@noble/hashes/utils.js';

/** Draws a fresh salt for a format-2 event: 32 lowercase hex digits. */
export type SaltSource = () => string;

/** Random bytes drawn 256 salts at a time: one `getRandomValues` call per salt made sealing 2.5× slower. */
const pool = new Uint8Array(16 * 256);
let drawn = pool.length;

/**
 * 128 bits from the platform's cryptographic generator (`crypto.getRandomValues`, Node 20 and
 * browsers). Each byte of the pool serves one salt only.
 */
export const randomSalt: SaltSource = () => {
  if (drawn === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    drawn = 0;
  }
  const salt = bytesToHex(pool.subarray(drawn, drawn + 16));
  drawn += 16;
  return salt;
};

/**
 * Salts 1, 2, 3… as 32 hex digits: for tests that compare two runs event for event. Guessable by
 * design, so never for a real log.
 */
export function sequentialSalts(): SaltSource {
  let n = 0;
  return () => {
    n += 1;
    return n.toString(16).padStart(32, '0');
  };
}
