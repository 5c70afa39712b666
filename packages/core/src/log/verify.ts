import {
  GENESIS_HASH,
  type HashFunction,
  hashEvent,
  type LoggedEvent,
  type LogHead,
  sha256Hex,
} from './event.js';

/** Why a log failed verification. */
export type VerifyFailure =
  /** The event's content no longer matches its hash. */
  | 'edited'
  /** An event is missing: the next one carries a later seq. */
  | 'removed'
  /** Events are out of order or repeated. */
  | 'reordered'
  /** The event's `prevHash` is not the hash of the event before it. */
  | 'bad-link'
  /** The log ends before, or differs at, a head the verifier trusts. */
  | 'head-mismatch';

/** The result of {@link verify}. */
export type VerifyResult =
  | { readonly ok: true; readonly head: LogHead; readonly count: number }
  | { readonly ok: false; readonly seq: number; readonly reason: VerifyFailure };

/** Options of {@link verify}. */
export interface VerifyOptions {
  /**
   * A head recorded somewhere safe (a printed notice, another replica). Without one, a forger who
   * rewrites every later hash cannot be told from an honest log; with one, that rewrite is caught.
   */
  readonly trustedHead?: LogHead;
  /**
   * The SHA-256 implementation. The default, `@noble/hashes`, runs everywhere; on Node a native one,
   * `(bytes) => crypto.hash('sha256', bytes, 'hex')`, verifies several times faster (see bench/).
   */
  readonly hash?: HashFunction;
}

/** Whether the event hashes to its `hash`; content with no JSON form (e.g. an infinite number) cannot. */
function hashMatches(event: LoggedEvent, hash: HashFunction): boolean {
  try {
    return hashEvent(event, hash) === event.hash;
  } catch {
    return false;
  }
}

/**
 * Checks that a log is exactly what was appended: seqs run 1, 2, 3… without gaps, every event hashes
 * to its `hash`, and every `prevHash` is its predecessor's hash. Returns the first bad seq and why.
 */
export function verify(log: readonly LoggedEvent[], options: VerifyOptions = {}): VerifyResult {
  const hash = options.hash ?? sha256Hex;
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < log.length; i++) {
    const event = log[i] as LoggedEvent;
    const expected = i + 1;
    if (event.seq !== expected) {
      const laterHasExpected = log.some((e, j) => j > i && e.seq === expected);
      const reason: VerifyFailure = event.seq > expected && !laterHasExpected ? 'removed' : 'reordered';
      return { ok: false, seq: expected, reason };
    }
    if (!hashMatches(event, hash)) return { ok: false, seq: expected, reason: 'edited' };
    if (event.prevHash !== prevHash) return { ok: false, seq: expected, reason: 'bad-link' };
    prevHash = event.hash;
  }
  const trusted = options.trustedHead;
  if (trusted && trusted.seq > 0) {
    const at = log[trusted.seq - 1];
    if (!at || at.hash !== trusted.hash) {
      return { ok: false, seq: Math.min(trusted.seq, log.length + 1), reason: 'head-mismatch' };
    }
  }
  const last = log.at(-1);
  return {
    ok: true,
    head: last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH },
    count: log.length,
  };
}
