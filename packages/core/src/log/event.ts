import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CanonicalWriter } from './canonical-bytes.js';
import { randomSalt, type SaltSource } from './salt.js';

/** The `prevHash` of the first event: 64 zeros. */
export const GENESIS_HASH: string = '0'.repeat(64);

/** What a writer hands to a store: an event not yet placed in the log. */
export interface DraftEvent<Type extends string = string, Payload = unknown> {
  /** When it happened, ISO 8601 in UTC, from the injected clock. */
  readonly at: string;
  /** Who caused it: a person id, an official's id, or `system`. */
  readonly actor: string;
  /** What happened, past tense, e.g. `unit.transferred`. */
  readonly type: Type;
  /** The facts, as plain JSON. */
  readonly payload: Payload;
  /**
   * The format to seal in. Writers leave it out and get {@link EVENT_FORMAT}; `1` (unsalted) exists
   * only so that `restoreLog` can re-seal an old log to the very same hashes.
   */
  readonly v?: EventFormat;
  /**
   * The salt to seal a format-2 event with. Writers leave it out and the store draws a fresh one;
   * it is given only to re-seal events whose salt is already fixed (a restored backup, or a group
   * commit's tentative events, which must hash exactly as the store will seal them).
   */
  readonly salt?: string;
}

/**
 * The event formats: 1, the original, hashes the event's fields alone; 2 also hashes a 128-bit
 * secret salt, so that a published hash cannot be matched against guessed contents (a secret
 * ballot's voter, choice and time are easy to guess; its salt is not).
 */
export type EventFormat = 1 | 2;

/** The format new events are sealed in. */
export const EVENT_FORMAT = 2 satisfies EventFormat;

/** An event in the log: numbered and chained to its predecessor by SHA-256. */
export interface LoggedEvent<Type extends string = string, Payload = unknown>
  extends DraftEvent<Type, Payload> {
  /** `2` for a salted event; absent for a format-1 event (written before salts). */
  readonly v?: 2;
  /**
   * A format-2 event's secret salt: 32 lowercase hex digits (128 random bits). It is part of the
   * organizer's log (reads, backups, replicas), so `verify` works there, and it is never published.
   */
  readonly salt?: string;
  /** Position in the log, from 1, without gaps. */
  readonly seq: number;
  /** `hash` of the event before, or {@link GENESIS_HASH} for seq 1. */
  readonly prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  readonly hash: string;
}

/** The position of the last event of a log: seq 0 and the genesis hash for an empty one. */
export interface LogHead {
  readonly seq: number;
  readonly hash: string;
}

/** The head of an empty log. */
export const EMPTY_HEAD: LogHead = { seq: 0, hash: GENESIS_HASH };

const writer = new CanonicalWriter();

/** A well-formed salt: 128 bits as 32 lowercase hex digits. */
const SALT_PATTERN = /^[0-9a-f]{32}$/;

/**
 * The bytes an event's hash covers: the canonical JSON of every field but `hash`. The top level is
 * written by hand in sorted key order (actor, at, payload, prevHash, [salt,] seq, type[, v]), which is
 * exactly what `canonicalJson` would produce, without allocating an object per event. Throws a
 * TypeError for an event of no known format (an unknown `v`, a salt on a format-1 event, a malformed
 * salt): such an event has no hash, so it can never verify.
 *
 * `payloadText`, if given, is written in the payload's place as it stands: the JSON text a store kept
 * and parsed `event.payload` from. Verifying from it skips re-encoding the payload, and is as strong:
 * the bytes can hash to the sealed hash only if they are the sealed bytes, so the text is the sealed
 * canonical text and parses to the sealed payload (JSON text is prefix-free, so the text cannot end
 * early or late). Text that is not canonical hashes to something else, and needs the payload path.
 * Throws a TypeError for text with a lone surrogate, which UTF-8 cannot carry faithfully.
 */
export function eventHashInput(event: Omit<LoggedEvent, 'hash'>, payloadText?: string): Uint8Array {
  const salted = event.v === 2;
  if (salted ? !SALT_PATTERN.test(event.salt ?? '') : event.v !== undefined || event.salt !== undefined)
    throw new TypeError(`event ${event.seq}: no known format`);
  writer.reset().ascii('{"actor":').string(event.actor).ascii(',"at":').string(event.at);
  writer.ascii(',"payload":');
  if (payloadText === undefined) writer.value(event.payload);
  else if (!writer.text(payloadText)) throw new TypeError(`event ${event.seq}: payload text not UTF-8`);
  writer.ascii(',"prevHash":').string(event.prevHash);
  if (salted) writer.ascii(',"salt":').string(event.salt as string);
  writer.ascii(',"seq":').value(event.seq).ascii(',"type":').string(event.type);
  return writer.ascii(salted ? ',"v":2}' : '}').bytes();
}

/** A SHA-256 implementation: bytes in, lowercase hex out. */
export type HashFunction = (input: Uint8Array) => string;

/** SHA-256 from `@noble/hashes`: audited, dependency-free, the same in Node, browsers and workers. */
export const nobleSha256Hex: HashFunction = (input) => bytesToHex(sha256(input));

/**
 * Node's native hash, found through `process.getBuiltinModule` rather than an import, so browser
 * bundles neither break nor grow; undefined outside Node.
 */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as
  | { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }
  | undefined;
const nodeHash = nodeCrypto?.hash;

/**
 * SHA-256 (hex) as the log uses it: Node's native hash on Node (about 2.5× faster, which is what a
 * server sealing and verifying logs wants), {@link nobleSha256Hex} everywhere else. Both give the same
 * bytes; a property test holds them to it.
 */
export const sha256Hex: HashFunction = nodeHash
  ? (input) => nodeHash('sha256', input, 'hex')
  : nobleSha256Hex;

/**
 * Computes the hash an event must carry: SHA-256 (hex) over {@link eventHashInput} (with
 * `payloadText` in the payload's place, if given).
 */
export function hashEvent(
  event: Omit<LoggedEvent, 'hash'>,
  hash: HashFunction = sha256Hex,
  payloadText?: string,
): string {
  return hash(eventHashInput(event, payloadText));
}

/**
 * Places drafts after `head`: numbers them, salts them (format 2, unless a draft asks for format 1
 * or brings its salt) and links each to the one before.
 */
export function sealEvents(
  drafts: readonly DraftEvent[],
  head: LogHead,
  salt: SaltSource = randomSalt,
): LoggedEvent[] {
  const sealed: LoggedEvent[] = [];
  let prevHash = head.hash;
  let seq = head.seq;
  for (const draft of drafts) {
    seq += 1;
    // Built as one literal per format with every field, the hash filled in once known (the hash
    // input reads only the hashed fields): a spread copy ({ ...body, hash }) is a slow object about
    // twice the size, and a log in memory holds one per event.
    const { at, actor, type, payload } = draft;
    const event: { -readonly [K in keyof LoggedEvent]: LoggedEvent[K] } =
      (draft.v ?? EVENT_FORMAT) === 1
        ? { seq, at, actor, type, payload, prevHash, hash: '' }
        : { seq, at, actor, type, payload, v: 2, salt: draft.salt ?? salt(), prevHash, hash: '' };
    const hash = hashEvent(event);
    event.hash = hash;
    sealed.push(event);
    prevHash = hash;
  }
  return sealed;
}

/**
 * The draft that seals again to exactly `event` when placed after its predecessor: the same fields,
 * format and salt (how a backup is restored, and how a group commit hands its tentative events on).
 */
export function draftOf(event: LoggedEvent): DraftEvent {
  const { at, actor, type, payload } = event;
  return event.v === 2 && event.salt !== undefined
    ? { at, actor, type, payload, v: 2, salt: event.salt }
    : { at, actor, type, payload, v: 1 };
}

/** The head after `events`, or `fallback` when there are none. */
export function headOf(events: readonly LoggedEvent[], fallback: LogHead = EMPTY_HEAD): LogHead {
  const last = events.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : fallback;
}

/**
 * Places several groups of drafts after `head`, one after another, as {@link sealEvents} would if
 * each group were appended in turn; answers each group's events.
 */
export function sealGroups(
  groups: readonly { readonly drafts: readonly DraftEvent[] }[],
  head: LogHead,
  salt: SaltSource = randomSalt,
): LoggedEvent[][] {
  const sealed: LoggedEvent[][] = [];
  let at = head;
  for (const group of groups) {
    const events = sealEvents(group.drafts, at, salt);
    sealed.push(events);
    at = headOf(events, at);
  }
  return sealed;
}
