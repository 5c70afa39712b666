import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumPath } from '../../../scripts/browser.js';

// The stories-as-tests run on Vite's dev server; this opens the production build a reader gets, where a
// bundler orders modules its own way (an import cycle once left every story blank here and only here).
const site = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const server = createServer((request, response) => {
  let file = join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(site) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('renders every story of the built site without a page error', { timeout: 180_000 }, async () => {
  const { entries } = JSON.parse(readFileSync(join(site, 'index.json'), 'utf8')) as {
    entries: Record<string, { type: string }>;
  };
  const stories = Object.entries(entries)
    .filter(([, e]) => e.type === 'story')
    .map(([id]) => id);
  expect(stories.length).toBeGreaterThan(30);
  const browser = await chromium.launch({ executablePath: chromiumPath });
  const failures: string[] = [];
  try {
    const page = await browser.newPage();
    let errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const id of stories) {
      errors = [];
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
      const rendered = await page
        .waitForFunction(() => (document.querySelector('#storybook-root')?.innerHTML.length ?? 0) > 0, null, {
          timeout: 10_000,
        })
        .then(
          () => true,
          () => false,
        );
      if (!rendered || errors.length > 0) failures.push(`${id}: ${errors.join('; ') || 'nothing rendered'}`);
    }
  } finally {
    await browser.close();
  }
  expect(failures).toEqual([]);
});

it('shows the docs page in the language the toolbar picks, and switches with it', {
  timeout: 60_000,
}, async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/iframe.html?id=elements-linli-vote--docs&viewMode=docs&globals=lang:zh-CN`);
    // The docs page's first story is the open elevator vote; its status badge names the language.
    const status = (text: string) =>
      page.waitForFunction(
        (expected) =>
          document
            .querySelector('linli-vote')
            ?.shadowRoot?.querySelector('[part~=status]')
            ?.textContent?.includes(expected),
        text,
        { timeout: 20_000 },
      );
    await status('表决中');
    // What the language toolbar sends the preview when a reader picks English.
    await page.evaluate(() =>
      (
        window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, a: unknown): void } }
      ).__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { lang: 'en' } }),
    );
    await status('Open');
  } finally {
    await browser.close();
  }
});
