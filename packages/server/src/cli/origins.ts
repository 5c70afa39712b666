import { networkInterfaces } from 'node:os';

/** How a host appears in an origin: IPv6 addresses in brackets. */
const inOrigin = (host: string) => (host.includes(':') ? `[${host}]` : host);

/**
 * The origins a browser shows for pages served at the listen address `host`:`port`, for the write-origin
 * check. A loopback address is also reached as `localhost`; a wildcard address (`0.0.0.0`, `::`) is
 * reached at every address of this machine's interfaces. A public name in front (a proxy, TLS) is not
 * known from here and must be configured.
 */
export function listenOrigins(host: string, port: number): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  const hosts = wildcard
    ? Object.values(networkInterfaces()).flatMap((addresses) =>
        (addresses ?? []).filter((a) => host === '::' || a.family === 'IPv4').map((a) => a.address),
      )
    : [host];
  const loopback = hosts.some((h) => h === 'localhost' || h === '::1' || h.startsWith('127.'));
  return [...new Set([...hosts, ...(loopback ? ['localhost'] : [])])].map(
    (h) => `http://${inOrigin(h)}:${port}`,
  );
}
