// Generated data folders are kept under bench/.cache/ (gitignored) between runs: building 1,000
// communities or a year of a large one takes minutes, measuring them seconds. A folder is named by a
// hash of the generator's source and the core's event format, so changing either builds it afresh.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMPTY_HEAD, sealEvents } from '@linli/core';
import { eventRow } from '../../dist/stores/sqlite-store.js';

const here = dirname(fileURLToPath(import.meta.url));
const CACHE = join(here, '..', '.cache');
/** The generator files every bench's data is made with. */
const SHARED = ['cache.mjs', 'data-folder.mjs', 'run-commands.mjs', 'shared-commands.mjs'];

/**
 * A hash of every file the generated data depends on: the shared generator files, the bench's own
 * generator files (`sources`, names in this folder), the core's event format and the text the SQLite
 * store keeps a payload as (a log sealed or stored in an older one would still verify, but would not
 * be what a server writes today, nor load as fast).
 */
function sourceHash(sources) {
  const hash = createHash('sha256');
  const files = SHARED.map((f) => join(here, f));
  for (const source of sources) files.push(join(here, source));
  for (const file of files) hash.update(readFileSync(file));
  // What a fixed draft seals to: it changes with the event format, not with how fast sealing is.
  const [probe] = sealEvents(
    [{ at: '2026-01-01T00:00:00.000Z', actor: 'a', type: 't', payload: { b: [1, { d: 2, c: 3 }], a: '' } }],
    EMPTY_HEAD,
    () => '0'.repeat(32),
  );
  hash.update(probe.hash);
  hash.update(eventRow('c', probe).join('\n'));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The cached folder for `name`, built by `build(dir)` first if it is missing or stale (`sources`: the
 * names of the files in this folder that generate it, beside the shared ones). The folder is
 * built under a temporary name and renamed when complete, so an interrupted build is never used.
 */
export async function cachedFolder(name, sources, build) {
  const dir = join(CACHE, `${name}-${sourceHash(sources)}`);
  if (existsSync(dir)) return { dir, built: false };
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE))
    if (old.startsWith(`${name}-`)) rmSync(join(CACHE, old), { recursive: true, force: true });
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  await build(partial);
  renameSync(partial, dir);
  return { dir, built: true };
}
