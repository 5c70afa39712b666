import Database from 'better-sqlite3';

/** A use of a shared connection; `release` once when done (a second call does nothing). */
export interface SqliteLease {
  readonly db: Database.Database;
  release(): void;
}

interface Shared {
  readonly db: Database.Database;
  /** The kinds of store already set up on this connection (their schema migrated). */
  readonly prepared: Set<string>;
  users: number;
}

const open = new Map<string, Shared>();

/**
 * A connection to the SQLite file at `path`, shared by every store of this process that opens the
 * same file: a server hosting 1,000 communities keeps one connection (one page cache, one schema)
 * per file instead of one per community, which is most of what an idle community costs and a third
 * of what opening one costs. Sharing is safe because better-sqlite3 runs each statement and each
 * transaction synchronously: nothing of another store can run inside one. `setUp` (pragmas,
 * migrations) runs once per connection and `kind`; if it throws, the lease is not taken. `:memory:`
 * is never shared (each is its own database).
 */
export function leaseSqlite(path: string, kind: string, setUp: (db: Database.Database) => void): SqliteLease {
  const shareable = path !== ':memory:' && path !== '';
  let shared = shareable ? open.get(path) : undefined;
  const fresh = shared === undefined;
  if (!shared) shared = { db: new Database(path), prepared: new Set(), users: 0 };
  if (!shared.prepared.has(kind)) {
    try {
      setUp(shared.db);
    } catch (e) {
      if (fresh) shared.db.close();
      throw e;
    }
    shared.prepared.add(kind);
  }
  if (fresh && shareable) open.set(path, shared);
  shared.users += 1;
  const entry = shared;
  let released = false;
  return {
    db: entry.db,
    release() {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users > 0) return;
      if (open.get(path) === entry) open.delete(path);
      entry.db.close();
    },
  };
}
