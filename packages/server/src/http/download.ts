import type { Context } from 'hono';

// RFC 5987 `attr-char` leaves out these, which `encodeURIComponent` keeps.
const NOT_ATTR_CHAR = /['()*]/g;
// What no file system or browser keeps in a file name: separators, reserved and control characters.
const UNSAFE_IN_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

/** A file name's Unicode form as an RFC 5987 `ext-value` (UTF-8, percent-encoded). */
export function rfc5987(name: string): string {
  const encoded = encodeURIComponent(name.replace(UNSAFE_IN_NAME, '_')).replace(
    NOT_ATTR_CHAR,
    (c) => `%${(c.codePointAt(0) as number).toString(16).toUpperCase()}`,
  );
  return `UTF-8''${encoded}`;
}

/** How a download is named and typed. */
export interface DownloadName {
  /** An ASCII name for old clients, e.g. `motion-lift.csv`. */
  readonly ascii: string;
  /** The name Excel and every current browser show, e.g. `加装电梯-lift.csv`. */
  readonly localized: string;
  readonly contentType: string;
}

/**
 * Answers a file to save: `attachment` with both names, and never kept by a shared cache (owners'
 * names, rooms and ballots are in these files).
 */
export function download(c: Context, body: string | Uint8Array, name: DownloadName): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': name.contentType,
    'content-disposition': `attachment; filename="${name.ascii}"; filename*=${rfc5987(name.localized)}`,
    'cache-control': 'private, no-store',
  });
}
