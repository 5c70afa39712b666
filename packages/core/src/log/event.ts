import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CanonicalWriter } from './canonical-bytes.js';

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
}

/** An event in the log: numbered and chained to its predecessor by SHA-256. */
export interface LoggedEvent<Type extends string = string, Payload = unknown>
  extends DraftEvent<Type, Payload> {
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

/**
 * The bytes an event's hash covers: the canonical JSON of every field but `hash`. The top level is
 * written by hand in sorted key order (actor, at, payload, prevHash, seq, type), which is exactly
 * what `canonicalJson` would produce, without allocating an object per event.
 */
export function eventHashInput(event: Omit<LoggedEvent, 'hash'>): Uint8Array {
  writer.reset().ascii('{"actor":').string(event.actor).ascii(',"at":').string(event.at);
  writer.ascii(',"payload":').value(event.payload).ascii(',"prevHash":').string(event.prevHash);
  return writer.ascii(',"seq":').value(event.seq).ascii(',"type":').string(event.type).ascii('}').bytes();
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

/** Computes the hash an event must carry: SHA-256 (hex) over {@link eventHashInput}. */
export function hashEvent(event: Omit<LoggedEvent, 'hash'>, hash: HashFunction = sha256Hex): string {
  return hash(eventHashInput(event));
}

/** Places drafts after `head`: numbers them and links each to the one before. */
export function sealEvents(drafts: readonly DraftEvent[], head: LogHead): LoggedEvent[] {
  const sealed: LoggedEvent[] = [];
  let prevHash = head.hash;
  let seq = head.seq;
  for (const draft of drafts) {
    seq += 1;
    // Built as one literal with every field, the hash filled in once known (the hash input reads
    // only the hashed fields): a spread copy ({ ...body, hash }) is a slow object about twice the
    // size, and a log in memory holds one per event.
    const event = {
      seq,
      at: draft.at,
      actor: draft.actor,
      type: draft.type,
      payload: draft.payload,
      prevHash,
      hash: '',
    };
    const hash = hashEvent(event);
    event.hash = hash;
    sealed.push(event);
    prevHash = hash;
  }
  return sealed;
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
): LoggedEvent[][] {
  const sealed: LoggedEvent[][] = [];
  let at = head;
  for (const group of groups) {
    const events = sealEvents(group.drafts, at);
    sealed.push(events);
    at = headOf(events, at);
  }
  return sealed;
}
