import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { checkpointMessage, type LogHead, type SignedCheckpoint } from '@linli/core';

/** The server's Ed25519 key, which signs checkpoints; never stored in, or published from, the database. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The raw public key, 64 lowercase hex digits, as checkpoints carry it. */
  readonly publicKey: string;
}

/** PKCS#8 DER of an Ed25519 key is this prefix and the 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A key given as PEM, or base64 of either the 32-byte seed or PKCS#8 DER. */
function parseKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPrivateKey(trimmed);
  const bytes = Buffer.from(trimmed, 'base64');
  const der = bytes.length === 32 ? Buffer.concat([PKCS8_ED25519_PREFIX, bytes]) : bytes;
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function signingKey(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 key');
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '';
  return { privateKey, publicKey: Buffer.from(x, 'base64url').toString('hex') };
}

/**
 * The server's signing key: `fromEnvironment` (LINLI_SIGNING_KEY, which every process of a
 * PostgreSQL deployment shares) if given, else the PEM file at `file`, created with mode 0600 on
 * first start. A file that others may read is refused, as ssh refuses such a key.
 */
export function loadSigningKey(file: string, fromEnvironment?: string): SigningKey {
  if (fromEnvironment) return signingKey(parseKey(fromEnvironment));
  if (!existsSync(file)) createKeyFile(file);
  if ((statSync(file).mode & 0o077) !== 0)
    throw new Error(`${file} may be read by others; make it readable by the server alone (chmod 600)`);
  return signingKey(parseKey(readFileSync(file, 'utf8')));
}

/**
 * Writes a new key to `file` unless another process got there first. The key is written whole to a
 * file of this process's own, then linked into place: a link never replaces a file, so processes
 * starting together on a new folder all end up reading the one key that won, and none reads it half
 * written.
 */
function createKeyFile(file: string): void {
  const { privateKey } = generateKeyPairSync('ed25519');
  const own = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(own, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(own, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(own, { force: true });
  }
}

/** Signs `head` of `community`'s log. */
export function signCheckpoint(key: SigningKey, community: string, head: LogHead): SignedCheckpoint {
  const fields = { community, seq: head.seq, hash: head.hash };
  const signature = sign(null, checkpointMessage(fields), key.privateKey).toString('hex');
  return { ...fields, publicKey: key.publicKey, signature };
}
