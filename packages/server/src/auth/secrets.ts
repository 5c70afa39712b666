import { createHash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };

/** scrypt on libuv's thread pool: a guess costs ~50 ms of CPU but never blocks the event loop. */
const scryptAsync = (secret: string, salt: string, length: number): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(secret, salt, length, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  );

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
export async function hashCode(code: string, salt = randomBytes(16).toString('hex')): Promise<string> {
  const key = await scryptAsync(normalizeCode(code), salt, 32);
  return `scrypt:${salt}:${key.toString('hex')}`;
}

/** Checks a code against its stored hash in constant time. */
export async function codeMatches(code: string, stored: string): Promise<boolean> {
  const [scheme, salt, hex] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hex) return false;
  const expected = Buffer.from(hex, 'hex');
  const actual = await scryptAsync(normalizeCode(code), salt, expected.length);
  return timingSafeEqual(actual, expected);
}

/** The first row whose code hash matches, checked one after another. */
export async function findCode<Row extends { readonly code_hash: string }>(
  code: string,
  rows: readonly Row[],
): Promise<Row | undefined> {
  for (const row of rows) if (await codeMatches(code, row.code_hash)) return row;
  return undefined;
}

/** A bearer token: 32 random bytes. High entropy, so a fast hash at rest is enough. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, as stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
