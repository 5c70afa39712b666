import { linliError, sha256Schema } from '@linli/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { BlobStore } from '../blobs/blob-store.js';
import { extensionOf, sniffAttachmentType } from '../blobs/sniff-type.js';
import type { AppEnv, HostedCommunity, SignedInEnv } from '../http/env.js';
import type { RateLimits } from '../http/rate-limit.js';
import { Refusal, refusalResponse } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';
import { rateLimited } from '../middleware/rate-limit.js';

/** The upload route, which takes its own body limit instead of the app's 64 KiB one. */
export const isAttachmentUpload = (path: string, method: string): boolean =>
  method === 'POST' && /\/attachments$/.test(path);

/** What the attachment routes need from the app's options. */
export interface AttachmentRouteOptions {
  /** Largest upload, bytes. */
  readonly maxBytes: number;
  /** Uploads per organizer per minute. */
  readonly uploadsPerMinute: number;
  /** Where the uploads are counted (shared by every process on PostgreSQL). */
  readonly limits: RateLimits;
}

/** The answer of `POST /c/:id/attachments`: what a command's `attachments` entry then names. */
export interface AttachmentUploaded {
  readonly sha256: string;
  readonly size: number;
  readonly type: string;
}

function blobsOf(community: HostedCommunity): BlobStore {
  const blobs = community.blobs;
  // A community served without a blob store keeps no attachments: nothing can be found in it.
  if (!blobs) throw new Refusal(linliError('attachment.not_found'));
  return blobs;
}

/**
 * Attachments under `/c/:community`: `POST /attachments` (the organizer's; the raw bytes as the body)
 * keeps a JPEG, PNG, WebP or PDF — recognised by its own bytes, never by the declared type — under
 * its SHA-256 and answers `{ sha256, size, type }`; `GET /attachments/:sha256` gives it back to
 * signed-in households and organizers of the community, never to the public.
 */
export function attachmentRoutes(options: AttachmentRouteOptions): Hono<AppEnv> {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: (c) => refusalResponse(c, linliError('attachment.too_large', [], { limit: options.maxBytes })),
  });
  const perOrganizer = rateLimited<SignedInEnv>(
    options.limits.limiter('attachments', options.uploadsPerMinute),
    (c) => {
      const principal = c.get('principal');
      return `${c.get('community').id}\u0000${principal.kind === 'organizer' ? principal.id : c.get('token')}`;
    },
  );
  return new Hono<AppEnv>()
    .post('/attachments', requires('organizer'), perOrganizer, limit, async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new Refusal(linliError('attachment.empty'));
      const type = sniffAttachmentType(bytes);
      if (!type) throw new Refusal(linliError('attachment.unsupported_type'));
      const stored = await blobsOf(c.get('community')).put(bytes, type);
      const answer: AttachmentUploaded = { sha256: stored.sha256, size: stored.size, type: stored.type };
      return c.json(answer, 201);
    })
    .get('/attachments/:sha256', requires('signed-in'), async (c) => {
      const sha256 = c.req.param('sha256');
      if (!sha256Schema.safeParse(sha256).success) throw new Refusal(linliError('attachment.bad_hash'));
      const etag = `"${sha256}"`;
      const headers = {
        etag,
        // The same address is always the same bytes; `private`: only members may see them.
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        // Opened on its own, a file runs nothing and reaches nothing.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      };
      const blob = await blobsOf(c.get('community')).get(sha256);
      if (!blob) throw new Refusal(linliError('attachment.not_found'));
      if (
        c.req
          .header('If-None-Match')
          ?.split(',')
          .some((t) => t.trim() === etag)
      )
        return c.body(null, 304, headers);
      // Photos show in the page; a PDF is saved rather than opened in the server's origin.
      const disposition = blob.type === 'application/pdf' ? 'attachment' : 'inline';
      return c.body(new Uint8Array(blob.bytes), 200, {
        ...headers,
        'content-type': blob.type,
        'content-length': String(blob.size),
        'content-disposition': `${disposition}; filename="${sha256.slice(0, 16)}.${extensionOf(blob.type)}"`,
      });
    });
}
