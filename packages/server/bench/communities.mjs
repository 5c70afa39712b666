// Many communities on one server: 1,000 communities of 100 households in one SQLite data folder,
// every one touched (opened, its log checked against its signed checkpoint, its state built), then
// ballots cast by signed-in households through the real HTTP app in warm communities. Targets from
// issue #15: RSS ≤ 1.5 GiB with all touched, an idle community opens in ≤ 100 ms at p99, a ballot in a
// warm community takes ≤ 25 ms at p99. Then the same communities copied into a throwaway PostgreSQL
// (issue #20: within its default max_connections); `BENCH_POSTGRES=off` skips that.
// `npm run bench` (in packages/server: `node bench/communities.mjs`).

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftOf } from '@linli/core';
import pg from 'pg';
import { createApp } from '../dist/app.js';
import { DataFolder } from '../dist/cli/data-folder.js';
import { createDatabase, startPostgres } from '../dist/testing/postgres-cluster.js';
import { dataFolder, signIn } from './generate/data-folder.mjs';
import { buildCommunities, communityId, voterOf } from './generate/many-communities.mjs';
import { OPEN_MOTION } from './generate/small-community.mjs';
import { memoryAfterGc, mib, ms, percentile, printFigures, ratio, row, runBench, timed } from './measure.mjs';
import { openCommunity } from './open-community.mjs';

const COUNT = Number(process.env.BENCH_COMMUNITIES ?? 1000);
/** Ballots timed, spread over all the communities (each signed-in household votes, then changes its mind). */
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 2000);
const OFFICE = 'residents-committee';
const TARGET = { rss: 1.5 * 1024 ** 3, openP99: 100, ballotP99: 25 };

async function build(dir) {
  const started = performance.now();
  const events = await buildCommunities(dir, COUNT);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`Generated ${COUNT} communities, ${events} events, in ${seconds} s`);
}

/** One household's ballot in community `i` through the HTTP app, with its session token. */
async function ballot(app, i, n, token) {
  const body = JSON.stringify({
    command: { type: 'ballot.cast', motionId: OPEN_MOTION, voterId: voterOf(i), vote: n % 2 ? 'no' : 'yes' },
  });
  const request = new Request(`http://127.0.0.1/c/${communityId(i)}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const response = await app.fetch(request);
  const answer = await response.text();
  if (response.status !== 200) throw new Error(`ballot in ${communityId(i)}: ${response.status} ${answer}`);
}

/** p50 and p99 of the wall-clock and CPU times of `timings`. */
function percentiles(timings) {
  const wall = timings.map((t) => t.wall);
  const cpu = timings.map((t) => t.cpu);
  return {
    p50: percentile(wall, 50),
    p99: percentile(wall, 99),
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
  };
}

/** Opens every community and keeps it open, timing each open; answers the app's map and the timings. */
async function touchAll(data, communities) {
  const hosted = new Map();
  const closes = [];
  const opens = [];
  for (let i = 0; i < communities; i++) {
    const open = await timed(() => openCommunity(data, communityId(i)));
    opens.push(open);
    hosted.set(open.value.hosted.id, open.value.hosted);
    closes.push(open.value.close);
  }
  return { hosted, opens, close: () => Promise.all(closes.map((close) => close())) };
}

/** Opens all the communities of `data`, then casts the ballots; answers the figures. */
async function touchAndVote(data, communities, tokens, whileOpen = async () => ({})) {
  const before = memoryAfterGc();
  const all = await touchAll(data, communities);
  const touched = memoryAfterGc();
  const extra = await whileOpen();
  const app = createApp(all.hosted, { organizerActor: OFFICE });
  const casts = [];
  for (let n = 0; n < BALLOTS; n++) {
    const i = n % communities;
    casts.push(await timed(() => ballot(app, i, Math.floor(n / communities), tokens[i])));
  }
  await all.close();
  return { before, touched, open: percentiles(all.opens), cast: percentiles(casts), ...extra };
}

function figureRows({ before, touched, open, cast }) {
  return [
    row('RSS, all touched', mib(touched.rss), '≤ 1536 MiB', ratio(touched.rss, TARGET.rss)),
    row('heap, all touched', mib(touched.heapUsed), '', `(${mib(before.heapUsed)} before)`),
    row('idle open p50', ms(open.p50), '', `(CPU ${ms(open.cpuP50)})`),
    row('idle open p99', ms(open.p99), '≤ 100 ms', ratio(open.p99, TARGET.openP99)),
    row('idle open p99, CPU time', ms(open.cpuP99)),
    row('warm ballot p50', ms(cast.p50), '', `(CPU ${ms(cast.cpuP50)})`),
    row('warm ballot p99', ms(cast.p99), '≤ 25 ms', ratio(cast.p99, TARGET.ballotP99)),
    row('warm ballot p99, CPU time', ms(cast.cpuP99)),
  ];
}

/**
 * The same communities in a throwaway PostgreSQL cluster: each log appended through the server's own
 * store (re-sealed to the very same hashes, so the signed checkpoints copied beside the key still
 * hold), one household per community signed in afresh. Answers the folder and the session tokens.
 */
async function copyToPostgres(dir, url, communities) {
  const folder = mkdtempSync(join(tmpdir(), 'linli-communities-pg-'));
  for (const file of readdirSync(dir).filter((f) => f === 'signing-key.pem' || f.startsWith('checkpoint.')))
    copyFileSync(join(dir, file), join(folder, file));
  const sqlite = dataFolder(dir);
  const postgres = new DataFolder({ LINLI_DATA: folder, DATABASE_URL: url });
  await postgres.migrate();
  const copy = async (i) => {
    const from = await sqlite.eventStore(communityId(i));
    const to = await postgres.eventStore(communityId(i));
    try {
      const events = await from.read();
      const written = await to.append(events.map(draftOf), { expectedSeq: 0 });
      if (!written.ok || written.value.at(-1)?.hash !== events.at(-1)?.hash)
        throw new Error(`${communityId(i)}: not copied to the same hashes`);
    } finally {
      from.close();
      await to.close();
    }
    return signIn(postgres, communityId(i), voterOf(i));
  };
  // A few at a time: sign-in's scrypt runs on the thread pool, and each copy waits on the database.
  const tokens = [];
  for (let i = 0; i < communities; i += 8) {
    const batch = Array.from({ length: Math.min(8, communities - i) }, (_, k) => i + k);
    tokens.push(...(await Promise.all(batch.map(copy))));
  }
  return { folder, data: postgres, tokens };
}

/** Bytes on disk of the log (every partition, its index and TOAST) per event. */
async function bytesPerEvent(url, events) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT sum(pg_total_relation_size(inhrelid))::bigint AS bytes FROM pg_inherits WHERE inhparent = 'linli_events'::regclass",
    );
    return Number(rows[0].bytes) / events;
  } finally {
    await client.end();
  }
}

/** The cluster's connections now, and its `max_connections`. */
async function connections(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const used = await client.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = $1',
      ['client backend'],
    );
    const max = await client.query('SHOW max_connections');
    return { used: used.rows[0].n - 1, max: Number(max.rows[0].max_connections) };
  } finally {
    await client.end();
  }
}

async function measurePostgres(dir, communities, events) {
  let cluster;
  let copied;
  try {
    cluster = await startPostgres();
    const url = await createDatabase(cluster.url, 'communities');
    const started = performance.now();
    copied = await copyToPostgres(dir, url, communities);
    const size = await bytesPerEvent(url, events);
    console.log(
      `Copied into PostgreSQL in ${((performance.now() - started) / 1000).toFixed(0)} s; the log takes ${size.toFixed(0)} bytes an event on disk`,
    );
    const figures = await touchAndVote(copied.data, communities, copied.tokens, async () => ({
      db: await connections(url),
    }));
    printFigures(
      `Many communities on PostgreSQL: ${communities} communities (${events} events) in one database, one process`,
      [
        ...figureRows(figures),
        row(
          'database connections, all open',
          String(figures.db.used),
          `≤ ${figures.db.max} (max_connections)`,
          ratio(figures.db.used, figures.db.max),
        ),
      ],
    );
  } catch (e) {
    console.log(`\nMany communities on PostgreSQL: failed: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  } finally {
    await copied?.data.close();
    cluster?.stop();
    if (copied) rmSync(copied.folder, { recursive: true, force: true });
  }
}

async function measure(dir) {
  const { communities, events, tokens } = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8'));
  const figures = await touchAndVote(dataFolder(dir), communities, tokens);
  printFigures(
    `Many communities: ${communities} communities of 100 households (${events} events) in one SQLite folder`,
    figureRows(figures),
  );
  if (process.env.BENCH_POSTGRES !== 'off') await measurePostgres(dir, communities, events);
}

await runBench({
  script: import.meta.url,
  cache: `communities-${COUNT}`,
  sources: ['small-community.mjs', 'many-communities.mjs'],
  build,
  measure,
});
