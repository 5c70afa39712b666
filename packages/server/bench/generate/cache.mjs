// Generated data folders are kept under bench/.cache/ (gitignored) between runs: building 1,000
// communities or a year of a large one takes minutes, measuring them seconds. A folder is named by a
// hash of the generator's source and of the core's sealing code, so changing either builds it afresh.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const CACHE = join(here, '..', '.cache');

/** A hash of every file the generated data depends on: the generators and the core's event sealing. */
function sourceHash() {
  const hash = createHash('sha256');
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .map((f) => join(here, f));
  files.push(join(dirname(fileURLToPath(import.meta.resolve('@linli/core'))), 'log', 'event.js'));
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The cached folder for `name`, built by `build(dir)` first if it is missing or stale. The folder is
 * built under a temporary name and renamed when complete, so an interrupted build is never used.
 */
export async function cachedFolder(name, build) {
  const dir = join(CACHE, `${name}-${sourceHash()}`);
  if (existsSync(dir)) return { dir, built: false };
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE)) if (old.startsWith(`${name}-`)) rmSync(join(CACHE, old), { recursive: true, force: true });
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  await build(partial);
  renameSync(partial, dir);
  return { dir, built: true };
}
