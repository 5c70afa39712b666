import pg from 'pg';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Kills every backend whose last statement was a `LISTEN` (each server process's notification
 * connection) with `pg_terminate_backend`, as a failover or an administrator would; answers how many.
 */
export async function terminateListeners(url: string): Promise<number> {
  const rows = await query<{ terminated: boolean }>(
    url,
    `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
      WHERE pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'`,
  );
  return rows.filter((r) => r.terminated).length;
}
