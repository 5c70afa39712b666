import { readFileSync } from 'node:fs';
import { ATTACHMENT_TYPES, type AttachmentType, attachmentHashes, type LoggedEvent } from '@linli/core';
import { type BlobStore, sha256Of } from './blob-store.js';
import { sniffAttachmentType } from './sniff-type.js';

/** A blob as a backup file carries it: `blobs` beside `events`, the bytes in base64. */
export interface BackedUpBlob {
  readonly sha256: string;
  readonly type: AttachmentType;
  /** The bytes, base64. */
  readonly bytes: string;
}

/** A blob read back from a backup, its hash checked against its bytes. */
export interface RestorableBlob {
  readonly type: AttachmentType;
  readonly bytes: Uint8Array;
}

/** Every blob of the store, for the backup file's `blobs` section. */
export async function backupBlobs(store: BlobStore): Promise<BackedUpBlob[]> {
  const blobs: BackedUpBlob[] = [];
  for (const { sha256 } of await store.list()) {
    const blob = await store.get(sha256);
    if (blob) blobs.push({ sha256, type: blob.type, bytes: Buffer.from(blob.bytes).toString('base64') });
  }
  return blobs;
}

const isType = (value: unknown): value is AttachmentType =>
  (ATTACHMENT_TYPES as readonly unknown[]).includes(value);

/**
 * The `blobs` section of a parsed backup file, each blob's bytes checked against its hash, and the
 * hashes its events name checked against the section — or one line per problem. A backup written
 * before attachments has no section and no hashes: nothing to check.
 */
export function readBackupBlobs(
  backup: unknown,
): { ok: true; blobs: RestorableBlob[] } | { ok: false; problems: string[] } {
  const section = typeof backup === 'object' && backup !== null && 'blobs' in backup ? backup.blobs : [];
  const events = typeof backup === 'object' && backup !== null && 'events' in backup ? backup.events : backup;
  if (!Array.isArray(section)) return { ok: false, problems: ['the backup\'s "blobs" is not a list'] };
  const problems: string[] = [];
  const blobs: RestorableBlob[] = [];
  const held = new Set<string>();
  for (const [i, entry] of section.entries()) {
    const { sha256, type, bytes } = (entry ?? {}) as Partial<Record<keyof BackedUpBlob, unknown>>;
    if (typeof sha256 !== 'string' || !isType(type) || typeof bytes !== 'string') {
      problems.push(`blob ${i}: not a { sha256, type, bytes } entry`);
      continue;
    }
    const decoded = new Uint8Array(Buffer.from(bytes, 'base64'));
    if (sha256Of(decoded) !== sha256) problems.push(`blob ${sha256}: its bytes do not hash to its name`);
    else {
      held.add(sha256);
      blobs.push({ type, bytes: decoded });
    }
  }
  for (const sha256 of attachmentHashes(events))
    if (!held.has(sha256)) problems.push(`blob ${sha256}: named by the log but not in the backup`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, blobs };
}

/** Puts a backup's checked blobs into the store (idempotent: blobs already there stay as they are). */
export async function restoreBlobs(store: BlobStore, blobs: readonly RestorableBlob[]): Promise<void> {
  for (const blob of blobs) await store.put(blob.bytes, blob.type);
}

/**
 * What is wrong with a community's blobs, one line each: a blob whose bytes no longer hash to its
 * address (or are no longer of an accepted type), and a hash an event names that the store lacks.
 */
export async function blobProblems(store: BlobStore, events: readonly LoggedEvent[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { sha256 } of await store.list()) {
    const blob = await store.get(sha256);
    if (!blob) continue;
    const actual = sha256Of(blob.bytes);
    if (actual !== sha256) problems.push(`blob ${sha256}: corrupt, its bytes hash to ${actual}`);
    else if (sniffAttachmentType(blob.bytes) !== blob.type)
      problems.push(`blob ${sha256}: not a ${blob.type}`);
  }
  const named = new Map<string, number>();
  for (const event of events)
    for (const sha256 of attachmentHashes(event.payload))
      if (!named.has(sha256)) named.set(sha256, event.seq);
  const missing = await store.missing([...named.keys()]);
  for (const sha256 of missing) problems.push(`blob ${sha256}: missing, named by event ${named.get(sha256)}`);
  return problems;
}

/**
 * The checked blobs of the backup file at `file` ({@link readBackupBlobs}), read before a restore
 * writes anything. A file that cannot be read as JSON has no blobs here: the log's own check refuses it.
 */
export function readBlobsFile(file: string): ReturnType<typeof readBackupBlobs> {
  let backup: unknown;
  try {
    backup = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ok: true, blobs: [] };
  }
  return readBackupBlobs(backup);
}
