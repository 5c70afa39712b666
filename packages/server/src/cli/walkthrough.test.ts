import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { freePort } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const HEADING = '## Run your own community';
/** Set to a folder to keep a screenshot of each step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;

/** The shell blocks of the root README's "Run your own community" section, as written. */
function walkthroughBlocks(): string[] {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf(HEADING);
  const section = text.slice(start, text.indexOf('\n## ', start + HEADING.length));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/**
 * A folder standing in for the clone: its `examples/`, and on PATH an `npx` that runs the command
 * `npm ci` linked into the clone's `node_modules/.bin` (what `npx` finds first, so a link missing
 * after a fresh `npm ci` fails here as it would for an operator), and an `npm` whose
 * `run build:server` checks the build is there — `npm test` has just built it, and a nested turbo run
 * inside turbo's own test task would fight it for its cache.
 */
function clone(dir: string): { cwd: string; path: string } {
  const cwd = join(dir, 'clone');
  mkdirSync(join(cwd, 'examples'), { recursive: true });
  copyFileSync(join(ROOT, 'examples/housing-register.xlsx'), join(cwd, 'examples/housing-register.xlsx'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  const linked = join(ROOT, 'node_modules/.bin/linli-server');
  script('npx', `[ "$1" = linli-server ] || exit 127\nshift\nexec "${linked}" "$@"`);
  script('npm', `[ "$*" = "run build:server" ] && [ -f "${CLI}" ] || exit 127`);
  return { cwd, path: `${bin}:${process.env.PATH}` };
}

let dir: string;
let browser: Browser;
let serving: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-walkthrough-'));
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  if (serving?.pid && serving.exitCode === null) {
    process.kill(-serving.pid, 'SIGTERM');
    await new Promise((r) => serving?.once('exit', r));
  }
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the first block (it ends in the serving `npx linli-server`) and waits for the setup link. */
async function startFirstBlock(block: string, cwd: string, path: string): Promise<string> {
  const port = await freePort();
  serving = spawn('bash', ['-eo', 'pipefail', '-c', block], {
    cwd,
    detached: true,
    env: {
      ...process.env,
      PATH: path,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LINLI_DATA: '',
    },
  });
  let output = '';
  serving.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  serving.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await expect.poll(() => output, { timeout: 30_000 }).toMatch(/setup\s+http:\S+#token=/);
  return /setup\s+(http:\S+#token=[\w-]+)/.exec(output)?.[1] ?? '';
}

describe('Run your own community (the root README, as written)', () => {
  it('an empty server, /setup in Chromium, the register previewed and imported in the browser, invites printed; then the same from the CLI alone', async () => {
    const blocks = walkthroughBlocks();
    expect(blocks).toHaveLength(3);
    const [serve = '', invites = '', cliOnly = ''] = blocks;
    const { cwd, path } = clone(dir);
    const link = await startFirstBlock(serve, cwd, path);
    expect(link.startsWith('http://127.0.0.1:')).toBe(true);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel('社区编号').fill('lane9');
    await page.getByLabel('社区名称').fill('幸福里9号');
    await page.getByLabel('姓名').fill('王阿姨');
    await page.getByLabel('楼组长').check();
    await page.getByRole('button', { name: '创建社区' }).click();
    await expect.poll(() => page.locator('code.secret').textContent()).toMatch(/^[\w-]{43}$/);
    await page.getByLabel('我已抄下或打印了令牌').check();
    await page.getByRole('link', { name: '进入组织者首页' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('组织者首页');

    await page.getByRole('link', { name: '房屋清册' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('导入房屋清册');
    await page.locator('input[type=file]').setInputFiles(join(cwd, 'examples/housing-register.xlsx'));
    // The preview: 24 households read, nothing imported until the organizer confirms.
    await expect
      .poll(() => page.locator('#summary').textContent(), { timeout: 15_000 })
      .toContain('housing-register.xlsx');
    await expect.poll(() => page.locator('#confirm').isEnabled()).toBe(true);
    expect(await page.locator('ol.problems').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'walkthrough-preview.png'), fullPage: true });
    await page.locator('#confirm').click();
    await expect.poll(() => page.locator('#done').count(), { timeout: 15_000 }).toBe(1);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'walkthrough-done.png'), fullPage: true });
    // The start page lists the server's communities with their ways in; a community's own address
    // is its sign-in (not the demo's pages, which only `npm start` serves).
    const origin = new URL(link).origin;
    await page.goto(`${origin}/`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('本服务器上的社区');
    expect(await page.getByRole('link', { name: '住户登录' }).getAttribute('href')).toBe('/c/lane9/sign-in');
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'walkthrough-start-page.png'), fullPage: true });
    await page.goto(`${origin}/c/lane9/`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('登录');
    await context.close();

    const second = spawnSync('bash', ['-eo', 'pipefail', '-c', invites], {
      cwd,
      env: { ...process.env, PATH: path, DATABASE_URL: '', LINLI_DATA: '' },
      encoding: 'utf8',
    });
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/lane9\s+幸福里9号/);
    expect(second.stdout.match(/^invite\s/gm)).toHaveLength(24);
    // Each notice names its stairwell: the building has a 101 in 1单元 and in 2单元.
    expect(second.stdout).toMatch(/^invite\s+\S+\s+\S+\s+9号楼 2单元 101$/m);
    expect(second.stdout).toContain('/c/lane9/sign-in');

    const third = spawnSync('bash', ['-eo', 'pipefail', '-c', cliOnly], {
      cwd,
      env: { ...process.env, PATH: path, DATABASE_URL: '', LINLI_DATA: '' },
      encoding: 'utf8',
    });
    expect(third.stderr).toBe('');
    expect(third.status).toBe(0);
    expect(third.stdout).toContain('Created community lane9 (幸福里9号)');
    expect(third.stdout).toContain('Preview only: 83 changes');
    expect(third.stdout.match(/^invite\s/gm)).toHaveLength(24);
    expect(existsSync(join(cwd, 'linli-cli-data', 'linli.sqlite'))).toBe(true);
  }, 120_000);
});
