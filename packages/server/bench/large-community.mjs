// One large community: 10,000 households and a year of activity (~500,000 events, all from real
// commands), loaded as `linli-server` loads it — open the SQLite log, check every event against the
// signed checkpoint, build the governance state. Targets from issue #15: loads in ≤ 2 s, holds
// ≤ 300 MiB. `npm run bench` (in packages/server: `node bench/large-community.mjs`).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGovernance } from '@linli/core';
import { verifyAnchored } from '../dist/checkpoint/anchor.js';
import { cachedFolder } from './generate/cache.mjs';
import { dataFolder } from './generate/data-folder.mjs';
import { buildLargeCommunity, LARGE_COMMUNITY } from './generate/one-large-community.mjs';
import { MiB, measureInFreshProcess, memoryAfterGc, mib, ms, ratio } from './measure.mjs';
import { openCommunity } from './open-community.mjs';

const TARGET = { loadMs: 2000, held: 300 * MiB };
/** Loads timed after the one that measures memory (which also has the operating system read the file). */
const RUNS = Number(process.env.BENCH_LOADS ?? 3);

async function build(dir) {
  const started = performance.now();
  const events = await buildLargeCommunity(dir);
  console.log(
    `Generated one community of ${events} events in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** Times each step of the load apart (the bench's open function runs them together). */
async function phases(data) {
  const at = () => performance.now();
  const store = await data.eventStore(LARGE_COMMUNITY);
  let t = at();
  const log = await store.read();
  const read = at() - t;
  const trusted = JSON.parse(readFileSync(data.checkpointFile(LARGE_COMMUNITY), 'utf8'));
  t = at();
  const checked = verifyAnchored(log, trusted);
  const verify = at() - t;
  if (!checked.ok) throw new Error('the log does not verify');
  t = at();
  const governance = await createGovernance({ store, log, verifyOnLoad: false });
  const build = at() - t;
  governance.dispose();
  store.close();
  return { read, verify, build };
}

/** The memory one open community holds after collection: measured in a scope of its own, so nothing else lingers. */
async function held(data, events) {
  const before = memoryAfterGc();
  const community = await openCommunity(data, LARGE_COMMUNITY);
  const after = memoryAfterGc();
  if (community.hosted.governance.head.value.seq !== events) throw new Error('the log did not load whole');
  await community.close();
  return { heap: after.heapUsed - before.heapUsed, rss: after.rss - before.rss };
}

/** One load, timed: wall clock and CPU time. */
async function timedLoad(data) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const community = await openCommunity(data, LARGE_COMMUNITY);
  const { user, system } = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  await community.close();
  return { wall, cpu: (user + system) / 1000 };
}

async function measure(dir) {
  const { events } = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8'));
  const data = dataFolder(dir);
  const memory = await held(data, events);
  const loads = [];
  for (let run = 0; run < RUNS; run++) loads.push(await timedLoad(data));
  const steps = await phases(data);
  const best = Math.min(...loads.map((l) => l.wall));
  const bestCpu = Math.min(...loads.map((l) => l.cpu));
  const row = (figure, ours, target = '', against = '') => ({ figure, ours, target, ratio: against });
  console.log(
    `\nOne large community: 10,000 households, ${events} events (best of ${RUNS} loads after a first)`,
  );
  console.table([
    row('load (open, verify, build)', ms(best), '≤ 2000 ms', ratio(best, TARGET.loadMs)),
    row('load, CPU time', ms(bestCpu)),
    row('  read and parse the rows', ms(steps.read)),
    row('  verify every hash up to the signed head', ms(steps.verify)),
    row('  build the governance state', ms(steps.build)),
    row('heap held after GC', mib(memory.heap), '≤ 300 MiB', ratio(memory.heap, TARGET.held)),
    row('RSS held after GC', mib(memory.rss)),
  ]);
  const load = loadavg().map((n) => n.toFixed(1));
  console.log(`Load average at the end: ${load.join(', ')} on ${cpus().length} cores`);
}

const measuring = process.env.BENCH_MEASURE;
if (measuring) await measure(measuring);
else {
  const sources = ['large-community.mjs', 'one-large-community.mjs'];
  const { dir, built } = await cachedFolder('large-community', sources, build);
  if (!built) console.log(`Using the generated community in ${dir}`);
  process.exitCode = measureInFreshProcess(fileURLToPath(import.meta.url), { BENCH_MEASURE: dir });
}
