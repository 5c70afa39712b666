import { accessSync, constants, mkdirSync } from 'node:fs';
import type { AppOptions } from '../app.js';
import { parseProxyHops } from '../http/client-address.js';
import { listenOrigins } from './origins.js';

/** What the deployment settings of the environment give the app: origins, hosts, proxies, the request log. */
export type DeploymentOptions = Required<
  Pick<AppOptions, 'origins' | 'allowedHosts' | 'trustProxy' | 'requestLog'>
>;

/** The environment variables read here. */
export interface DeploymentEnv {
  readonly LINLI_PUBLIC_URL?: string | undefined;
  readonly LINLI_ALLOWED_HOSTS?: string | undefined;
  readonly TRUST_PROXY?: string | undefined;
  readonly LINLI_REQUEST_LOG?: string | undefined;
}

/** Comma-separated entries, trimmed, without empty ones. */
const entries = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/** A public URL as the origin a browser sends (`https://linli.example`), or why it is not one. */
function publicOrigin(text: string): { origin: string; host: string } | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `LINLI_PUBLIC_URL: "${text}" is not a URL such as https://linli.example`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `LINLI_PUBLIC_URL: "${text}" must start with https:// (or http://)`;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username)
    return `LINLI_PUBLIC_URL: "${text}" must be an origin only, with no path, query or user (e.g. https://linli.example)`;
  return { origin: url.origin, host: url.host };
}

/** An explicit `Host` allow-list entry: a name, optionally with a port, nothing else. */
const HOST_ENTRY = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Reads the deployment settings: `LINLI_PUBLIC_URL` (one or more public origins, comma-separated:
 * their pages' writes pass the origin check, and their names the `Host` check), `LINLI_ALLOWED_HOSTS`
 * (more `Host` names, e.g. an internal name the proxy uses), `TRUST_PROXY` (proxy hops) and
 * `LINLI_REQUEST_LOG=off` (no request log on stdout). The listen address is always allowed. Returns
 * the app options, or the one line that says what is wrong.
 */
export function readDeployment(
  env: DeploymentEnv,
  listenHost: string,
  port: number,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): { ok: true; options: DeploymentOptions } | { ok: false; message: string } {
  const own = listenOrigins(listenHost, port);
  const publicOrigins: string[] = [];
  const hosts = own.map((origin) => new URL(origin).host);
  for (const text of entries(env.LINLI_PUBLIC_URL)) {
    const parsed = publicOrigin(text);
    if (typeof parsed === 'string') return { ok: false, message: parsed };
    publicOrigins.push(parsed.origin);
    hosts.push(parsed.host);
  }
  for (const host of entries(env.LINLI_ALLOWED_HOSTS)) {
    if (!HOST_ENTRY.test(host))
      return { ok: false, message: `LINLI_ALLOWED_HOSTS: "${host}" is not a host name (name or name:port)` };
    hosts.push(host.toLowerCase());
  }
  const trustProxy = parseProxyHops(env.TRUST_PROXY);
  if (trustProxy === undefined)
    return {
      ok: false,
      message: `TRUST_PROXY must be the number of proxies in front of the server (0-32), not "${env.TRUST_PROXY}"`,
    };
  const log = env.LINLI_REQUEST_LOG?.trim().toLowerCase();
  if (log !== undefined && log !== '' && log !== 'on' && log !== 'off')
    return { ok: false, message: `LINLI_REQUEST_LOG must be on or off, not "${env.LINLI_REQUEST_LOG}"` };
  return {
    ok: true,
    options: {
      origins: [...new Set([...own, ...publicOrigins])],
      allowedHosts: [...new Set(hosts)],
      trustProxy,
      requestLog: log === 'off' ? () => {} : write,
    },
  };
}

/** {@link readDeployment} for `linli-server`: a wrong setting is one line on stderr and exit code 2. */
export function deploymentFromEnv(env: DeploymentEnv, listenHost: string, port: number): DeploymentOptions {
  const read = readDeployment(env, listenHost, port);
  if (read.ok) return read.options;
  console.error(`linli: ${read.message}`);
  return process.exit(2);
}

/**
 * Creates the data folder and checks that the server may write in it. A folder it may not use
 * (EACCES, EPERM, a read-only disk) is one line on stderr naming the folder and exit code 1, never a
 * stack trace; the operator fixes the permission or sets LINLI_DATA.
 */
export function ensureDataFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.R_OK | constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    console.error(
      `linli: cannot use the data folder ${dir} (${code}): give this user write permission, or set LINLI_DATA to another folder`,
    );
    process.exit(1);
  }
}
