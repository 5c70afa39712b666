import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { installedCli, readmeBlock } from '../testing/readme-block.js';
import { freePort } from '../testing/run-server.js';
import { waitFor } from '../testing/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-processes-readme-'));
let cluster: { url: string; stop: () => void };
const started: number[] = [];
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Several processes on one PostgreSQL (the README block)', () => {
  it('starts three processes that serve one community from one database, with one signing key', async () => {
    const url = await createDatabase(cluster.url, 'readme');
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    // As written, but with the test's database, folder and ports; `jobs -p` names the processes to stop.
    const block = readmeBlock('## Several processes on one PostgreSQL')
      .replace('postgres://linli@127.0.0.1:5432/linli', url)
      .replaceAll('/srv/linli', dir)
      .replace('8787 8788 8789', ports.join(' '));
    const run = spawnSync('bash', ['-eo', 'pipefail', '-c', `${block}\njobs -p`], {
      cwd: dir,
      env: { ...process.env, PATH: `${installedCli(dir)}:${process.env.PATH}`, HOST: '127.0.0.1' },
      encoding: 'utf8',
    });
    started.push(...run.stdout.trim().split('\n').slice(-3).map(Number));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const token = /token\s+(\S+)/.exec(run.stdout)?.[1] ?? '';

    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    for (const base of bases)
      await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, `${base}/readyz`);
    // A change through one process is served by the others, all signed with the one key.
    const added = await fetch(`${bases[0]}/c/lane7/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ command: { type: 'building.add', name: '7号楼', id: 'b7' } }),
    });
    expect(added.status).toBe(200);
    const seq = ((await added.json()) as { events: { seq: number }[] }).events.at(-1)?.seq;
    type View = { head: { seq: number }; checkpoint?: { publicKey: string } };
    const views = async () =>
      Promise.all(bases.map(async (base) => (await (await fetch(`${base}/c/lane7/view`)).json()) as View));
    await waitFor(
      async () => (await views()).every((v) => v.head.seq === seq),
      'the new head on every process',
    );
    const keys = new Set((await views()).map((v) => v.checkpoint?.publicKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/\S/);
  }, 90_000);
});
