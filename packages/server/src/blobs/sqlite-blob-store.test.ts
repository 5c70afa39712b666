import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../stores/sqlite-store.js';
import { blobStoreConformance } from './blob-store.test-support.js';
import { SqliteBlobStore, sqliteBlobMigrations } from './sqlite-blob-store.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-blobs-'));
const file = join(dir, 'linli.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

blobStoreConformance(
  'SqliteBlobStore',
  async (community) => SqliteBlobStore.open(file, community),
  () => `c${n++}`,
);

describe('SqliteBlobStore beside the events', () => {
  it("versions its table apart from the events' user_version, in the same file", async () => {
    const path = join(dir, 'both.sqlite');
    SqliteStore.open(path, 'x').close();
    const blobs = SqliteBlobStore.open(path, 'x');
    await blobs.close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare('SELECT part, version FROM linli_schema_versions').all()).toEqual([
        { part: 'blobs', version: sqliteBlobMigrations.length },
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses a file whose blobs schema is newer than the code, changing nothing', () => {
    const path = join(dir, 'newer.sqlite');
    const db = new Database(path);
    db.exec(
      "CREATE TABLE linli_schema_versions (part TEXT PRIMARY KEY, version INTEGER NOT NULL); INSERT INTO linli_schema_versions VALUES ('blobs', 99)",
    );
    db.close();
    expect(() => SqliteBlobStore.open(path, 'x')).toThrow(/schema|newer|99/i);
  });
});
