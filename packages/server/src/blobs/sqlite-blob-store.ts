import { type AttachmentType, LinliException } from '@linli/core';
import type Database from 'better-sqlite3';
import { migrateSqlitePart, type SqliteMigration } from '../stores/migrations.js';
import { leaseSqlite, type SqliteLease } from '../stores/shared-sqlite.js';
import { type BlobInfo, type BlobStore, type StoredBlob, sha256Of } from './blob-store.js';

/** The `blobs` part's schema steps, versioned apart from the events' (see `migrateSqlitePart`). */
export const sqliteBlobMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    change: 'blobs table: attachments by community and SHA-256',
    up: (db) => {
      db.exec(`CREATE TABLE IF NOT EXISTS blobs (
        community TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        type TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (community, sha256)
      ) WITHOUT ROWID`);
    },
  },
];

interface InfoRow {
  sha256: string;
  type: string;
  size: number;
}

const infoOf = (row: InfoRow): BlobInfo => ({
  sha256: row.sha256,
  type: row.type as AttachmentType,
  size: row.size,
});

/**
 * A community's blobs in the SQLite file of its log (`linli.sqlite`), table `blobs`: one file holds
 * the events and the bytes they name, so copying the file copies both.
 */
export class SqliteBlobStore implements BlobStore {
  private readonly db: Database.Database;

  private constructor(
    private readonly lease: SqliteLease,
    private readonly community: string,
  ) {
    this.db = lease.db;
  }

  /** Opens (and migrates) the blobs of `community` in the file at `path`; throws for a newer schema. */
  static open(path: string, community: string): SqliteBlobStore {
    const lease = leaseSqlite(path, 'blobs', (db) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL'); // an acknowledged upload survives a crash, as an event does
      const migrated = migrateSqlitePart(db, path, 'blobs', sqliteBlobMigrations);
      if (!migrated.ok) throw new LinliException(migrated.error);
    });
    return new SqliteBlobStore(lease, community);
  }

  async put(bytes: Uint8Array, type: AttachmentType): Promise<BlobInfo> {
    const sha256 = sha256Of(bytes);
    this.db
      .prepare(
        'INSERT INTO blobs (community, sha256, type, size, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(this.community, sha256, type, bytes.length, Buffer.from(bytes));
    return (await this.info(sha256)) ?? { sha256, type, size: bytes.length };
  }

  private async info(sha256: string): Promise<BlobInfo | undefined> {
    const row = this.db
      .prepare<[string, string], InfoRow>(
        'SELECT sha256, type, size FROM blobs WHERE community = ? AND sha256 = ?',
      )
      .get(this.community, sha256);
    return row && infoOf(row);
  }

  async get(sha256: string): Promise<StoredBlob | undefined> {
    const row = this.db
      .prepare<[string, string], InfoRow & { bytes: Buffer }>(
        'SELECT sha256, type, size, bytes FROM blobs WHERE community = ? AND sha256 = ?',
      )
      .get(this.community, sha256);
    return row && { ...infoOf(row), bytes: new Uint8Array(row.bytes) };
  }

  async missing(hashes: readonly string[]): Promise<string[]> {
    const has = this.db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM blobs WHERE community = ? AND sha256 = ?',
    );
    return hashes.filter((h) => has.get(this.community, h) === undefined);
  }

  async list(): Promise<BlobInfo[]> {
    return this.db
      .prepare<[string], InfoRow>('SELECT sha256, type, size FROM blobs WHERE community = ? ORDER BY sha256')
      .all(this.community)
      .map(infoOf);
  }

  async close(): Promise<void> {
    this.lease.release();
  }
}
