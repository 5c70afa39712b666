/**
 * The address a request came from, as Express's `trust proxy = <hops>` sees it. Each proxy appends
 * the address it was reached from to `X-Forwarded-For`, so only the right-most `hops` entries were
 * written by proxies the operator trusts; everything left of them was written by the client, who can
 * put anything there. Counting from the socket's peer towards the client, the address `hops` steps
 * away is the first one no trusted proxy vouches beyond: that is the client. With fewer entries than
 * hops (a request that skipped a proxy) the furthest entry is taken, as Express does.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, hops: number): string {
  if (hops <= 0 || forwardedFor === undefined) return peer;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const nearestFirst = [peer, ...entries.reverse()];
  return nearestFirst[Math.min(hops, nearestFirst.length - 1)] ?? peer;
}

/**
 * Reads `TRUST_PROXY`: how many proxies stand between the clients and this server (0 or unset: none,
 * and `X-Forwarded-For` is ignored). Anything but a whole number from 0 to 32 is refused, so a typo
 * cannot silently trust a header the client writes.
 */
export function parseProxyHops(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d{1,2}$/.test(value.trim())) return undefined;
  const hops = Number(value.trim());
  return hops <= 32 ? hops : undefined;
}
