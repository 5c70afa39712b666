import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve as listen } from '@hono/node-server';
import { type Clock, LinliException } from '@linli/core';
import { createApp } from '../app.js';
import type { AuthStore } from '../auth/auth-store.js';
import type { IssuedOrganizer } from '../auth/organizers.js';
import { attachmentLimitFromEnv } from '../blobs/attachment-limit.js';
import { loadSigningKey, type SigningKey } from '../checkpoint/signing-key.js';
import { FeedTokens } from '../feeds/feed-tokens.js';
import type { CommunityHost } from '../hosting/community-host.js';
import type { ListedCommunity } from '../hosting/community-source.js';
import { type CommunityWatcher, hostFolder, type OpenedFromFolder } from '../hosting/data-folder-host.js';
import { readHostSettings } from '../hosting/host-settings.js';
import { parseProxyHops } from '../http/client-address.js';
import type { HostedCommunity } from '../http/env.js';
import { PrecompressedBody } from '../http/precompressed.js';
import type { SetupHost } from '../setup/setup-host.js';
import { SetupToken } from '../setup/setup-token.js';
import { CliFailure } from './backup.js';
import { cdnFiles } from './cdn-files.js';
import { UsageError } from './command-line.js';
import { DataFolder, DEMO_COMMUNITY } from './data-folder.js';
import { deploymentFromEnv } from './deployment.js';
import { dueWorkSettings, dueWorkWatcher, startDueWork } from './due-work.js';
import { stopGracefully } from './graceful-stop.js';
import { listenOrigins } from './origins.js';
import { takeServingLock } from './serving-lock.js';
import { processClock } from './test-clock.js';

/**
 * The office every organizer acts in (each as `residents-committee/<organizer id>`): the demo seeds
 * its motions under it, so any organizer of a community manages any of its motions.
 */
const OFFICE = 'residents-committee';
/** The demo community's name, as its seed founds it. */
const DEMO_NAME = '新福康里';
/** The organizer the demo prints a token for: created on the first demo start, re-issued at each. */
const DEMO_ORGANIZER = '居委会（演示） demo organizer';
/** Households that get a fresh invite code printed at every demo start, to try it from several phones. */
const DEMO_HOUSEHOLDS = ['u102', 'u602', 'u501'] as const;

/** The demo organizer's token: the same account every start, with a new token printed. */
async function demoOrganizer(auth: AuthStore): Promise<IssuedOrganizer> {
  const existing = (await auth.organizers()).find((o) => o.name === DEMO_ORGANIZER && !o.revokedAt);
  const reissued = existing && (await auth.reissueOrganizerToken(existing.id));
  return reissued ?? auth.addOrganizer(DEMO_ORGANIZER, 'residents-committee');
}

/** The widget bundles (see `cdnFiles`), and in `demo` its hand-written pages, compressed once at start. */
function staticFiles(mode: 'serve' | 'demo'): Record<string, PrecompressedBody> {
  const demoFile = (name: string) => readFileSync(new URL(`../../demo/${name}`, import.meta.url));
  const js = 'text/javascript; charset=utf-8';
  const cdn = cdnFiles();
  if (mode === 'serve') return cdn;
  return {
    ...cdn,
    '/': new PrecompressedBody(demoFile('index.html'), 'text/html; charset=utf-8'),
    '/demo.js': new PrecompressedBody(demoFile('demo.js'), js),
    '/organizer': new PrecompressedBody(demoFile('organizer.html'), 'text/html; charset=utf-8'),
    '/organizer.js': new PrecompressedBody(demoFile('organizer.js'), js),
  };
}

/** One line for a refusal at start (a newer schema, an unverifiable log): never a stack trace. */
const oneLine = (e: unknown) => (e instanceof LinliException ? new CliFailure(e.error.message.en) : e);

/**
 * The host of the data folder's communities, its databases migrated first. In `demo`, 新福康里
 * (`xfkl`) is listed before anything is served and seeded when it is first opened.
 */
async function startHost(
  mode: 'serve' | 'demo',
  data: DataFolder,
  watch: CommunityWatcher,
  key: SigningKey,
  opened: (id: string, community: OpenedFromFolder) => void,
  clock: Clock,
): Promise<CommunityHost> {
  const settings = readHostSettings(process.env);
  if (!settings.ok) throw new UsageError(settings.message);
  await data.migrate().catch((e: unknown) => {
    throw oneLine(e);
  });
  const { idleMs, maxOpen } = settings;
  const host = await hostFolder(
    data,
    {
      office: OFFICE,
      watch,
      key,
      clock,
      idleMs,
      ...(maxOpen === undefined ? {} : { maxOpen }),
      ...(mode === 'demo' ? { seed: DEMO_COMMUNITY } : {}),
    },
    opened,
  );
  if (mode === 'demo') {
    const registry = await data.registry();
    await registry.register({ id: DEMO_COMMUNITY, name: DEMO_NAME, created: new Date().toISOString() });
    await registry.close();
  }
  await host.start();
  return host;
}

/**
 * Serves the data folder's communities, each opened when first asked for and closed when idle (see
 * `CommunityHost`): `demo` also seeds 新福康里 (`xfkl`) on first run — the one community opened at
 * start, for its banner's organizer token and invite codes; `serve` seeds nothing and starts empty
 * when there is no community, saying how to create one.
 */
export async function serve(mode: 'serve' | 'demo', data = new DataFolder()): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  // TRUST_PROXY=<hops>: how many reverse proxies stand in front (they append to X-Forwarded-For).
  const proxyHops = parseProxyHops(process.env.TRUST_PROXY);
  if (proxyHops === undefined)
    throw new CliFailure(
      `TRUST_PROXY must be the number of proxies in front of the server (0-32), not "${process.env.TRUST_PROXY}"`,
    );
  const attachmentLimit = attachmentLimitFromEnv(process.env.LINLI_ATTACHMENT_MAX_BYTES);
  if (!attachmentLimit.ok) throw new CliFailure(attachmentLimit.message);
  // One serving process per SQLite data folder; a second one exits here, before it touches anything.
  const lock = data.databaseUrl ? undefined : takeServingLock(data.dir);
  if (lock?.held === false) throw new CliFailure(lock.message.replace(/^linli: /, ''));
  let demo: OpenedFromFolder | undefined;
  const dueWork = dueWorkSettings();
  const clock = processClock();
  const dueWorkTable = await data.dueWorkTable();
  const rateLimits = await data.rateLimits();
  // Loaded (or created) once: every community's checkpoints and the households' feed tokens use it.
  const key = loadSigningKey(data.keyFile, process.env.LINLI_SIGNING_KEY || undefined);
  const communities = await startHost(
    mode,
    data,
    dueWorkWatcher(dueWorkTable, clock),
    key,
    (id, opened) => {
      if (id === DEMO_COMMUNITY) demo = opened;
    },
    clock,
  );
  const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const deployment = deploymentFromEnv(process.env, host, port);
  const setupToken = new SetupToken(data.setupTokenFile);
  const app = createApp(communities, {
    ...deployment,
    organizerActor: OFFICE,
    // Households' calendar feed tokens come from the signing key.
    feedTokens: FeedTokens.fromSigningKey(key.privateKey),
    shell: { home: mode === 'serve' },
    setup: { token: setupToken, host: setupHost(communities) },
    rateLimits,
    maxAttachmentBytes: attachmentLimit.bytes,
    clock,
  });
  // The demo's hand-written pages (about 新福康里 alone) only where it is served; `serve` has the shell there.
  for (const [path, file] of Object.entries(staticFiles(mode))) app.get(path, (c) => file.respond(c));
  const own = new Set(listenOrigins(host, port));
  const publicOrigin = deployment.origins?.find((o) => !own.has(o)) ?? origin;
  // Motions past their deadline and months begun are done before the first request, then as they fall due.
  const stopDueWork = await startDueWork(dueWorkTable, communities, dueWork, clock);
  const listed = await communities.listed();
  const banner =
    mode === 'demo'
      ? await communities
          .withCommunity(DEMO_COMMUNITY, (hosted) => demoBanner(hosted, demo, origin, data))
          .catch((e: unknown) => {
            throw oneLine(e);
          })
      : serveBanner(listed, origin, data, setupLink(setupToken, listed.length === 0, publicOrigin));

  const server = listen({ fetch: app.fetch, hostname: host, port }, () =>
    console.log((banner ?? []).join('\n')),
  );
  // A busy port is the operator's to fix, not a crash: one line, no stack trace.
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE') throw e;
    console.error(`port ${port} is in use; set PORT`);
    process.exit(1);
  });
  // Stops accepting, lets in-flight commands finish their commit, then closes what is open.
  const stop = stopGracefully(server as Server, async () => {
    await stopDueWork();
    await communities.close();
    await dueWorkTable.close();
    await data.close();
    process.exit(0);
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** `/setup` on the host: the first community is founded, listed and served at once. */
function setupHost(communities: CommunityHost): SetupHost {
  return {
    hasCommunity: async () => (await communities.listed()).length > 0,
    found: (id, name) => communities.found(id, name),
    withCommunity: (id, work) => communities.withCommunity(id, work),
  };
}

/**
 * The one-time setup link while no community exists: a new token at every such start (the hash
 * replaces the last one), in the fragment so no server or proxy log ever sees it. Once a community
 * exists the token is forgotten and setup stays closed.
 */
function setupLink(token: SetupToken, open: boolean, origin: string): string | undefined {
  if (!open) {
    token.consume();
    return undefined;
  }
  return `${origin}/setup#token=${token.issue()}`;
}

async function demoBanner(
  hosted: HostedCommunity,
  opened: OpenedFromFolder | undefined,
  origin: string,
  data: DataFolder,
): Promise<string[]> {
  const { auth, governance } = hosted;
  const { organizer, token } = await demoOrganizer(auth);
  const lines = [
    `Linli demo community 新福康里 ${opened?.seeded ? '(created and seeded)' : `(${governance.head.value.seq} events kept from earlier runs)`}`,
    `  open       ${origin}/`,
    `  data       ${data.description}`,
    `  organizer  ${token}  (${organizer.id}, ${organizer.name})`,
    `  signing    ${opened?.publicKey} (checkpoints: Ed25519 public key)`,
  ];
  for (const unit of DEMO_HOUSEHOLDS)
    lines.push(`  invite     ${await auth.issueInviteCode(unit)}  (household ${unit.slice(1)}室)`);
  lines.push(
    'Tokens and codes are shown once and kept only as hashes. Ctrl+C stops; restarting keeps all data.',
  );
  return lines;
}

function serveBanner(
  listed: readonly ListedCommunity[],
  origin: string,
  data: DataFolder,
  setup: string | undefined,
): string[] {
  const lines = [`Linli serving ${listed.length} communit${listed.length === 1 ? 'y' : 'ies'}`];
  lines.push(`  data       ${data.description}`);
  for (const c of listed) lines.push(`  community  ${origin}/c/${c.id}/  ${c.name}`);
  if (setup !== undefined) {
    lines.push(`  setup      ${setup}`);
    lines.push('             open it to create the first community and its organizer (one use;');
    lines.push('             or: linli-server community create <id> --name <name>, no restart needed)');
  }
  lines.push(
    'Communities open when first visited and close when idle. Ctrl+C stops; restarting keeps all data.',
  );
  return lines;
}
