import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LinliError } from '@linli/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { installedCli, readmeBlock } from '../testing/readme-block.js';
import { startServer } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'linli-communities-'));
let n = 0;
let cluster: { url: string; stop: () => void };
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the real CLI on `env`'s data; what it printed and how it ended. */
function cli(args: readonly string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', LINLI_CHECKPOINT_FILE: '', ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const ok = (run: ReturnType<typeof cli>) => {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
};

/** A fresh data folder, on SQLite or on a fresh PostgreSQL database. */
async function dataOn(backend: 'SQLite' | 'PostgreSQL'): Promise<Record<string, string>> {
  const env: Record<string, string> = { LINLI_DATA: join(dir, `d${n++}`) };
  if (backend === 'PostgreSQL') env.DATABASE_URL = await createDatabase(cluster.url, `c${n++}`);
  return env;
}

/** Polls `check` until it holds (a server re-reads its list every few seconds). */
async function eventually(check: () => Promise<boolean>, ms = 12_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('never happened');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Many communities on one server (the README block, as written)', () => {
  it('runs every command of the section on an empty folder', () => {
    const cwd = join(dir, 'readme');
    mkdirSync(cwd);
    const run = spawnSync(
      'bash',
      ['-eo', 'pipefail', '-c', readmeBlock('## Many communities on one server')],
      {
        cwd,
        env: {
          ...process.env,
          PATH: `${installedCli(dir)}:${process.env.PATH}`,
          DATABASE_URL: '',
          LINLI_DATA: '',
        },
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('lane3  origins https://lane3.example https://blog.lane3.example\n');
    expect(run.stdout).toContain(
      'lane3  幸福里3号  households 0  organizers 0  origins https://lane3.example\nlane5  幸福里5号  households 0  organizers 0  origins -\n',
    );
  });
});

for (const backend of ['SQLite', 'PostgreSQL'] as const)
  describe(`linli-server community list and origins on ${backend}`, () => {
    it('lists id, name, households, active organizers and origins; adds and removes origins', async () => {
      const env = await dataOn(backend);
      expect(ok(cli(['community', 'list'], env))).toContain('no communities yet');
      ok(cli(['community', 'create', 'lane7', '--name', '幸福里7号'], env));
      ok(cli(['community', 'create', 'lane8', '--name', '八弄'], env));
      ok(cli(['organizer', 'add', 'lane7', '王阿姨'], env));
      ok(cli(['organizer', 'add', 'lane7', '李伟'], env));
      ok(cli(['organizer', 'revoke', 'lane7', 'org-2'], env));
      const added = cli(
        ['community', 'origins', 'lane7', '--add', 'https://Blog.Example/', '--add', 'http://127.0.0.1:8080'],
        env,
      );
      expect(ok(added)).toBe('lane7  origins https://blog.example http://127.0.0.1:8080\n');
      const removed = cli(['community', 'origins', 'lane7', '--remove', 'http://127.0.0.1:8080'], env);
      expect(ok(removed)).toBe('lane7  origins https://blog.example\n');
      expect(ok(cli(['community', 'origins', 'lane8'], env))).toBe('lane8  origins -\n');
      expect(ok(cli(['community', 'list'], env))).toBe(
        [
          'lane7  幸福里7号  households 0  organizers 1  origins https://blog.example',
          'lane8  八弄  households 0  organizers 0  origins -',
          '',
        ].join('\n'),
      );
    });

    it('answers a wrong origin, community or option with one line and exit code 2, changing nothing', async () => {
      const env = await dataOn(backend);
      ok(cli(['community', 'create', 'lane7', '--name', '幸福里7号'], env));
      for (const [args, said] of [
        [['community', 'origins', 'lane7', '--add', 'blog.example'], 'is not an origin'],
        [['community', 'origins', 'lane7', '--add', 'https://blog.example/news'], 'must be an origin only'],
        [['community', 'origins', 'lane7', '--add', 'ftp://blog.example'], 'must start with https://'],
        [['community', 'origins', 'lane7', '--remove', 'https://u:p@blog.example'], 'must be an origin only'],
        [
          ['community', 'origins', 'nowhere', '--add', 'https://blog.example'],
          'there is no community "nowhere"',
        ],
        [['community', 'list', '--add', 'https://blog.example'], '--add does not apply here'],
        [['community', 'origins'], 'missing <community>'],
      ] as const) {
        const run = cli(args, env);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^linli-server: [^\n]+\n$/);
        expect(run.stderr).toContain(said);
      }
      expect(ok(cli(['community', 'origins', 'lane7'], env))).toBe('lane7  origins -\n');
    });

    it('a running server serves a community created and sees an origin added by the CLI, without a restart', async () => {
      const env = await dataOn(backend);
      const server = await startServer(env.LINLI_DATA ?? '', env, ['serve']);
      try {
        expect(server.output).toContain('Linli serving 0 communities');
        ok(cli(['community', 'create', 'lane9', '--name', '九弄'], env));
        await eventually(async () => (await fetch(`${server.base}/c/lane9/view`)).ok);
        expect(await (await fetch(`${server.base}/communities`)).json()).toEqual([
          { id: 'lane9', name: '九弄' },
        ]);
        const blog = 'https://blog.example';
        const allowed = async () =>
          (await fetch(`${server.base}/c/lane9/view`, { headers: { Origin: blog } })).headers.get(
            'access-control-allow-origin',
          ) === blog;
        expect(await allowed()).toBe(false);
        ok(cli(['community', 'origins', 'lane9', '--add', blog], env));
        await eventually(allowed);
      } finally {
        await server.stop();
      }
    });
  });

describe('a community whose log was edited while the server was down', () => {
  it('does not stop the server starting: it is refused with log.corrupt when first asked for', async () => {
    const env = await dataOn('SQLite');
    ok(cli(['community', 'create', 'lane7', '--name', '幸福里7号'], env));
    ok(cli(['community', 'create', 'lane8', '--name', '八弄'], env));
    const db = new Database(join(env.LINLI_DATA ?? '', 'linli.sqlite'));
    db.prepare(
      `UPDATE events SET payload = '{"communityId":"c1","name":"伪造"}' WHERE community = 'lane7'`,
    ).run();
    db.close();
    const server = await startServer(env.LINLI_DATA ?? '', env, ['serve']);
    try {
      expect(server.output).toContain('Linli serving 2 communities');
      const refused = await fetch(`${server.base}/c/lane7/view`);
      expect(refused.status).toBe(503);
      const { error } = (await refused.json()) as { error: LinliError };
      expect(error).toMatchObject({ code: 'log.corrupt', params: { seq: 1 } });
      expect((await fetch(`${server.base}/c/lane8/view`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
