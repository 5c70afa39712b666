import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { binDir } from './postgres-cluster.js';

const run = promisify(execFile);

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
 * Restarts the throwaway cluster behind `url` the way an operator's `pg_ctl restart -m fast` does
 * (every connection is cut, in-flight transactions roll back), without blocking the caller's event
 * loop: the servers and the load keep running meanwhile. As root (CI) it runs as `postgres`.
 */
export async function restartPostgres(url: string): Promise<void> {
  const [row] = await query<{ data_directory: string }>(url, 'SHOW data_directory');
  if (!row) throw new Error('no data_directory');
  const pgCtl = join(binDir(), 'pg_ctl');
  const args = ['-D', row.data_directory, '-w', '-m', 'fast', '-l', `${row.data_directory}/../restart.log`];
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', pgCtl, ...args, 'restart']);
  else await run(pgCtl, [...args, 'restart']);
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
