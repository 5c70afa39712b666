import * as z from 'zod/mini';
import { intSchema } from '../validation/schemas.js';
import { lineSchema } from '../validation/text.js';

/**
 * The file types an attachment may have: photos (JPEG, PNG, WebP) and scans (PDF) of invoices and
 * receipts. A server checks the bytes' own signature against this list, never the declared type.
 */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** One of {@link ATTACHMENT_TYPES}. */
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** A lowercase hex SHA-256 (64 characters): the content address of an attachment's bytes. */
export const sha256Schema = z.string().check(
  z.refine((value) => /^[0-9a-f]{64}$/.test(value), {
    params: { code: 'attachment.bad_hash' },
  }),
);

/** Largest size an attachment reference may declare (bytes); a server's own limit is lower. */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/**
 * A reference to stored bytes, as a command and its event carry it: the bytes themselves sit in a
 * server's blob store under `sha256`, so the log stays small and the hash chain covers the content.
 */
export const attachmentSchema = z.strictObject({
  sha256: sha256Schema,
  type: z.enum(ATTACHMENT_TYPES),
  size: intSchema(1, MAX_ATTACHMENT_BYTES),
  /** The file's name as the uploader saw it, for showing and saving only. */
  name: z.optional(lineSchema(200)),
});

/** An attachment reference (see {@link attachmentSchema}). */
export type Attachment = z.output<typeof attachmentSchema>;

/** At most this many attachments on one command: a receipt and its invoice, a notice and its scans. */
export const MAX_ATTACHMENTS = 10;

/** The optional `attachments` field of a command that may carry files. */
export const attachmentsSchema = z.optional(
  z.array(attachmentSchema).check(z.minLength(1), z.maxLength(MAX_ATTACHMENTS)),
);

const HASH = /^[0-9a-f]{64}$/;

/**
 * Every attachment hash a command or event payload names, found wherever an `attachments` list sits
 * in it (a fund entry, a notice…), so a server can check them without knowing each command's shape.
 */
export function attachmentHashes(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'attachments' && Array.isArray(child)) {
        for (const a of child) {
          const sha = (a as { sha256?: unknown } | null)?.sha256;
          if (typeof sha === 'string' && HASH.test(sha)) found.add(sha);
        }
      } else walk(child);
    }
  };
  walk(value);
  return [...found];
}
