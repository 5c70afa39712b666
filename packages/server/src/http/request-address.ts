import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { clientAddress } from './client-address.js';

/** Who is asking: the socket's peer, or behind `hops` trusted proxies the address the nearest of them saw. */
export function requestAddress(c: Context, hops: number): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? peer;
  } catch {
    // Not on a Node socket (e.g. app.request in tests): there is no peer to name.
  }
  return clientAddress(peer, c.req.header('x-forwarded-for'), hops);
}
