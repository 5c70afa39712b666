import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A port nothing listens on right now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

it('`npm run storybook -- --port N` serves Storybook on port N', { timeout: 180_000 }, async () => {
  // The root script builds the packages Storybook needs, then hands every argument after `--` to the
  // app's dev script. The build half is not run here: it would rebuild the packages' dist folders
  // under the other workspaces' tests running beside this one.
  const rootScripts = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts as Record<
    string,
    string
  >;
  const [build, dev] = (rootScripts.storybook ?? '').split(' && ');
  expect(build).toMatch(/^turbo run build --filter=@linli\/storybook\^\.\.\./);
  expect(dev).toBe('npm run dev --workspace=@linli/storybook --');
  const port = await freePort();
  // Its own process group, so the npm → storybook chain is stopped as one.
  const child = spawn('npm', [...(dev ?? '').split(' ').slice(1), '--port', String(port), '--ci'], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
  });
  try {
    let status = 0;
    for (let i = 0; i < 120 && status !== 200 && child.exitCode === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      status = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  }
});
