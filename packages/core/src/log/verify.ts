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
  /**
   * The JSON text each event's payload was parsed from, by index into the log, as the store keeps it
   * (a store that writes `canonicalJson(payload)`). An event is then hashed from its text, with no
   * re-encoding of its payload (see `eventHashInput`); one whose text does not give its hash — text
   * written before payloads were stored canonical, or edited — is checked by its payload as without
   * texts, so old logs still verify and an edited payload is still named.
   */
  readonly payloadTexts?: readonly (string | undefined)[];
}

/**
 * Whether the event hashes to its `hash`, from its stored payload text if it has one, else (or if the
 * text does not give it) from its payload; content with no JSON form (e.g. an infinite number) cannot.
 */
function hashMatches(event: LoggedEvent, hash: HashFunction, payloadText: string | undefined): boolean {
  if (payloadText !== undefined && hashes(event, hash, payloadText)) return true;
  return hashes(event, hash, undefined);
}

function hashes(event: LoggedEvent, hash: HashFunction, payloadText: string | undefined): boolean {
  try {
    return hashEvent(event, hash, payloadText) === event.hash;
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
  const texts = options.payloadTexts ?? [];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < log.length; i++) {
    const event = log[i] as LoggedEvent;
    const expected = i + 1;
    if (event.seq !== expected) {
      const laterHasExpected = log.some((e, j) => j > i && e.seq === expected);
      const reason: VerifyFailure = event.seq > expected && !laterHasExpected ? 'removed' : 'reordered';
      return { ok: false, seq: expected, reason };
    }
    if (!hashMatches(event, hash, texts[i])) return { ok: false, seq: expected, reason: 'edited' };
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
