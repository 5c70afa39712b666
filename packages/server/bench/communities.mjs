// Many communities on one server: 1,000 communities of 100 households in one SQLite data folder,
// every one touched (opened, its log checked against its signed checkpoint, its state built), then
// ballots cast by signed-in households through the real HTTP app in warm communities. Targets from
// issue #15: RSS ≤ 1.5 GiB with all touched, an idle community opens in ≤ 100 ms at p99, a ballot in a
// warm community takes ≤ 25 ms at p99. `npm run bench` (in packages/server: `node bench/communities.mjs`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../dist/app.js';
import { dataFolder } from './generate/data-folder.mjs';
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

async function measure(dir) {
  const { communities, events, tokens } = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8'));
  const before = memoryAfterGc();
  const all = await touchAll(dataFolder(dir), communities);
  const touched = memoryAfterGc();
  const app = createApp(all.hosted, { organizerActor: OFFICE });
  const casts = [];
  for (let n = 0; n < BALLOTS; n++) {
    const i = n % communities;
    casts.push(await timed(() => ballot(app, i, Math.floor(n / communities), tokens[i])));
  }
  await all.close();
  const open = percentiles(all.opens);
  const cast = percentiles(casts);
  printFigures(
    `Many communities: ${communities} communities of 100 households (${events} events) in one SQLite folder`,
    [
      row('RSS, all touched', mib(touched.rss), '≤ 1536 MiB', ratio(touched.rss, TARGET.rss)),
      row('heap, all touched', mib(touched.heapUsed), '', `(${mib(before.heapUsed)} before)`),
      row('idle open p50', ms(open.p50), '', `(CPU ${ms(open.cpuP50)})`),
      row('idle open p99', ms(open.p99), '≤ 100 ms', ratio(open.p99, TARGET.openP99)),
      row('idle open p99, CPU time', ms(open.cpuP99)),
      row('warm ballot p50', ms(cast.p50), '', `(CPU ${ms(cast.cpuP50)})`),
      row('warm ballot p99', ms(cast.p99), '≤ 25 ms', ratio(cast.p99, TARGET.ballotP99)),
      row('warm ballot p99, CPU time', ms(cast.cpuP99)),
    ],
  );
}

await runBench({
  script: import.meta.url,
  cache: `communities-${COUNT}`,
  sources: ['small-community.mjs', 'many-communities.mjs'],
  build,
  measure,
});
