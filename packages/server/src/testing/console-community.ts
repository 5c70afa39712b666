import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { cli } from './console-page.js';
import { type RunningServer, startServer } from './run-server.js';

/** The community an organizer-console test drives: made with the CLI, as an operator would. */
export interface ConsoleCommunityOptions {
  /** The community's id (its path, `/c/<id>`). */
  readonly id: string;
  readonly name: string;
  /** The register CSV (`楼号,单元,室号,面积,产权人` …) imported with `linli-server import --apply`. */
  readonly register: string;
  /** The organizer persons added, in order; the first is the default for {@link ConsoleCommunity.api}. */
  readonly organizers: readonly string[];
  /** Set to a folder to create it for screenshots. */
  readonly shots?: string | undefined;
  /** Extra environment of the server process (e.g. `LINLI_TEST_CLOCK`). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A running `linli-server serve` with one community, a Chromium, and the calls a test makes on it. */
export interface ConsoleCommunity {
  /** The test's own folder (the data folder is inside it), removed after the tests. */
  readonly folder: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The organizers' tokens, in the order of {@link ConsoleCommunityOptions.organizers}. */
  readonly tokens: readonly string[];
  /** The first organizer's token. */
  readonly organizer: string;
  /** Room → unit id, from the server's invites. */
  readonly units: ReadonlyMap<string, string>;
  /** A request to `/c/<id><path>` as the first organizer (or `token`): GET, or POST of `body` as JSON. */
  call(path: string, body?: unknown, token?: string): Promise<Response>;
  /** {@link call}'s JSON answer; a refusal throws. */
  api<T>(path: string, body?: unknown, token?: string): Promise<T>;
  /** Sends one command as the first organizer (or `token`). */
  command(command: Record<string, unknown>, token?: string): Promise<unknown>;
  /** A household's session token: its invite code redeemed. */
  householdToken(room: string): Promise<string>;
}

/**
 * Registers the `beforeAll` that creates the community (CLI: `community create`, `organizer add`,
 * `import`), starts the server and Chromium, and the `afterAll` that stops them and removes the folder.
 * The returned object is ready once `beforeAll` has run.
 */
export function useConsoleCommunity(options: ConsoleCommunityOptions): ConsoleCommunity {
  let dir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const tokens: string[] = [];
  const units = new Map<string, string>();
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };

  const community: ConsoleCommunity = {
    get folder() {
      return started(dir || undefined, 'the folder');
    },
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    tokens,
    get organizer() {
      return tokens[0] ?? '';
    },
    units,
    call(path, body, token = tokens[0] ?? '') {
      return fetch(`${community.server.base}/c/${options.id}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async api<T>(path: string, body?: unknown, token?: string): Promise<T> {
      const response = await community.call(path, body, token);
      const answer = (await response.json()) as T;
      if (!response.ok) throw new Error(`${path}: ${JSON.stringify(answer)}`);
      return answer;
    },
    command: (command, token) => community.api('/commands', { command }, token),
    async householdToken(room) {
      const { invites } = await community.api<{ invites: { code: string }[] }>('/invites', {
        units: [units.get(room)],
      });
      const response = await fetch(`${community.server.base}/c/${options.id}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: invites[0]?.code }),
      });
      return ((await response.json()) as { token: string }).token;
    },
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `linli-${options.id}-`));
    const data = join(dir, 'data');
    cli(data, ['community', 'create', options.id, '--name', options.name]);
    for (const name of options.organizers)
      tokens.push(/token\s+(\S+)/.exec(cli(data, ['organizer', 'add', options.id, name]))?.[1] ?? '');
    writeFileSync(join(dir, 'register.csv'), options.register);
    cli(data, ['import', options.id, join(dir, 'register.csv'), '--apply']);
    server = await startServer(data, { ...options.env }, ['serve']);
    browser = await launchChromium();
    const { invites } = await community.api<{ invites: { unitId: string; room: string }[] }>('/invites', {});
    for (const invite of invites) units.set(invite.room, invite.unitId);
    if (options.shots) mkdirSync(options.shots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return community;
}
