import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import { startPostgres } from '../testing/postgres-cluster.js';
import { installedCli, readmeBlock } from '../testing/readme-block.js';
import { startServer } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));

let dir: string;
/** A folder holding a `linli-server` that runs the built CLI, put first on PATH as an install would. */
let bin: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-cli-'));
  bin = installedCli(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI process on a data folder; what it printed and how it ended. */
function cli(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', LINLI_CHECKPOINT_FILE: '', ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('Operating linli-server (the README block, as written)', () => {
  it('runs every command of the section on an empty folder', () => {
    const cwd = join(dir, 'readme');
    mkdirSync(cwd);
    const run = spawnSync('bash', ['-eo', 'pipefail', '-c', readmeBlock('## Operating `linli-server`')], {
      cwd,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, DATABASE_URL: '', LINLI_DATA: '' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: linli-server');
    expect(run.stdout).toContain('Created community lane7 (幸福里7号)');
    expect(run.stdout).toMatch(
      /organizer {2}org-1 {2}王阿姨 {2}\(楼组长 building head\)\ntoken {6}[\w-]{43}\n/,
    );
    expect(run.stdout).toMatch(
      /^org-2 {2}李伟 {2}\(业委会委员 owners' committee member\) {2}revoked \d{4}-/m,
    );
    expect(run.stdout).toContain('restored 1 events into lane7');
    expect(existsSync(join(cwd, 'elsewhere', 'linli.sqlite'))).toBe(true);
  });
});

describe('linli-server commands on SQLite', () => {
  it('starts empty and seeds nothing without a command, and says how to create a community', async () => {
    const data = join(dir, 'empty');
    const server = await startServer(data, {}, ['serve']);
    try {
      expect(server.output).toContain('Linli serving 0 communities');
      expect(server.output).toContain('linli-server community create <id> --name <name>');
      expect((await fetch(`${server.base}/c/xfkl/view`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it('adds an organizer whose printed token signs in while the server runs, and revokes it at once', async () => {
    const data = join(dir, 'live');
    const server = await startServer(data);
    try {
      const added = cli(['organizer', 'add', 'xfkl', '张三', '--role', 'owners-committee'], {
        LINLI_DATA: data,
      });
      expect(added.status).toBe(0);
      const token = /token\s+(\S+)/.exec(added.stdout)?.[1] ?? '';
      const session = await fetch(`${server.base}/c/xfkl/session`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(await session.json()).toMatchObject({ organizer: true, name: '张三', role: 'owners-committee' });
      // The new organizer closes a motion another organizer drafted, and the event names them.
      const closed = await fetch(`${server.base}/c/xfkl/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ command: { type: 'motion.close', motionId: 'lift' } }),
      });
      expect(closed.status).toBe(200);
      const { events } = (await closed.json()) as { events: { actor: string }[] };
      expect(events[0]?.actor).toMatch(/^residents-committee\/org-\d+$/);
      const id = /organizer\s+(org-\d+)/.exec(added.stdout)?.[1] ?? '';
      expect(cli(['organizer', 'revoke', 'xfkl', id], { LINLI_DATA: data }).status).toBe(0);
      const after = await fetch(`${server.base}/c/xfkl/session`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.status).toBe(401);
      // The demo organizer printed at start still works: nobody else was rotated out.
      const demo = await fetch(`${server.base}/c/xfkl/events`, {
        headers: { authorization: `Bearer ${server.organizer}` },
      });
      expect(demo.status).toBe(200);
      const invites = cli(['invites', 'xfkl', '--units', 'u301,u302'], { LINLI_DATA: data });
      const code = /invite\s+(\S+)\s+u301/.exec(invites.stdout)?.[1] ?? '';
      const signIn = await fetch(`${server.base}/c/xfkl/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.base },
        body: JSON.stringify({ code }),
      });
      expect(await signIn.json()).toMatchObject({ household: 'u301' });
    } finally {
      await server.stop();
    }
  });

  it('keeps the demo organizer across starts: the same account, a new token, the old one ended', async () => {
    const data = join(dir, 'demo-organizer');
    const first = await startServer(data);
    await first.stop();
    const second = await startServer(data);
    try {
      expect(first.output).toMatch(/organizer {2}\S+ {2}\(org-1, /);
      expect(second.output).toMatch(/organizer {2}\S+ {2}\(org-1, /);
      const old = await fetch(`${second.base}/c/xfkl/events`, {
        headers: { authorization: `Bearer ${first.organizer}` },
      });
      expect(old.status).toBe(401);
    } finally {
      await second.stop();
    }
    const auth = SqliteAuthStore.open(join(data, 'auth.sqlite'), 'xfkl');
    expect((await auth.organizers()).length).toBe(1);
    await auth.close();
  });

  it('answers a wrong argument with one line and exit code 2, never a stack trace', () => {
    const data = join(dir, 'wrong');
    for (const args of [
      ['frobnicate'],
      ['--port', '1'],
      ['organizer', 'add', 'xfkl'],
      ['organizer', 'add', 'xfkl', '王', '--role', 'mayor'],
      ['organizer', 'list', 'nowhere'],
      ['community', 'create', 'Bad_Id', '--name', 'x'],
      ['community', 'create', 'ok'],
      ['invites', 'nowhere', '--name', 'x'],
      ['restore', 'x'],
      ['verify', 'a', 'b'],
    ]) {
      const run = cli(args, { LINLI_DATA: data });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^linli-server: /);
      expect(run.stdout).toBe('');
    }
  });

  it('refuses a backup that does not verify with one line and exit code 1, restoring nothing', () => {
    const data = join(dir, 'tampered');
    expect(cli(['community', 'create', 'lane9', '--name', '九弄'], { LINLI_DATA: data }).status).toBe(0);
    expect(cli(['verify', 'lane9'], { LINLI_DATA: data }).status).toBe(0);
    const file = join(dir, 'lane9.json');
    expect(cli(['backup', 'lane9', file], { LINLI_DATA: data }).status).toBe(0);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { events: { payload: { name: string } }[] };
    const first = backup.events[0];
    if (first) first.payload.name = '改过的名字';
    writeFileSync(file, JSON.stringify(backup));
    const other = join(dir, 'tampered-restore');
    const key = /public key\s+(\S+)/.exec(cli(['verify', 'lane9'], { LINLI_DATA: data }).stdout)?.[1] ?? '';
    const refused = cli(['restore', 'lane9', file], { LINLI_DATA: other, LINLI_PUBLIC_KEY: key });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli(['organizer', 'list', 'lane9'], { LINLI_DATA: other }).status).toBe(2); // nothing was restored
  });
});

describe('linli-server commands on PostgreSQL', () => {
  let cluster: { url: string; stop: () => void } | undefined;
  afterAll(() => cluster?.stop());

  it('creates a community, adds, lists and revokes organizers, prints invites, verifies and backs up', async () => {
    cluster = await startPostgres();
    const env = { DATABASE_URL: cluster.url, LINLI_DATA: join(dir, 'pg') };
    expect(cli(['community', 'create', 'lane8', '--name', '八弄'], env).status).toBe(0);
    expect(cli(['community', 'create', 'lane8', '--name', '八弄'], env).status).toBe(2);
    expect(cli(['organizer', 'add', 'lane8', '王阿姨'], env).stdout).toContain('org-1  王阿姨  (居委会干部');
    expect(cli(['organizer', 'add', 'lane8', '李伟'], env).status).toBe(0);
    const revoked = cli(['organizer', 'revoke', 'lane8', 'org-1'], env);
    expect(revoked.stderr).toBe('');
    expect(revoked.status).toBe(0);
    const listed = cli(['organizer', 'list', 'lane8'], env).stdout;
    expect(listed).toMatch(/^org-1 .* revoked \d{4}-/m);
    expect(listed).toMatch(/^org-2 {2}李伟 {2}\([^)]*\)$/m);
    expect(cli(['invites', 'lane8'], env).stdout).toContain('has no households yet');
    expect(cli(['verify', 'lane8'], env).stdout).toContain('verified 1 events of lane8');
    const backup = cli(['backup', 'lane8'], env);
    expect(JSON.parse(backup.stdout)).toMatchObject({
      events: [{ type: 'community.founded' }],
      checkpoint: {},
    });
  });
});
