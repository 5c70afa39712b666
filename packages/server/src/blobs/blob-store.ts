import { createHash } from 'node:crypto';
import type { AttachmentType } from '@linli/core';

/** What the store knows of one blob without its bytes. */
export interface BlobInfo {
  /** Lowercase hex SHA-256 of the bytes: the blob's address. */
  readonly sha256: string;
  /** The type its bytes were recognised as when uploaded. */
  readonly type: AttachmentType;
  /** Length in bytes. */
  readonly size: number;
}

/** A blob with its bytes, as stored (a verify recomputes the hash: storage may have rotted). */
export interface StoredBlob extends BlobInfo {
  readonly bytes: Uint8Array;
}

/**
 * A community's attachments, content-addressed: the SHA-256 of the bytes is the key, so the log's
 * events carry only hashes, and the same file uploaded twice is kept once. Implemented on SQLite
 * (`SqliteBlobStore`, a table beside the events) and PostgreSQL (`PostgresBlobStore`, `bytea`); both
 * pass `blobStoreConformance`.
 */
export interface BlobStore {
  /**
   * Keeps `bytes` under their SHA-256, computed here, never taken from the caller. Idempotent: the
   * same bytes again change nothing and answer the same info (with the type first recorded).
   */
  put(bytes: Uint8Array, type: AttachmentType): Promise<BlobInfo>;
  /** The blob stored under `sha256`, or undefined. */
  get(sha256: string): Promise<StoredBlob | undefined>;
  /** Which of `hashes` this store does not hold, in the order given. */
  missing(hashes: readonly string[]): Promise<string[]>;
  /** Every blob's info, by hash. */
  list(): Promise<BlobInfo[]>;
  close(): Promise<void>;
}

/** The lowercase hex SHA-256 of `bytes`. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
