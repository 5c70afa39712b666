import { createHmac, hkdfSync, type KeyObject, timingSafeEqual } from 'node:crypto';

/** What the HKDF derivation is for, so the feed secret is never the signing key's own use. */
const HKDF_INFO = 'linli calendar feed tokens v1';

/**
 * The per-household tokens of the "my turns" calendar feeds. A token is an HMAC-SHA256 of the
 * community and unit under a server secret kept outside the database, so nothing new is stored —
 * no token table to leak — and every server process holding the same secret accepts the same URLs.
 * A token only reads one household's duty turns; replacing the secret voids every feed URL at once.
 */
export class FeedTokens {
  private readonly secret: Buffer;

  /** `secret`: at least 32 random bytes, kept outside the database. */
  constructor(secret: Uint8Array) {
    if (secret.length < 32) throw new Error('a feed secret needs at least 32 bytes');
    this.secret = Buffer.from(secret);
  }

  /**
   * Derives the secret from the server's Ed25519 signing key (HKDF-SHA256), which is already kept
   * outside the database and shared by every process of a deployment (LINLI_SIGNING_KEY).
   */
  static fromSigningKey(privateKey: KeyObject): FeedTokens {
    const material = privateKey.export({ format: 'der', type: 'pkcs8' });
    return new FeedTokens(new Uint8Array(hkdfSync('sha256', material, 'linli', HKDF_INFO, 32)));
  }

  /** The token of `unit`'s feeds in `community`: 43 base64url characters (256 bits). */
  tokenFor(community: string, unit: string): string {
    // NUL cannot occur in ids, so (community, unit) pairs never run together.
    return createHmac('sha256', this.secret).update(`${community}\0${unit}`).digest('base64url');
  }

  /** Whether `token` is `unit`'s, compared in constant time. */
  accepts(community: string, unit: string, token: string): boolean {
    const expected = Buffer.from(this.tokenFor(community, unit));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
