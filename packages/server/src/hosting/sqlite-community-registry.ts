import { existsSync } from 'node:fs';
import { LinliException } from '@linli/core';
import Database from 'better-sqlite3';
import { migrateSqlite, type SqliteMigration } from '../stores/migrations.js';
import { type CommunityRegistry, originsFromJson, type RegisteredCommunity } from './community-registry.js';

interface Row {
  id: string;
  name: string;
  created_at: string;
  origins: string;
}

/** The founding event (seq 1) of each community in the log file `eventsFile`, if it has any. */
function foundedIn(eventsFile: string): Omit<RegisteredCommunity, 'origins'>[] {
  if (!existsSync(eventsFile)) return [];
  const events = new Database(eventsFile, { readonly: true });
  try {
    const table = events
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'")
      .get();
    if (!table) return [];
    const rows = events
      .prepare<[], { community: string; at: string; payload: string }>(
        'SELECT community, at, payload FROM events WHERE seq = 1 ORDER BY community',
      )
      .all();
    return rows.map((r) => {
      const name: unknown = (JSON.parse(r.payload) as { name?: unknown }).name;
      return { id: r.community, name: typeof name === 'string' ? name : r.community, created: r.at };
    });
  } finally {
    events.close();
  }
}

/**
 * The registry's schema steps (`PRAGMA user_version` of `communities.sqlite`). Step 1 creates the
 * table and lists every community already in the log file `eventsFile` (named as founded), so a
 * data folder from before the registry keeps serving all its communities.
 */
export function sqliteRegistryMigrations(eventsFile: string): readonly SqliteMigration[] {
  return [
    {
      version: 1,
      change: 'communities: id, name, created, embedding origins; registers the communities in the log',
      up: (db) => {
        db.exec(`CREATE TABLE communities (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          origins TEXT NOT NULL DEFAULT '[]'
        ) WITHOUT ROWID`);
        const insert = db.prepare('INSERT INTO communities (id, name, created_at) VALUES (?, ?, ?)');
        for (const c of foundedIn(eventsFile)) insert.run(c.id, c.name, c.created);
      },
    },
  ];
}

const fromRow = (row: Row): RegisteredCommunity => ({
  id: row.id,
  name: row.name,
  created: row.created_at,
  origins: originsFromJson(row.origins),
});

/** The host's community list in a SQLite file beside the log file (see {@link CommunityRegistry}). */
export class SqliteCommunityRegistry implements CommunityRegistry {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Opens (creating and migrating if needed) the registry at `file`; a new one lists the communities
   * of `eventsFile`. A file newer than the code is refused (`log.schema_too_new`), untouched.
   */
  static open(file: string, eventsFile: string): SqliteCommunityRegistry {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const migrated = migrateSqlite(db, file, sqliteRegistryMigrations(eventsFile));
    if (!migrated.ok) {
      db.close();
      throw new LinliException(migrated.error);
    }
    return new SqliteCommunityRegistry(db);
  }

  async list(): Promise<readonly RegisteredCommunity[]> {
    return this.db.prepare<[], Row>('SELECT * FROM communities ORDER BY id').all().map(fromRow);
  }

  async register(community: Omit<RegisteredCommunity, 'origins'>): Promise<boolean> {
    const inserted = this.db
      .prepare('INSERT INTO communities (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(community.id, community.name, community.created);
    return inserted.changes === 1;
  }

  async editOrigins(
    id: string,
    edit: (origins: readonly string[]) => readonly string[],
  ): Promise<readonly string[] | undefined> {
    const read = this.db.prepare<[string], Row>('SELECT * FROM communities WHERE id = ?');
    const write = this.db.prepare('UPDATE communities SET origins = ? WHERE id = ?');
    const change = this.db.transaction(() => {
      const row = read.get(id);
      if (!row) return undefined;
      const next = edit(originsFromJson(row.origins));
      write.run(JSON.stringify(next), id);
      return next;
    });
    return change.immediate();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
