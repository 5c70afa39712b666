import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** What `<data>/setup-token.json` holds: only the token's SHA-256, never the token. */
interface SetupTokenFile {
  readonly sha256: string;
  readonly issuedAt: string;
}

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * The one-time token behind the setup link (`/setup#token=…`) a server prints while it hosts no
 * community. Only its hash is kept, in a file of the data folder, so a server log, a backup of the
 * folder or a look over the operator's shoulder at the file gives nothing that opens setup. A new
 * start replaces it (the link printed last is the one that works); a successful setup, or any
 * community existing at a start, deletes it. The token is 256 random bits, so a plain SHA-256 (not
 * a slow derivation) is enough, and the comparison takes the same time wherever the guess differs.
 */
export class SetupToken {
  constructor(
    /** The file the hash lives in (`<data>/setup-token.json`). */
    readonly file: string,
  ) {}

  /** Draws a new token, keeps its hash (replacing any earlier one) and returns it, to print once. */
  issue(issuedAt: Date = new Date()): string {
    const token = randomBytes(32).toString('base64url');
    const kept: SetupTokenFile = { sha256: digest(token).toString('hex'), issuedAt: issuedAt.toISOString() };
    writeFileSync(this.file, `${JSON.stringify(kept)}\n`, { mode: 0o600 });
    return token;
  }

  /** Whether `token` is the one issued last; false when none is waiting (consumed, never issued, unreadable). */
  matches(token: string): boolean {
    const kept = this.#kept();
    if (kept === undefined) return false;
    return timingSafeEqual(digest(token), kept);
  }

  /** Whether a token is waiting to be used. */
  get waiting(): boolean {
    return this.#kept() !== undefined;
  }

  /** Forgets the token: setup succeeded, or a community exists and setup is closed for good. */
  consume(): void {
    rmSync(this.file, { force: true });
  }

  #kept(): Buffer | undefined {
    try {
      const { sha256 } = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<SetupTokenFile>;
      return typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)
        ? Buffer.from(sha256, 'hex')
        : undefined;
    } catch {
      return undefined;
    }
  }
}
