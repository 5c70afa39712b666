import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PrecompressedBody } from '../http/precompressed.js';

/** The self-contained widget bundles of `@linli/widgets` a community's website may load. */
const BUNDLES = ['linli.js', 'linli-organizer.js', 'linli-announcements.js'] as const;

/** A year: the longest `max-age` caches honour. Bytes at a versioned address never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The unversioned alias: five minutes, then revalidated by its `ETag`, so a new version shows the same day. */
export const ALIAS = 'public, max-age=300';

/**
 * Any site may load a public script. `Cross-Origin-Resource-Policy` overrides the app-wide
 * `same-origin` for these files only, so a page with cross-origin isolation can load them too.
 */
const PUBLIC_SCRIPT = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

/** The installed `@linli/widgets` version: the bundles' versioned folder. */
export function widgetsVersion(): string {
  const file = fileURLToPath(import.meta.resolve('@linli/widgets/package.json'));
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * The widget bundles, compressed once: each at `/cdn/<widgets version>/<name>` (cached for a year,
 * immutable, so a returning reader's phone loads nothing) and at `/cdn/<name>`, a short-cached alias
 * of the current version for pages that always want the newest.
 */
export function cdnFiles(version = widgetsVersion()): Record<string, PrecompressedBody> {
  const type = 'text/javascript; charset=utf-8';
  const files: Record<string, PrecompressedBody> = {};
  for (const name of BUNDLES) {
    const bytes = readFileSync(fileURLToPath(import.meta.resolve(`@linli/widgets/cdn/${name}`)));
    files[`/cdn/${version}/${name}`] = new PrecompressedBody(bytes, type, IMMUTABLE, PUBLIC_SCRIPT);
    files[`/cdn/${name}`] = new PrecompressedBody(bytes, type, ALIAS, PUBLIC_SCRIPT);
  }
  return files;
}
