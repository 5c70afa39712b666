import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../packages/server/src/testing/chromium.ts';
import { type ConsumerProject, installConsumer, type Output } from './consumer-project.ts';

// The packages as an adopter gets them: packed, installed from the tarballs into a project outside the
// workspace, then built with Vite, type-checked, served from Node and rendered by React 19 and Vue 3.
let project: ConsumerProject;
let built: Promise<Output> | undefined;
let typecheck: Promise<Output>;

beforeAll(async () => {
  project = await installConsumer();
  // The slowest step runs while the others do; its test, the last, awaits it (the catch only marks it
  // handled, so a failure is reported by that test and not as an unhandled rejection).
  typecheck = project.exec('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
  typecheck.catch(() => undefined);
}, 240_000);
afterAll(() => project?.remove());

/** The project's own `vite build`, run once for the build test and the browser tests. */
function build(): Promise<Output> {
  built ??= project.exec('node', ['node_modules/vite/bin/vite.js', 'build']);
  return built;
}

it('builds a Vite app that imports @linli/core and a widget', async () => {
  const { stdout, stderr } = await build();
  // Quiet (logLevel 'warn'): any warning, such as a module Vite cannot bundle for the browser, fails.
  expect(stderr).toBe('');
  expect(stdout).toBe('');
  for (const page of ['index.html', 'react.html', 'vue.html']) {
    expect(existsSync(join(project.dir, 'dist', page))).toBe(true);
  }
});

it('starts a createApp server from the tarball and gets answers', async () => {
  const { stdout, stderr } = await project.exec('node', ['src/server.js']);
  expect(stderr).toBe('');
  const heard: unknown = JSON.parse(stdout);
  expect(heard).toEqual({
    health: { ok: true },
    motions: 4,
    pages: { status: 200, type: expect.stringMatching(/javascript/) },
  });
});

describe('a widget in a page, in Chromium', () => {
  let browser: Browser;
  let preview: PreviewServer;
  let base: string;

  beforeAll(async () => {
    await build();
    // The project's own Vite serves its build, as `vite preview` would.
    const vite = (await import(
      pathToFileURL(join(project.dir, 'node_modules/vite/dist/node/index.js')).href
    )) as typeof import('vite');
    preview = await vite.preview({
      root: project.dir,
      logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    base = preview.resolvedUrls?.local[0] ?? '';
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('plain DOM: @linli/core runs in the built page', async () => {
    const tab = await browser.newPage();
    await tab.goto(new URL('index.html', base).href);
    await expect.poll(() => tab.locator('#total').textContent()).toBe('¥1,234.50');
    await tab.close();
  });

  it.each([
    ['plain DOM', 'index.html'],
    ['React 19 createElement', 'react.html'],
    ['Vue 3 h()', 'vue.html'],
  ])('%s: sets a property, an attribute and hears an event', async (_, page) => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    await tab.goto(new URL(page, base).href);
    const open = tab.locator('linli-motion-list button[part="open"]');
    // The property: the governance object reached the element, so its motions are listed.
    await expect.poll(() => open.count()).toBe(4);
    // The attribute: lang="en" chose the English words.
    expect(await open.first().getAttribute('aria-label')).toMatch(/^View and vote: /);
    // The event: choosing a motion reached the framework's listener with its detail.
    await open.first().click();
    const heard = await tab.evaluate(() => (window as { linliHeard?: unknown }).linliHeard);
    expect(heard).toEqual([{ type: 'linli-motion-select', detail: { motionId: expect.any(String) } }]);
    expect(problems).toEqual([]);
    await tab.close();
  });
});

it("type-checks the public types with the adopter's strict flags and no skipLibCheck", async () => {
  await expect(typecheck).resolves.toEqual({ stdout: '', stderr: '' });
});
