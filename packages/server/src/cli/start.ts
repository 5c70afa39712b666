#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createGovernance, type EventStore, LinliException } from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { createApp } from '../app.js';
import type { AuthStore } from '../auth/auth-store.js';
import { PostgresAuthStore } from '../auth/postgres-auth-store.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import { checkedStart } from '../checkpoint/checked-start.js';
import { loadSigningKey } from '../checkpoint/signing-key.js';
import { FeedTokens } from '../feeds/feed-tokens.js';
import { parseProxyHops } from '../http/client-address.js';
import { PrecompressedBody } from '../http/precompressed.js';
import { PostgresStore } from '../stores/postgres-store.js';
import { SqliteStore } from '../stores/sqlite-store.js';
import { deploymentFromEnv, ensureDataFolder } from './deployment.js';
import { stopGracefully } from './graceful-stop.js';
import { takeServingLock } from './serving-lock.js';

/** The demo community: 新福康里, seeded on first run. */
const COMMUNITY = 'xfkl';
/** Who the organizer acts as in the log: the seeded motions are theirs, so they can close them early. */
const ORGANIZER = 'residents-committee';
/** Households that get a fresh invite code printed at every start, to try the demo from several phones. */
const DEMO_HOUSEHOLDS = ['u102', 'u602', 'u501'] as const;

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.LINLI_DATA ?? 'data');
// TRUST_PROXY=<hops>: how many reverse proxies stand in front (they append to X-Forwarded-For).
const proxyHops = parseProxyHops(process.env.TRUST_PROXY);
if (proxyHops === undefined) {
  console.error(
    `linli: TRUST_PROXY must be the number of proxies in front of the server (0-32), not "${process.env.TRUST_PROXY}"`,
  );
  process.exit(1);
}
ensureDataFolder(dataDir);
// One serving process per SQLite data folder; a second one exits here, before it touches anything.
const lock = process.env.DATABASE_URL ? undefined : takeServingLock(dataDir);
if (lock?.held === false) {
  console.error(lock.message);
  process.exit(1);
}

// Opening migrates the database; one newer than this code is refused in one line, untouched.
const store: EventStore = await (async () =>
  process.env.DATABASE_URL
    ? await PostgresStore.open(process.env.DATABASE_URL, COMMUNITY)
    : SqliteStore.open(resolve(dataDir, 'linli.sqlite'), COMMUNITY))().catch((e: unknown) => {
  if (!(e instanceof LinliException)) throw e;
  console.error(`linli: ${e.error.message.en}`);
  process.exit(1);
});
// The log is checked before it is served, against the last head this server signed (kept outside
// the database) or LINLI_TRUSTED_HEAD; LINLI_RESTORE=backup.json first fills an empty store from a
// backup (what the organizer's GET /c/xfkl/events answered), refused unless it verifies against them.
const checked = await checkedStart({
  store,
  community: COMMUNITY,
  keyFile: resolve(dataDir, 'signing-key.pem'),
  signingKey: process.env.LINLI_SIGNING_KEY || undefined,
  checkpointFile: resolve(process.env.LINLI_CHECKPOINT_FILE ?? resolve(dataDir, 'checkpoint.json')),
  trustedHead: process.env.LINLI_TRUSTED_HEAD || undefined,
  restoreFrom: process.env.LINLI_RESTORE || undefined,
  publicKey: process.env.LINLI_PUBLIC_KEY || undefined,
});
if (!checked.ok) {
  const { doing, error } = checked.error;
  console.error(`linli: cannot ${doing}: ${typeof error === 'string' ? error : error.message.en}`);
  process.exit(1);
}
const { checkpointer, restored, publicKey } = checked.value;
if (restored)
  console.log(`Restored ${restored.events} events from ${process.env.LINLI_RESTORE} (head ${restored.head})`);
// Ballots arriving together share one durable commit (one fsync), so the log keeps up with a crowd.
// (LINLI_GROUP_COMMIT=off writes one command per transaction, for comparison.)
const governance = await createGovernance({
  store,
  actor: ORGANIZER,
  groupCommit: process.env.LINLI_GROUP_COMMIT !== 'off',
});
const firstRun = governance.head.value.seq === 0;
if (firstRun) await seedScenario(governance);
// Sign-ins live beside the log: in PostgreSQL every server process behind a load balancer shares them.
const auth: AuthStore = process.env.DATABASE_URL
  ? await PostgresAuthStore.open(process.env.DATABASE_URL, COMMUNITY)
  : SqliteAuthStore.open(resolve(dataDir, 'auth.sqlite'), COMMUNITY);
// One organizer token at a time: the one printed by the latest start (a restart rotates it).
const organizerToken = await auth.rotateOrganizerToken();
const inviteCodes: string[] = [];
for (const unit of DEMO_HOUSEHOLDS) inviteCodes.push(await auth.issueInviteCode(unit));

const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const app = createApp(
  new Map([
    [
      COMMUNITY,
      { id: COMMUNITY, store, governance, auth, origins: [origin], checkpoint: () => checkpointer.latest },
    ],
  ]),
  {
    ...deploymentFromEnv(process.env, host, port),
    organizerActor: ORGANIZER,
    // Households' calendar feed tokens come from the signing key (checkedStart created it if new).
    feedTokens: FeedTokens.fromSigningKey(
      loadSigningKey(resolve(dataDir, 'signing-key.pem'), process.env.LINLI_SIGNING_KEY || undefined)
        .privateKey,
    ),
  },
);

const asset = (specifier: string) => readFileSync(fileURLToPath(import.meta.resolve(specifier)));
const demoFile = (name: string) => readFileSync(new URL(`../../demo/${name}`, import.meta.url));
// Compressed once at start: the widget bundle is ~87 KB as is and ~24 KB gzipped, which phones notice.
const started = Date.now().toString(36);
const files = {
  '/': new PrecompressedBody(demoFile('index.html'), 'text/html; charset=utf-8', started),
  '/demo.js': new PrecompressedBody(demoFile('demo.js'), 'text/javascript; charset=utf-8', started),
  '/organizer': new PrecompressedBody(demoFile('organizer.html'), 'text/html; charset=utf-8', started),
  '/organizer.js': new PrecompressedBody(demoFile('organizer.js'), 'text/javascript; charset=utf-8', started),
  '/cdn/linli.js': new PrecompressedBody(
    asset('@linli/widgets/cdn/linli.js'),
    'text/javascript; charset=utf-8',
    started,
  ),
};
for (const [path, file] of Object.entries(files)) app.get(path, (c) => file.respond(c));

const server = serve({ fetch: app.fetch, hostname: host, port }, () => {
  const lines = [
    `Linli demo community 新福康里 ${firstRun ? '(created and seeded)' : `(${governance.head.value.seq} events kept from earlier runs)`}`,
    `  open       ${origin}/`,
    `  data       ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : resolve(dataDir, 'linli.sqlite')}`,
    `  organizer  ${organizerToken}`,
    `  signing    ${publicKey} (checkpoints: Ed25519 public key)`,
    ...DEMO_HOUSEHOLDS.map((unit, i) => `  invite     ${inviteCodes[i]}  (household ${unit.slice(1)}室)`),
    'Tokens and codes are shown once and kept only as hashes. Ctrl+C stops; restarting keeps all data.',
  ];
  console.log(lines.join('\n'));
});
// A busy port is the operator's to fix, not a crash: one line, no stack trace.
server.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EADDRINUSE') throw e;
  console.error(`port ${port} is in use; set PORT`);
  process.exit(1);
});

// Stops accepting, lets in-flight commands finish their commit, then flushes the checkpoint.
const stop = stopGracefully(server as Server, async () => {
  await checkpointer.flush();
  governance.dispose();
  await auth.close();
  await (store as SqliteStore | PostgresStore).close();
  process.exit(0);
});
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
