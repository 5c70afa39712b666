import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve as listen } from '@hono/node-server';
import { createGovernance, LinliException } from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { createApp } from '../app.js';
import type { AuthStore } from '../auth/auth-store.js';
import type { IssuedOrganizer } from '../auth/organizers.js';
import { checkedStart } from '../checkpoint/checked-start.js';
import type { Checkpointer } from '../checkpoint/checkpointer.js';
import { loadSigningKey } from '../checkpoint/signing-key.js';
import { FeedTokens } from '../feeds/feed-tokens.js';
import { parseProxyHops } from '../http/client-address.js';
import type { HostedCommunity } from '../http/env.js';
import { PrecompressedBody } from '../http/precompressed.js';
import { CliFailure } from './backup.js';
import { DataFolder, DEMO_COMMUNITY } from './data-folder.js';
import { deploymentFromEnv } from './deployment.js';
import { stopGracefully } from './graceful-stop.js';
import { takeServingLock } from './serving-lock.js';

/**
 * The office every organizer acts in (each as `residents-committee/<organizer id>`): the demo seeds
 * its motions under it, so any organizer of a community manages any of its motions.
 */
const OFFICE = 'residents-committee';
/** The organizer the demo prints a token for: created on the first demo start, re-issued at each. */
const DEMO_ORGANIZER = '居委会（演示） demo organizer';
/** Households that get a fresh invite code printed at every demo start, to try it from several phones. */
const DEMO_HOUSEHOLDS = ['u102', 'u602', 'u501'] as const;

/** One community as served, with what its start printed. */
interface Served {
  readonly hosted: HostedCommunity;
  readonly checkpointer: Checkpointer;
  readonly close: () => Promise<void>;
}

/** Opens, checks (see `checkedStart`) and hosts one community of the data folder. */
async function openCommunity(
  data: DataFolder,
  id: string,
  seed: boolean,
): Promise<Served & { seeded: boolean; publicKey: string }> {
  // Opening migrates the database; one newer than this code is refused in one line, untouched.
  const store = await data.eventStore(id).catch((e: unknown) => {
    throw e instanceof LinliException ? new CliFailure(e.error.message.en) : e;
  });
  // The log is checked before it is served, against the last head this server signed (kept outside
  // the database) or LINLI_TRUSTED_HEAD; LINLI_RESTORE=backup.json first fills the demo's empty store.
  const checked = await checkedStart({
    store,
    community: id,
    keyFile: data.keyFile,
    signingKey: process.env.LINLI_SIGNING_KEY || undefined,
    checkpointFile: data.checkpointFile(id),
    trustedHead: process.env.LINLI_TRUSTED_HEAD || undefined,
    restoreFrom: (seed && process.env.LINLI_RESTORE) || undefined,
    publicKey: process.env.LINLI_PUBLIC_KEY || undefined,
  });
  if (!checked.ok) {
    const { doing, error } = checked.error;
    throw new CliFailure(`cannot ${doing}: ${typeof error === 'string' ? error : error.message.en}`);
  }
  const { checkpointer, restored, publicKey, log } = checked.value;
  if (restored)
    console.log(
      `Restored ${restored.events} events from ${process.env.LINLI_RESTORE} (head ${restored.head})`,
    );
  // Ballots arriving together share one durable commit (one fsync), so the log keeps up with a crowd.
  // checkedStart has just read and verified every event: the state is built from those, not re-read.
  const governance = await createGovernance({
    store,
    log,
    verifyOnLoad: false,
    actor: OFFICE,
    groupCommit: process.env.LINLI_GROUP_COMMIT !== 'off',
  });
  const seeded = seed && governance.head.value.seq === 0;
  if (seeded) await seedScenario(governance);
  // Sign-ins live beside the log: in PostgreSQL every server process behind a load balancer shares them.
  const auth = await data.authStore(id);
  const hosted: HostedCommunity = {
    id,
    store,
    governance,
    auth,
    origins: [],
    checkpoint: () => checkpointer.latest,
  };
  const close = async () => {
    await checkpointer.flush();
    governance.dispose();
    await auth.close();
    await store.close();
  };
  return { hosted, checkpointer, close, seeded, publicKey };
}

/** The demo organizer's token: the same account every start, with a new token printed. */
async function demoOrganizer(auth: AuthStore): Promise<IssuedOrganizer> {
  const existing = (await auth.organizers()).find((o) => o.name === DEMO_ORGANIZER && !o.revokedAt);
  const reissued = existing && (await auth.reissueOrganizerToken(existing.id));
  return reissued ?? auth.addOrganizer(DEMO_ORGANIZER, 'residents-committee');
}

/** The demo pages and the widget bundle, compressed once at start (the bundle is ~87 KB, ~24 KB gzipped). */
function staticFiles(): Record<string, PrecompressedBody> {
  const asset = (specifier: string) => readFileSync(fileURLToPath(import.meta.resolve(specifier)));
  const demoFile = (name: string) => readFileSync(new URL(`../../demo/${name}`, import.meta.url));
  const started = Date.now().toString(36);
  const js = 'text/javascript; charset=utf-8';
  return {
    '/': new PrecompressedBody(demoFile('index.html'), 'text/html; charset=utf-8', started),
    '/demo.js': new PrecompressedBody(demoFile('demo.js'), js, started),
    '/organizer': new PrecompressedBody(demoFile('organizer.html'), 'text/html; charset=utf-8', started),
    '/organizer.js': new PrecompressedBody(demoFile('organizer.js'), js, started),
    '/cdn/linli.js': new PrecompressedBody(asset('@linli/widgets/cdn/linli.js'), js, started),
  };
}

/**
 * Serves the data folder's communities: `demo` also seeds 新福康里 (`xfkl`) on first run and prints
 * a demo organizer token and invite codes; `serve` seeds nothing and starts empty when there is no
 * community, saying how to create one. One function builds the app so deployment options plug in here.
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
  // One serving process per SQLite data folder; a second one exits here, before it touches anything.
  const lock = data.databaseUrl ? undefined : takeServingLock(data.dir);
  if (lock?.held === false) throw new CliFailure(lock.message.replace(/^linli: /, ''));
  const ids = new Set(await data.communities());
  if (mode === 'demo') ids.add(DEMO_COMMUNITY);
  const served: (Served & { seeded: boolean; publicKey: string })[] = [];
  for (const id of ids) served.push(await openCommunity(data, id, mode === 'demo' && id === DEMO_COMMUNITY));
  const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const app = createApp(new Map(served.map((s) => [s.hosted.id, { ...s.hosted, origins: [origin] }])), {
    ...deploymentFromEnv(process.env, host, port),
    organizerActor: OFFICE,
    // Households' calendar feed tokens come from the signing key (checkedStart created it if new).
    feedTokens: FeedTokens.fromSigningKey(
      loadSigningKey(data.keyFile, process.env.LINLI_SIGNING_KEY || undefined).privateKey,
    ),
  });
  for (const [path, file] of Object.entries(staticFiles())) app.get(path, (c) => file.respond(c));
  const demo = served.find((s) => s.hosted.id === DEMO_COMMUNITY);
  const banner =
    mode === 'demo' && demo ? await demoBanner(demo, origin, data) : serveBanner(served, origin, data);

  const server = listen({ fetch: app.fetch, hostname: host, port }, () => console.log(banner.join('\n')));
  // A busy port is the operator's to fix, not a crash: one line, no stack trace.
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE') throw e;
    console.error(`port ${port} is in use; set PORT`);
    process.exit(1);
  });
  // Stops accepting, lets in-flight commands finish their commit, then flushes the checkpoints.
  const stop = stopGracefully(server as Server, async () => {
    await Promise.all(served.map((s) => s.close()));
    process.exit(0);
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function demoBanner(
  demo: Served & { seeded: boolean; publicKey: string },
  origin: string,
  data: DataFolder,
): Promise<string[]> {
  const { auth, governance } = demo.hosted;
  const { organizer, token } = await demoOrganizer(auth);
  const lines = [
    `Linli demo community 新福康里 ${demo.seeded ? '(created and seeded)' : `(${governance.head.value.seq} events kept from earlier runs)`}`,
    `  open       ${origin}/`,
    `  data       ${data.description}`,
    `  organizer  ${token}  (${organizer.id}, ${organizer.name})`,
    `  signing    ${demo.publicKey} (checkpoints: Ed25519 public key)`,
  ];
  for (const unit of DEMO_HOUSEHOLDS)
    lines.push(`  invite     ${await auth.issueInviteCode(unit)}  (household ${unit.slice(1)}室)`);
  lines.push(
    'Tokens and codes are shown once and kept only as hashes. Ctrl+C stops; restarting keeps all data.',
  );
  return lines;
}

function serveBanner(served: readonly Served[], origin: string, data: DataFolder): string[] {
  const lines = [`Linli serving ${served.length} communit${served.length === 1 ? 'y' : 'ies'}`];
  lines.push(`  data       ${data.description}`);
  for (const s of served)
    lines.push(
      `  community  ${origin}/c/${s.hosted.id}/  ${s.hosted.governance.community.value.community?.name ?? ''}`,
    );
  if (served.length === 0)
    lines.push('  none yet:  linli-server community create <id> --name <name>, then restart linli-server');
  lines.push('Ctrl+C stops; restarting keeps all data.');
  return lines;
}
