// What the benches share: percentiles, memory after collection, and running the measuring half of a
// bench in a fresh process (so that generating its data leaves nothing behind in the figures).
import { spawnSync } from 'node:child_process';

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
