import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/**
 * Whether an `If-None-Match` header holds this version: `*`, or a list of entity tags of which one is
 * it. The comparison is weak (RFC 9110 §13.1.2), so `"v"` and `W/"v"` both name version `v`.
 */
function namesVersion(header: string | undefined, version: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  for (const [, tag] of header.matchAll(/(?:W\/)?"([^"]*)"/g)) if (tag === version) return true;
  return false;
}

/**
 * The validator of a body: base64url of the first 16 bytes of the SHA-256 of its plain bytes. Taken
 * from the content alone, so every server process answers the same bytes with the same tag and a
 * client behind a load balancer keeps its 304s whichever process it reaches.
 */
export function contentVersion(plain: Uint8Array): string {
  return createHash('sha256').update(plain).digest().subarray(0, 16).toString('base64url');
}

/**
 * A response body compressed once and served many times: the published view (once per log head and
 * day) and the demo's script bundle. Phones on slow links get gzip; a page that already holds these
 * bytes gets 304 from its `ETag`, which is a hash of them (`contentVersion`).
 */
export class PrecompressedBody {
  // Copied once into plain ArrayBuffer-backed arrays (what a Response body takes), not per request.
  private readonly gzip: Uint8Array<ArrayBuffer>;
  private readonly plain: Uint8Array<ArrayBuffer>;

  /** Names these bytes: a weak validator (the same for both encodings), hashed once here. */
  readonly version: string;

  /**
   * `caching` replaces the default `no-cache` (the view, whose head changes) with e.g. a year,
   * `immutable`, for bytes whose address names their version; `headers` are added to every answer.
   */
  constructor(
    body: string | Uint8Array,
    private readonly type: string,
    private readonly caching = 'no-cache',
    private readonly extra: Readonly<Record<string, string>> = {},
  ) {
    this.plain = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
    this.version = contentVersion(this.plain);
    // The default level: level 9 saves ~0.1 % for 30 % more time per view.
    this.gzip = new Uint8Array(gzipSync(this.plain));
  }

  /** Answers with 304, gzip or the plain bytes, as the request allows. */
  respond(c: Context): Response {
    const etag = `W/"${this.version}"`;
    const headers: Record<string, string> = {
      ...this.extra,
      'content-type': this.type,
      'cache-control': this.caching, // by default always revalidate: a new head must show at once
      etag,
      vary: 'Accept-Encoding',
    };
    if (namesVersion(c.req.header('If-None-Match'), this.version)) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? ''))
      return c.body(this.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
    return c.body(this.plain, 200, headers);
  }
}
