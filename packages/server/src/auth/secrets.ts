import { createHash, randomBytes, randomInt, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };

/** Derives `length` key bytes from a secret and a salt: the slow step that makes a guess cost. */
export type DeriveKey = (secret: string, salt: string, length: number) => Promise<Buffer>;

/** scrypt on libuv's thread pool: a guess costs ~50 ms of CPU but never blocks the event loop. */
export const scryptKey: DeriveKey = (secret, salt, length) =>
  new Promise((resolve, reject) =>
    scrypt(secret, salt, length, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** What the auth stores take besides their database. */
export interface AuthStoreOptions {
  /** The key derivation for invite codes (scrypt by default; tests count its calls). */
  readonly deriveKey?: DeriveKey;
}

/**
 * A stored hash no code matches (its key is random bytes, not scrypt's output): a guess whose prefix
 * is in no row is checked against it, so it costs the same derivation as one whose prefix is in use.
 */
const NO_CODE = `scrypt:${randomBytes(16).toString('hex')}:${randomBytes(32).toString('hex')}`;

/** Invite codes avoid look-alike characters (0/O, 1/I/L) so they survive a paper notice. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A household invite code: 10 characters (~49.5 bits), shown as `XXXXX-XXXXX`. */
export function newInviteCode(): string {
  // randomInt draws each character uniformly; a random byte modulo 31 would favour 8 of them.
  let code = '';
  for (let i = 0; i < 10; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Issues a code whose lookup prefix no other unredeemed code of the community has, so checking a guess
 * always costs exactly one key derivation. `taken` is a cheap look before hashing; `save` hashes are
 * stored only if the prefix is still free (checked in the same transaction), else a new code is drawn.
 * A community has far fewer households than the 29,791 prefixes; the bound only stops a full table
 * from looping.
 */
export async function issueWithFreePrefix(
  taken: (lookup: string) => boolean | Promise<boolean>,
  save: (lookup: string, hash: string) => boolean | Promise<boolean>,
  deriveKey: DeriveKey,
): Promise<string> {
  for (let tries = 0; tries < 1000; tries += 1) {
    const code = newInviteCode();
    const lookup = codeLookup(code);
    if (await taken(lookup)) continue;
    if (await save(lookup, await hashCode(code, deriveKey))) return code;
  }
  throw new Error('no free invite-code prefix: too many unredeemed codes in this community');
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
export async function hashCode(code: string, deriveKey: DeriveKey = scryptKey): Promise<string> {
  const salt = randomBytes(16).toString('hex');
  const key = await deriveKey(normalizeCode(code), salt, 32);
  return `scrypt:${salt}:${key.toString('hex')}`;
}

/** Checks a code against its stored hash in constant time. */
export async function codeMatches(
  code: string,
  stored: string,
  deriveKey: DeriveKey = scryptKey,
): Promise<boolean> {
  const [scheme, salt, hex] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hex) return false;
  const expected = Buffer.from(hex, 'hex');
  const actual = await deriveKey(normalizeCode(code), salt, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * The row whose code hash matches, among the rows sharing the guess's prefix (one, as codes are
 * issued). With no such row the guess is checked against {@link NO_CODE} all the same: a prefix that
 * is not in use must not answer faster, or timing would tell a guesser which prefixes are.
 */
export async function findCode<Row extends { readonly code_hash: string }>(
  code: string,
  rows: readonly Row[],
  deriveKey: DeriveKey = scryptKey,
): Promise<Row | undefined> {
  if (rows.length === 0) {
    await codeMatches(code, NO_CODE, deriveKey);
    return undefined;
  }
  for (const row of rows) if (await codeMatches(code, row.code_hash, deriveKey)) return row;
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

/** A device's public id: random, so it says nothing about the session's token. */
export function newDeviceId(): string {
  return randomBytes(8).toString('hex');
}
