import { createHash } from 'node:crypto';

/** One entry of `package-lock.json`'s `packages` map, as far as this test reads it. */
export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  hasInstallScript?: boolean;
  link?: boolean;
}

/** A `package-lock.json` (lockfileVersion 3). */
export interface PackageLock {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

/** A tarball `npm pack` wrote, with what its lockfile entry must say. */
export interface PackedTarball {
  /** The package's name, e.g. `@linli/core`. */
  readonly name: string;
  readonly version: string;
  /** Where the fixture's package.json points, relative to the project: `tarballs/core.tgz`. */
  readonly file: string;
  /** The packed package.json's `dependencies`. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** The tarball's bytes. */
  readonly bytes: Uint8Array;
}

/** The Subresource Integrity string npm records for a tarball. */
export function integrityOf(bytes: Uint8Array): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/** The command that regenerates the committed lockfile; every failure below names it. */
export const UPDATE_LOCK = 'cd apps/tarballs && LINLI_TARBALLS_UPDATE_LOCK=1 npx vitest run';

/**
 * The lockfile with each packed tarball's `version` and `integrity` set from the bytes just packed.
 * A stale integrity would not fail: npm would quietly install the tarball it cached on an earlier run,
 * so a package missing a file today could pass on yesterday's bytes. Dependencies are compared, not
 * rewritten: a dependency the lockfile does not know means the lockfile must be regenerated.
 */
export function refreshTarballs(lock: PackageLock, packed: readonly PackedTarball[]): PackageLock {
  const packages = { ...lock.packages };
  for (const tarball of packed) {
    const key = `node_modules/${tarball.name}`;
    const entry = packages[key];
    if (entry?.resolved !== `file:${tarball.file}`) {
      throw new Error(
        `${key} is not locked to file:${tarball.file}; regenerate the lockfile: ${UPDATE_LOCK}`,
      );
    }
    const locked = JSON.stringify(sorted(entry.dependencies ?? {}));
    if (locked !== JSON.stringify(sorted(tarball.dependencies))) {
      throw new Error(`${tarball.name}'s dependencies changed since the lockfile was made; ${UPDATE_LOCK}`);
    }
    packages[key] = { ...entry, version: tarball.version, integrity: integrityOf(tarball.bytes) };
  }
  return { ...lock, packages };
}

/**
 * Registry packages the lockfile needs that the repo's own lockfile does not hold at the same version.
 * `npm ci --offline` can only install what the repo's `npm ci` put in the cache.
 */
export function notInRepoLock(lock: PackageLock, repoLock: PackageLock): string[] {
  const held = new Set(Object.entries(repoLock.packages).map(([path, e]) => `${nameAt(path)}@${e.version}`));
  return Object.entries(lock.packages)
    .filter(([path, e]) => path !== '' && !e.resolved?.startsWith('file:'))
    .map(([path, e]) => `${nameAt(path)}@${e.version}`)
    .filter((id) => !held.has(id));
}

/** Packages of the lockfile whose install scripts `npm ci --ignore-scripts` skips. */
export function withInstallScripts(lock: PackageLock): string[] {
  return Object.entries(lock.packages)
    .filter(([, e]) => e.hasInstallScript === true)
    .map(([path]) => nameAt(path));
}

function nameAt(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function sorted(record: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
