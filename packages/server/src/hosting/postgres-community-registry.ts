import type pg from 'pg';
import type { PostgresMigration } from '../stores/migrations.js';
import { PostgresDatabase } from '../stores/postgres-database.js';
import { type CommunityRegistry, originsFromJson, type RegisteredCommunity } from './community-registry.js';

interface Row {
  id: string;
  name: string;
  created_at: string;
  origins: unknown;
}

/**
 * The registry's schema steps (the `communities` row of the version table). Step 1 creates
 * `linli_communities` and lists every community already in `linli_events` (named as founded), so a
 * database from before the registry keeps serving all its communities.
 */
export const postgresRegistryMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    change: 'linli_communities: id, name, created, embedding origins; registers the communities in the log',
    up: async (client) => {
      await client.query(`CREATE TABLE linli_communities (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at text NOT NULL,
        origins jsonb NOT NULL DEFAULT '[]'
      )`);
      const events = await client.query<{ found: boolean }>(
        "SELECT to_regclass('linli_events') IS NOT NULL AS found",
      );
      if (events.rows[0]?.found)
        await client.query(`INSERT INTO linli_communities (id, name, created_at)
          SELECT community, COALESCE(payload->>'name', community), at FROM linli_events WHERE seq = 1`);
    },
  },
];

const fromRow = (row: Row): RegisteredCommunity => ({
  id: row.id,
  name: row.name,
  created: row.created_at,
  origins: originsFromJson(row.origins),
});

/** The host's community list in PostgreSQL's `linli_communities` (see {@link CommunityRegistry}). */
export class PostgresCommunityRegistry implements CommunityRegistry {
  private constructor(
    private readonly pool: pg.Pool,
    /** Closed with the registry: a database it opened for itself ({@link PostgresCommunityRegistry.open}). */
    private readonly owned: PostgresDatabase | undefined,
  ) {}

  /** The registry on a process's shared `database` (migrated once per process; a newer schema refused). */
  static async on(database: PostgresDatabase): Promise<PostgresCommunityRegistry> {
    await database.migrate('communities', postgresRegistryMigrations);
    return new PostgresCommunityRegistry(database.pool, undefined);
  }

  /** Connects with a database of its own, closed with the registry; a newer schema is refused (`log.schema_too_new`). */
  static async open(connectionString: string): Promise<PostgresCommunityRegistry> {
    // Two connections: the list is read rarely, and an origin edit is one short transaction.
    return PostgresDatabase.owned(connectionString, { poolSize: 2 }, async (database) => {
      await database.migrate('communities', postgresRegistryMigrations);
      return new PostgresCommunityRegistry(database.pool, database);
    });
  }

  async list(): Promise<readonly RegisteredCommunity[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM linli_communities ORDER BY id');
    return rows.map(fromRow);
  }

  async register(community: Omit<RegisteredCommunity, 'origins'>): Promise<boolean> {
    const inserted = await this.pool.query(
      'INSERT INTO linli_communities (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
      [community.id, community.name, community.created],
    );
    return inserted.rowCount === 1;
  }

  async editOrigins(
    id: string,
    edit: (origins: readonly string[]) => readonly string[],
  ): Promise<readonly string[] | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<Row>('SELECT * FROM linli_communities WHERE id = $1 FOR UPDATE', [
        id,
      ]);
      const row = rows[0];
      if (!row) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const next = edit(originsFromJson(row.origins));
      await client.query('UPDATE linli_communities SET origins = $1 WHERE id = $2', [
        JSON.stringify(next),
        id,
      ]);
      await client.query('COMMIT');
      return next;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** Closes the database if the registry opened its own; a shared one stays open. */
  async close(): Promise<void> {
    await this.owned?.close();
  }
}
