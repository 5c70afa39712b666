import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'linli-too-new-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('linli-server on a data folder written by a newer Linli', () => {
  it('exits 1 with one clear line, no stack trace, and leaves the database as it was', () => {
    const file = join(dir, 'linli.sqlite');
    copyFileSync(resolve(import.meta.dirname, 'fixtures/unversioned.sqlite'), file);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(file);
    const run = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../dist/cli/start.js')], {
      env: { ...process.env, LINLI_DATA: dir, PORT: '0', HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `linli: ${file} has schema version 99, newer than the 1 this Linli supports: upgrade Linli first; never open it with an older version`,
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
