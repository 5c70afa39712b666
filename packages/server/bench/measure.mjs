// What the benches share: percentiles, memory after collection, and running the measuring half of a
// bench in a fresh process (so that generating its data leaves nothing behind in the figures).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cachedFolder } from './generate/cache.mjs';

/** The `p`th percentile (0–100) of `values`, nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Memory after full collections (needs `--expose-gc`): RSS and heap, bytes. */
export function memoryAfterGc() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
}

export const MiB = 1024 * 1024;
export const ms = (n) => `${n.toFixed(1)} ms`;
export const mib = (bytes) => `${(bytes / MiB).toFixed(0)} MiB`;
/** Our figure over the target: under 1 meets it. */
export const ratio = (ours, target) => `${(ours / target).toFixed(2)}×`;

/**
 * Runs `script` again in a fresh Node with `--expose-gc` and `env` added, passing its output through;
 * answers its exit code.
 */
export function measureInFreshProcess(script, env) {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', ...process.execArgv.filter((a) => a !== '--expose-gc'), script],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  return run.status ?? 1;
}

/** Times `work()`: wall clock, and CPU time (which leaves out moments the machine ran someone else). */
export async function timed(work) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const { user, system } = process.cpuUsage(cpu);
  return { value, wall: performance.now() - started, cpu: (user + system) / 1000 };
}

/** A row of a figures table: our figure, the target and the ratio (or a note). */
export const row = (figure, ours, target = '', against = '') => ({ figure, ours, target, ratio: against });

/** Prints a bench's figures under `title`, and the load average they were measured under. */
export function printFigures(title, rows) {
  console.log(`\n${title}`);
  console.table(rows);
  // Wall-clock figures include every moment the machine gave the CPU to another process.
  const load = loadavg().map((n) => n.toFixed(1));
  console.log(`Load average at the end: ${load.join(', ')} on ${cpus().length} cores`);
}

/**
 * A bench's entry point: builds (or reuses) its cached data folder with `build`, then runs `measure`
 * on it in a fresh process (`script` is the bench's own `import.meta.url`).
 */
export async function runBench({ script, cache, sources, build, measure }) {
  const measuring = process.env.BENCH_MEASURE;
  if (measuring) return measure(measuring);
  const { dir, built } = await cachedFolder(cache, sources, build);
  if (!built) console.log(`Using the generated data in ${dir}`);
  process.exitCode = measureInFreshProcess(fileURLToPath(script), { BENCH_MEASURE: dir });
}
