import { sha256 } from '@noble/hashes/sha2.js';

/**
 * Where secret randomness comes from (the tie lottery's salt). Injected like the clock and the ids,
 * so decisions stay pure and tests reproducible.
 */
export type RandomSource = (length: number) => Uint8Array;

/** Cryptographic randomness from `crypto.getRandomValues` (browsers and Node alike). */
export const cryptoRandom: RandomSource = (length) => crypto.getRandomValues(new Uint8Array(length));

/**
 * Deterministic bytes from `seed` (SHA-256 in counter mode): for tests and reproducible demos only —
 * anyone who knows the seed knows every byte.
 */
export function seededRandom(seed: string): RandomSource {
  const encoder = new TextEncoder();
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let filled = 0; filled < length; filled += 32) {
      out.set(sha256(encoder.encode(`${seed}:${counter++}`)).subarray(0, length - filled), filled);
    }
    return out;
  };
}

/** Lower-case hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The bytes of an even-length hex string. */
export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
