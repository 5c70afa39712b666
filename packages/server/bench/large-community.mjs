// One large community: 10,000 households and a year of activity (~500,000 events, all from real
// commands), loaded as `linli-server` loads it — open the SQLite log, check every event against the
// signed checkpoint, build the governance state. Targets from issue #15: loads in ≤ 2 s, holds
// ≤ 300 MiB. `npm run bench` (in packages/server: `node bench/large-community.mjs`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGovernance } from '@linli/core';
import { verifyAnchored } from '../dist/checkpoint/anchor.js';
import { dataFolder } from './generate/data-folder.mjs';
import { buildLargeCommunity, LARGE_COMMUNITY } from './generate/one-large-community.mjs';
import { MiB, memoryAfterGc, mib, ms, printFigures, ratio, row, runBench, timed } from './measure.mjs';
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
  const { events: log, payloadTexts } = await store.readWithPayloadTexts();
  const read = at() - t;
  const trusted = JSON.parse(readFileSync(data.checkpointFile(LARGE_COMMUNITY), 'utf8'));
  t = at();
  const checked = verifyAnchored(log, trusted, payloadTexts);
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
  const load = await timed(() => openCommunity(data, LARGE_COMMUNITY));
  await load.value.close();
  return load;
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
  printFigures(
    `One large community: 10,000 households, ${events} events (best of ${RUNS} loads after a first)`,
    [
      row('load (open, verify, build)', ms(best), '≤ 2000 ms', ratio(best, TARGET.loadMs)),
      row('load, CPU time', ms(bestCpu)),
      row('  read and parse the rows', ms(steps.read)),
      row('  verify every hash up to the signed head', ms(steps.verify)),
      row('  build the governance state', ms(steps.build)),
      row('heap held after GC', mib(memory.heap), '≤ 300 MiB', ratio(memory.heap, TARGET.held)),
      row('RSS held after GC', mib(memory.rss)),
    ],
  );
}

await runBench({
  script: import.meta.url,
  cache: 'large-community',
  sources: ['large-community.mjs', 'one-large-community.mjs'],
  build,
  measure,
});
