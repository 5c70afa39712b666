import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/** Where Debian's PostgreSQL binaries are (LINLI_PG_BIN overrides). */
export function binDir(): string {
  if (process.env.LINLI_PG_BIN) return process.env.LINLI_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
  if (!found)
    throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (or set LINLI_PG_BIN)');
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A throwaway PostgreSQL cluster (see {@link startPostgres}). */
export interface TestCluster {
  /** The `postgres` database's URL; {@link createDatabase} makes others. */
  readonly url: string;
  /** Stops the server and removes its files. */
  readonly stop: () => void;
  /**
   * `pg_ctl restart -m fast` on the same port: every connection is cut, as in a database restart.
   * Runs beside the event loop (not blocking it), so requests meanwhile meet the restart.
   */
  readonly restart: () => Promise<void>;
  /** Stops the server (fast: connections are cut), keeping its files, until {@link TestCluster.up}. */
  readonly down: () => Promise<void>;
  /** Starts the server stopped by {@link TestCluster.down} again, on the same port. */
  readonly up: () => Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster in a temp directory, on a loopback port, started for the tests and
 * removed after — never a mock. As root (CI), the server runs as the `postgres` user, as it must.
 */
export async function startPostgres(): Promise<TestCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'linli-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
    const result = spawnSync(asRoot ? 'runuser' : join(bin, cmd), full, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'linli', '--encoding=UTF8', '--locale=C']);
  const runAsync = async (cmd: string, args: string[]) => {
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
    await execFileAsync(asRoot ? 'runuser' : join(bin, cmd), full, { encoding: 'utf8' });
  };
  const options = ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`];
  const ctl = (action: 'start' | 'restart') => [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'log'),
    ...options,
    '-m',
    'fast',
    action,
  ];
  run('pg_ctl', ctl('start'));
  return {
    url: `postgres://linli@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    restart: () => runAsync('pg_ctl', ctl('restart')),
    down: () => runAsync('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']),
    up: () => runAsync('pg_ctl', ctl('start')),
  };
}

/** A fresh database on the cluster, for one test. */
export async function createDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return url.replace(/\/postgres$/, `/${name}`);
}

/** Runs an SQL file (a `pg_dump` fixture) into the database at `url` with `psql`, stopping at the first error. */
export function loadSqlFile(url: string, file: string): void {
  const loaded = spawnSync(
    join(binDir(), 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file],
    {
      encoding: 'utf8',
    },
  );
  if (loaded.status !== 0) throw new Error(`psql failed: ${loaded.stderr}`);
}
