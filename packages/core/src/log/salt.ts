import { bytesToHex } from '@noble/hashes/utils.js';

/** Draws a fresh salt for a format-2 event: 32 lowercase hex digits. */
export type SaltSource = () => string;

/** 128 bits from the platform's cryptographic generator (`crypto.getRandomValues`, Node 20 and browsers). */
export const randomSalt: SaltSource = () => bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(16)));

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
