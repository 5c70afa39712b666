import type { AttachmentType } from '@linli/core';
import type pg from 'pg';
import type { PostgresMigration } from '../stores/migrations.js';
import type { PostgresDatabase } from '../stores/postgres-database.js';
import { type BlobInfo, type BlobStore, type StoredBlob, sha256Of } from './blob-store.js';

/** The `blobs` part's schema steps (its own row in `linli_schema_versions`). */
export const postgresBlobMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    change: 'linli_blobs: attachments by community and SHA-256, bytes as bytea',
    up: async (client) => {
      await client.query(`CREATE TABLE IF NOT EXISTS linli_blobs (
        community text NOT NULL,
        sha256 text NOT NULL,
        type text NOT NULL,
        size integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (community, sha256)
      )`);
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
  size: Number(row.size),
});

/**
 * A community's blobs in PostgreSQL's `linli_blobs` (`bytea`), on the process's one pool, so every
 * server process on the database serves every upload.
 */
export class PostgresBlobStore implements BlobStore {
  private readonly pool: pg.Pool;

  private constructor(
    database: PostgresDatabase,
    private readonly community: string,
  ) {
    this.pool = database.pool;
  }

  /** The blobs of `community` (the table migrated once per process; a newer schema refused). */
  static async on(database: PostgresDatabase, community: string): Promise<PostgresBlobStore> {
    await database.migrate('blobs', postgresBlobMigrations);
    return new PostgresBlobStore(database, community);
  }

  async put(bytes: Uint8Array, type: AttachmentType): Promise<BlobInfo> {
    const sha256 = sha256Of(bytes);
    await this.pool.query(
      `INSERT INTO linli_blobs (community, sha256, type, size, bytes) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (community, sha256) DO NOTHING`,
      [this.community, sha256, type, bytes.length, Buffer.from(bytes)],
    );
    const { rows } = await this.pool.query<InfoRow>(
      'SELECT sha256, type, size FROM linli_blobs WHERE community = $1 AND sha256 = $2',
      [this.community, sha256],
    );
    const row = rows[0];
    return row ? infoOf(row) : { sha256, type, size: bytes.length };
  }

  async get(sha256: string): Promise<StoredBlob | undefined> {
    const { rows } = await this.pool.query<InfoRow & { bytes: Buffer }>(
      'SELECT sha256, type, size, bytes FROM linli_blobs WHERE community = $1 AND sha256 = $2',
      [this.community, sha256],
    );
    const row = rows[0];
    return row && { ...infoOf(row), bytes: new Uint8Array(row.bytes) };
  }

  async missing(hashes: readonly string[]): Promise<string[]> {
    if (hashes.length === 0) return [];
    const { rows } = await this.pool.query<{ sha256: string }>(
      'SELECT sha256 FROM linli_blobs WHERE community = $1 AND sha256 = ANY($2::text[])',
      [this.community, [...hashes]],
    );
    const held = new Set(rows.map((r) => r.sha256));
    return hashes.filter((h) => !held.has(h));
  }

  async list(): Promise<BlobInfo[]> {
    const { rows } = await this.pool.query<InfoRow>(
      'SELECT sha256, type, size FROM linli_blobs WHERE community = $1 ORDER BY sha256 COLLATE "C"',
      [this.community],
    );
    return rows.map(infoOf);
  }

  /** Leaves the database open: the process's other stores share it. */
  async close(): Promise<void> {}
}
