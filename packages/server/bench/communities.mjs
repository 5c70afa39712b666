// Many communities on one server: 1,000 communities of 100 households in one SQLite data folder,
// every one touched (opened, its log checked against its signed checkpoint, its state built), then
// ballots cast by signed-in households through the real HTTP app in warm communities. Targets from
// issue #15: RSS ≤ 1.5 GiB with all touched, an idle community opens in ≤ 100 ms at p99, a ballot in a
// warm community takes ≤ 25 ms at p99. `npm run bench` (in packages/server: `node bench/communities.mjs`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../dist/app.js';
import { cachedFolder } from './generate/cache.mjs';
import { dataFolder } from './generate/data-folder.mjs';
import { buildCommunities, communityId, voterOf } from './generate/many-communities.mjs';
import { OPEN_MOTION } from './generate/small-community.mjs';
import { measureInFreshProcess, memoryAfterGc, mib, ms, percentile, ratio } from './measure.mjs';
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

async function ballot(app, i, n, token) {
  const body = JSON.stringify({
    command: { type: 'ballot.cast', motionId: OPEN_MOTION, voterId: voterOf(i), vote: n % 2 ? 'no' : 'yes' },
  });
  const started = performance.now();
  const response = await app.fetch(
    new Request(`http://127.0.0.1/c/${communityId(i)}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    }),
  );
  const answer = await response.text();
  if (response.status !== 200) throw new Error(`ballot in ${communityId(i)}: ${response.status} ${answer}`);
  return performance.now() - started;
}

async function measure(dir) {
  const { communities, events, tokens } = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8'));
  const data = dataFolder(dir);
  const before = memoryAfterGc();
  const hosted = new Map();
  const closes = [];
  const opens = [];
  for (let i = 0; i < communities; i++) {
    const started = performance.now();
    const { hosted: h, close } = await openCommunity(data, communityId(i));
    opens.push(performance.now() - started);
    hosted.set(h.id, h);
    closes.push(close);
  }
  const touched = memoryAfterGc();
  const app = createApp(hosted, { organizerActor: OFFICE });
  const times = [];
  for (let n = 0; n < BALLOTS; n++) {
    const i = n % communities;
    times.push(await ballot(app, i, Math.floor(n / communities), tokens[i]));
  }
  await Promise.all(closes.map((close) => close()));
  const open = { p50: percentile(opens, 50), p99: percentile(opens, 99) };
  const cast = { p50: percentile(times, 50), p99: percentile(times, 99) };
  console.log(
    `\nMany communities: ${communities} communities of 100 households (${events} events) in one SQLite folder`,
  );
  console.table([
    {
      figure: 'RSS, all touched',
      ours: mib(touched.rss),
      target: '≤ 1536 MiB',
      ratio: ratio(touched.rss, TARGET.rss),
    },
    {
      figure: 'heap, all touched',
      ours: mib(touched.heapUsed),
      target: '',
      ratio: `(${mib(before.heapUsed)} before)`,
    },
    { figure: 'idle open p50', ours: ms(open.p50), target: '', ratio: '' },
    {
      figure: 'idle open p99',
      ours: ms(open.p99),
      target: '≤ 100 ms',
      ratio: ratio(open.p99, TARGET.openP99),
    },
    { figure: 'warm ballot p50', ours: ms(cast.p50), target: '', ratio: '' },
    {
      figure: 'warm ballot p99',
      ours: ms(cast.p99),
      target: '≤ 25 ms',
      ratio: ratio(cast.p99, TARGET.ballotP99),
    },
  ]);
}

const measuring = process.env.BENCH_MEASURE;
if (measuring) await measure(measuring);
else {
  const { dir, built } = await cachedFolder(
    `communities-${COUNT}`,
    ['small-community.mjs', 'many-communities.mjs'],
    build,
  );
  if (!built) console.log(`Using the generated communities in ${dir}`);
  process.exitCode = measureInFreshProcess(fileURLToPath(import.meta.url), { BENCH_MEASURE: dir });
}
