import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** Invite codes avoid look-alike characters (0/O, 1/I/L) so they survive a paper notice. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A household invite code: 10 characters (~49 bits), shown as `XXXXX-XXXXX`. */
export function newInviteCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const b of bytes) code += ALPHABET[b % ALPHABET.length];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Normalizes what a resident types: case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** The non-secret first three characters, indexed to find a code's row without trying every hash. */
export function codeLookup(code: string): string {
  return normalizeCode(code).slice(0, 3);
}

/** A slow, salted hash for short codes (scrypt), so a stolen database does not give the codes away. */
export function hashCode(code: string, salt = randomBytes(16).toString('hex')): string {
  const key = scryptSync(normalizeCode(code), salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt:${salt}:${key.toString('hex')}`;
}

/** Checks a code against its stored hash in constant time. */
export function codeMatches(code: string, stored: string): boolean {
  const [scheme, salt, hex] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hex) return false;
  const expected = Buffer.from(hex, 'hex');
  const actual = scryptSync(normalizeCode(code), salt, expected.length, { N: 16384, r: 8, p: 1 });
  return timingSafeEqual(actual, expected);
}

/** A bearer token: 32 random bytes. High entropy, so a fast hash at rest is enough. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, as stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
