// One large community: 10,000 households and a year of activity (~500,000 events, all from real
// commands), loaded as `linli-server` loads it — open the SQLite log, check every event against the
// signed checkpoint, build the governance state. Targets from issue #15: loads in ≤ 2 s, holds
// ≤ 300 MiB. `npm run bench` (in packages/server: `node bench/large-community.mjs`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedFolder } from './generate/cache.mjs';
import { dataFolder } from './generate/data-folder.mjs';
import { buildLargeCommunity, LARGE_COMMUNITY } from './generate/one-large-community.mjs';
import { MiB, measureInFreshProcess, memoryAfterGc, mib, ms, ratio } from './measure.mjs';
import { openCommunity } from './open-community.mjs';

const TARGET = { loadMs: 2000, held: 300 * MiB };
/** Loads timed; the first also counts the operating system reading the file. */
const RUNS = Number(process.env.BENCH_LOADS ?? 3);

async function build(dir) {
  const started = performance.now();
  const events = await buildLargeCommunity(dir);
  console.log(
    `Generated one community of ${events} events in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

async function measure(dir) {
  const { events } = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8'));
  const data = dataFolder(dir);
  const loads = [];
  let held;
  for (let run = 0; run < RUNS; run++) {
    const before = memoryAfterGc();
    const started = performance.now();
    const community = await openCommunity(data, LARGE_COMMUNITY);
    loads.push(performance.now() - started);
    const after = memoryAfterGc();
    held = {
      heap: after.heapUsed - before.heapUsed,
      rss: after.rss - before.rss,
      external: after.external - before.external,
    };
    if (community.hosted.governance.head.value.seq !== events) throw new Error('the log did not load whole');
    await community.close();
  }
  const best = Math.min(...loads);
  console.log(
    `\nOne large community: 10,000 households, ${events} events (best of ${RUNS} loads; first ${ms(loads[0])})`,
  );
  console.table([
    {
      figure: 'load (open, verify, build)',
      ours: ms(best),
      target: '≤ 2000 ms',
      ratio: ratio(best, TARGET.loadMs),
    },
    {
      figure: 'heap held after GC',
      ours: mib(held.heap),
      target: '≤ 300 MiB',
      ratio: ratio(held.heap, TARGET.held),
    },
    {
      figure: 'RSS held after GC',
      ours: mib(held.rss),
      target: '',
      ratio: `(external ${mib(held.external)})`,
    },
  ]);
}

const measuring = process.env.BENCH_MEASURE;
if (measuring) await measure(measuring);
else {
  const sources = ['large-community.mjs', 'one-large-community.mjs'];
  const { dir, built } = await cachedFolder('large-community', sources, build);
  if (!built) console.log(`Using the generated community in ${dir}`);
  process.exitCode = measureInFreshProcess(fileURLToPath(import.meta.url), { BENCH_MEASURE: dir });
}
