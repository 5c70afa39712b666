import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { LoggedEvent } from '@linli/core';

/** A `linli-server` process started for a test or a benchmark, with what it printed. */
export interface RunningServer {
  readonly process: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  readonly organizer: string;
  /** Invite codes by household unit id. */
  readonly codes: Readonly<Record<string, string>>;
  readonly output: string;
  /** The whole log of community `xfkl`, read with the organizer token. */
  log(): Promise<LoggedEvent[]>;
  /** Stops it (SIGTERM) and waits for the exit; safe to call after it died. */
  stop(): Promise<void>;
}

// From src/testing (tests) and dist/testing (benchmarks) alike: always the built server.
const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));

/** A free loopback port. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/**
 * Starts the real server process (what `npm start` runs, from the built `dist/`) on a data folder and
 * a free loopback port, and reads the token and codes it prints. `env` adds e.g. `DATABASE_URL`;
 * `args` is the command (`demo`, what `npm start` runs, by default).
 */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
  args: readonly string[] = ['demo'],
): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...env,
      LINLI_DATA: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('restarting keeps all data')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    // 'close', not 'exit': what it printed last (why it stopped) has been read by then.
    child.once('close', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  const codes = Object.fromEntries(
    [...output.matchAll(/invite\s+(\S+)\s+\(household (\d+)室\)/g)].map((m) => [`u${m[2]}`, m[1] ?? '']),
  );
  const base = `http://127.0.0.1:${port}`;
  const organizer = /organizer\s+(\S+)/.exec(output)?.[1] ?? '';
  return {
    process: child,
    base,
    organizer,
    codes,
    output,
    log: async () => {
      const response = await fetch(`${base}/c/xfkl/events`, {
        headers: { authorization: `Bearer ${organizer}` },
      });
      return ((await response.json()) as { events: LoggedEvent[] }).events;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
