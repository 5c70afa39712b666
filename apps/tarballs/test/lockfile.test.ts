import { describe, expect, it } from 'vitest';
import {
  integrityOf,
  notInRepoLock,
  type PackageLock,
  type PackedTarball,
  refreshTarballs,
  withInstallScripts,
} from './lockfile.ts';

const core: PackedTarball = {
  name: '@linli/core',
  version: '0.1.0',
  file: 'tarballs/core.tgz',
  dependencies: { zod: '4.6.7' },
  bytes: new TextEncoder().encode('today'),
};

const lock: PackageLock = {
  lockfileVersion: 3,
  packages: {
    '': {},
    'node_modules/@linli/core': {
      version: '0.0.0',
      resolved: 'file:tarballs/core.tgz',
      integrity: integrityOf(new TextEncoder().encode('yesterday')),
      dependencies: { zod: '4.6.7' },
    },
    'node_modules/zod': { version: '4.6.7', resolved: 'https://registry.npmjs.org/zod/-/zod-4.6.7.tgz' },
    'node_modules/better-sqlite3': { version: '12.11.1', hasInstallScript: true },
  },
};

describe('refreshTarballs', () => {
  it("sets each tarball's integrity and version from the bytes just packed", () => {
    const entry = refreshTarballs(lock, [core]).packages['node_modules/@linli/core'];
    expect(entry?.integrity).toBe(integrityOf(core.bytes));
    expect(entry?.integrity).not.toBe(lock.packages['node_modules/@linli/core']?.integrity);
    expect(entry?.version).toBe('0.1.0');
    expect(entry?.resolved).toBe('file:tarballs/core.tgz');
  });

  it('refuses a tarball the lockfile does not point at', () => {
    expect(() => refreshTarballs(lock, [{ ...core, file: 'tarballs/other.tgz' }])).toThrow(/not locked/);
  });

  it('refuses a tarball whose dependencies the lockfile does not know', () => {
    expect(() => refreshTarballs(lock, [{ ...core, dependencies: { zod: '4.6.7', lit: '3.3.3' } }])).toThrow(
      /dependencies changed/,
    );
  });
});

describe('the cache the repo fills', () => {
  it('names registry packages the repo lockfile lacks, at their versions', () => {
    const repo: PackageLock = { lockfileVersion: 3, packages: { 'node_modules/zod': { version: '4.6.6' } } };
    expect(notInRepoLock(lock, repo)).toEqual(['zod@4.6.7', 'better-sqlite3@12.11.1']);
    expect(notInRepoLock(lock, lock)).toEqual([]);
  });

  it('lists the packages whose install scripts are skipped', () => {
    expect(withInstallScripts(lock)).toEqual(['better-sqlite3']);
  });
});
