import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoggedEvent, LogHead } from '@linli/core';
import { openMotionCommands, stairwellCommands } from '@linli/core/testing';
import { type RunningServer, startServer } from './run-server.js';

// From src/testing (tests) and dist/testing (benchmarks) alike: always the built server.
const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));

/** The community the processes serve unless told otherwise, and the motion its households vote on. */
export const COMMUNITY = 'lane7';
export const MOTION = 'lift';

/** A household of the community with the invite code the harness issued it (not yet redeemed). */
export interface Household {
  /** Unit id, e.g. `u101`. */
  readonly unit: string;
  /** The unit's owner, the voter its ballots name (`o101`). */
  readonly voter: string;
  readonly code: string;
  /** The client address it is seen from (`X-Forwarded-For`; the servers trust one proxy). */
  readonly address: string;
}

/** A server process that ended while the harness still needed it: always a failure. */
export interface Exit {
  readonly process: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The beginning of its stderr: why it stopped. */
  readonly output: string;
}

/** N `linli-server` processes serving one community from one PostgreSQL and one data folder. */
export interface ServerProcesses {
  readonly servers: readonly RunningServer[];
  /** `http://127.0.0.1:<port>/c/lane7` of each process. */
  readonly endpoints: readonly string[];
  readonly organizer: string;
  readonly households: readonly Household[];
  /** Every process that exited before {@link ServerProcesses.stop}. */
  readonly exits: readonly Exit[];
  /** The whole log, read through process `i` with the organizer's token. */
  log(i?: number): Promise<LoggedEvent[]>;
  /** Process `i`'s published view (its in-memory state), without the checkpoint it signed itself. */
  view(i: number): Promise<{ readonly head: LogHead } & Record<string, unknown>>;
  /** Runs `linli-server <args>` on the same data (e.g. `verify lane7`); answers its exit code and output. */
  cli(args: readonly string[]): { readonly status: number | null; readonly output: string };
  stop(): Promise<void>;
}

/** What {@link startServerProcesses} starts. */
export interface ProcessesOptions {
  readonly processes: number;
  readonly households: number;
  /** A fresh database (see `createDatabase`); without it, one process on SQLite in the data folder. */
  readonly databaseUrl?: string;
  /**
   * The community set up and voted in (default `lane7`). Harnesses for different communities on one
   * database stand for processes a load balancer gives one community each (affinity).
   */
  readonly community?: string;
  /** More environment for every process, e.g. `LINLI_GROUP_COMMIT`. */
  readonly env?: Readonly<Record<string, string>>;
}

/** What `stairwellCommands` gives each household: its unit, its owner, the unit's transfer to the owner. */
const UNIT_COMMANDS = 3;

/** The motion's deadline: far enough for any run, within the core's ten years. */
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

/** Where the `i`-th household is seen from: a distinct private address per household. */
const addressOf = (i: number) => `10.7.${Math.floor(i / 250)}.${(i % 250) + 1}`;

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Sends the organizer's commands one after another; any refusal stops the setup. */
async function organize(endpoint: string, organizer: string, commands: readonly unknown[]): Promise<void> {
  for (const command of commands)
    await json(
      await fetch(`${endpoint}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
        body: JSON.stringify({ command }),
      }),
      `setup ${(command as { type: string }).type}`,
    );
}

/**
 * Starts `processes` real `linli-server` processes (`serve`, from the built `dist/`) on 127.0.0.1 and
 * free ports, on one PostgreSQL database and one shared data folder (one signing key). The community
 * is created and its named organizer added with the `linli-server` commands an operator runs, so no
 * start rotates anyone's token; its stairwell of `households` units with their owners and an open
 * motion are set up through the HTTP API, and each household is given an invite code. Every exit of a
 * process before `stop()` is recorded in `exits`.
 */
export async function startServerProcesses(options: ProcessesOptions): Promise<ServerProcesses> {
  if (options.databaseUrl === undefined && options.processes !== 1)
    throw new Error('one SQLite data folder is served by one process: give a databaseUrl');
  const dir = mkdtempSync(join(tmpdir(), 'linli-processes-'));
  const env = {
    DATABASE_URL: options.databaseUrl ?? '',
    LINLI_REQUEST_LOG: 'off',
    TRUST_PROXY: '1',
    ...options.env,
  };
  const cli = (args: readonly string[]) => {
    const run = spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env, LINLI_DATA: dir },
      encoding: 'utf8',
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };
  const admin = (args: readonly string[]) => {
    const run = cli(args);
    if (run.status !== 0) throw new Error(`linli-server ${args.join(' ')}: ${run.output}`);
    return run.output;
  };
  const community = options.community ?? COMMUNITY;
  admin(['community', 'create', community, '--name', `幸福里 ${community}`]);
  const organizer = /token\s+(\S+)/.exec(admin(['organizer', 'add', community, '王阿姨']))?.[1] ?? '';

  const exits: Exit[] = [];
  let stopping = false;
  const watch = (server: RunningServer, i: number) => {
    // The beginning of what it wrote to stderr: the error it died of, before any stack dump.
    let output = '';
    server.process.stderr?.on('data', (chunk: Buffer) => {
      if (output.length < 3_000) output = (output + chunk.toString()).slice(0, 3_000);
    });
    server.process.once('exit', (code, signal) => {
      if (!stopping) exits.push({ process: i, code, signal, output });
    });
    return server;
  };
  // The first process creates the signing key, and the community is set up through it alone, so
  // the setup never races the others; they start once it is done.
  const first = watch(await startServer(dir, env, ['serve']), 0);
  const endpoint = `${first.base}/c/${community}`;
  // Founded already; then the building and its stairwell, then each household's unit, owner and
  // transfer (households side by side: they do not depend on each other), then the open motion.
  const [, building, stairwell, ...units] = stairwellCommands({ households: options.households });
  await organize(endpoint, organizer, [building, stairwell]);
  for (let i = 0; i < units.length; i += UNIT_COMMANDS * 8)
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        units.slice(i + k * UNIT_COMMANDS, i + (k + 1) * UNIT_COMMANDS),
      ).map((household) => organize(endpoint, organizer, household)),
    );
  await organize(
    endpoint,
    organizer,
    openMotionCommands({ id: MOTION, title: '加装电梯', kind: 'proposal', closesAt: inAYear() }),
  );
  const { invites } = await json<{ invites: { unitId: string; code: string }[] }>(
    await fetch(`${endpoint}/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
      body: '{}',
    }),
    'invites',
  );
  const households = invites.map(({ unitId, code }, i) => ({
    unit: unitId,
    voter: unitId.replace(/^u/, 'o'),
    code,
    address: addressOf(i),
  }));
  const rest = await Promise.all(
    Array.from({ length: options.processes - 1 }, async (_, i) =>
      watch(await startServer(dir, env, ['serve']), i + 1),
    ),
  );
  const servers = [first, ...rest];
  const endpoints = servers.map((s) => `${s.base}/c/${community}`);

  const organizerGet = (i: number, path: string) =>
    fetch(`${endpoints[i]}${path}`, { headers: { authorization: `Bearer ${organizer}` } });
  return {
    servers,
    endpoints,
    organizer,
    households,
    exits,
    log: async (i = 0) =>
      (await json<{ events: LoggedEvent[] }>(await organizerGet(i, '/events'), 'events')).events,
    view: async (i) => {
      const { checkpoint: _signedByThisProcess, ...view } = await json<
        { head: LogHead; checkpoint?: unknown } & Record<string, unknown>
      >(await fetch(`${endpoints[i]}/view`), 'view');
      return view;
    },
    cli,
    stop: async () => {
      stopping = true;
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
