/**
 * Reads an origin as a browser sends it in `Origin` (`https://blog.example`, `http://127.0.0.1:8080`):
 * `scheme://host[:port]`, http or https, nothing after it. Returns the normalized origin (lower-case
 * host, default port dropped), or why `text` is not one, in one line.
 */
export function parseOrigin(text: string): { ok: true; origin: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `"${text}" is not an origin such as https://blog.example` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `"${text}" must start with https:// (or http://)` };
  const bare = /^[a-z]+:\/\/[^/?#]+\/?$/i.test(text.trim());
  if (!bare || url.username || url.password)
    return {
      ok: false,
      reason: `"${text}" must be an origin only (scheme://host[:port]), with no path, query or user`,
    };
  return { ok: true, origin: url.origin };
}
