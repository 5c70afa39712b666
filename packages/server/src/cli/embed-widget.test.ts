/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { focusedId, tabTo } from '../testing/keyboard.js';
import { layoutProblems } from '../testing/layout.js';
import { freePort, type RunningServer, startServer } from '../testing/run-server.js';
import { waitFor } from '../testing/wait-for.js';
import { widgetsVersion } from './cdn-files.js';

/**
 * A community website on another site embeds the server's widgets: the maintainer's page is served
 * from `http://localhost:<port>`, the Linli server runs on `http://127.0.0.1:<port>` — two sites, so
 * the browser applies CORS and keeps the session in the page's own storage. The page is only the
 * script tag and `<linli-vote endpoint motion>`.
 */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-embed-shots');
const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const poll = expect.poll;

let dir: string;
let linli: RunningServer;
let browser: Browser;
/** The maintainer's page, on an origin the community lists, and the same page on one it does not. */
let listed: { server: Server; origin: string };
let unlisted: { server: Server; origin: string };

/** A maintainer's page: the script from the Linli server's versioned path, one vote card, nothing else. */
function maintainersPage(base: string, lang: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>新福康里 Community news</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}}</style>
<script type="module" src="${base}/cdn/${widgetsVersion()}/linli.js"></script>
</head>
<body><main><h1>新福康里 · 加装电梯</h1>
<linli-vote endpoint="${base}/c/xfkl" motion="lift"></linli-vote>
</main></body>
</html>`;
}

/** A tiny static server on `localhost`: the community's own website. */
async function website(): Promise<{ server: Server; origin: string }> {
  const port = await freePort();
  const server = createServer((request, response) => {
    const lang = new URL(request.url ?? '/', 'http://x').searchParams.get('lang') ?? 'zh-CN';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(maintainersPage(linli.base, lang));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${port}` };
}

interface Look {
  readonly viewport: { width: number; height: number };
  readonly lang: 'zh-CN' | 'en';
  readonly dark?: boolean;
  readonly largeText?: boolean;
}

/** The maintainer's page on `origin`, as a fresh browser (nothing kept from another test). */
async function open(origin: string, look: Look): Promise<Page> {
  const context = await browser.newContext({
    viewport: look.viewport,
    locale: look.lang,
    colorScheme: look.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  await page.goto(`${origin}/?lang=${look.lang}`);
  if (look.largeText)
    await page.evaluate(() => document.querySelector('linli-vote')?.setAttribute('large-text', ''));
  // The view is read from the other site: the motion's title shows.
  await poll(() => page.locator('linli-vote [part=title]').count(), { timeout: 15_000 }).toBe(1);
  return page;
}

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const ballots = async () => (await linli.log()).filter((e) => e.type === 'ballot.cast');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'linli-embed-'));
  linli = await startServer(dir);
  [listed, unlisted, browser] = await Promise.all([website(), website(), launchChromium()]);
  // The operator lists the community's website; the running server picks it up.
  const run = spawnSync(process.execPath, [CLI, 'community', 'origins', 'xfkl', '--add', listed.origin], {
    env: { ...process.env, DATABASE_URL: '', LINLI_DATA: dir },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  await waitFor(
    async () =>
      (await fetch(`${linli.base}/c/xfkl/view`, { headers: { Origin: listed.origin } })).headers.get(
        'access-control-allow-origin',
      ) === listed.origin,
    'the listed origin',
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  listed?.server.close();
  unlisted?.server.close();
  await linli?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a vote card on the community’s own website (another site than the server)', () => {
  it('reads the view, signs a household in inside the card by keyboard, and its ballot lands', async () => {
    const page = await open(listed.origin, { viewport: PHONE, lang: 'zh-CN' });
    // No session on this site yet: the card asks for the invite code itself.
    await poll(() => page.locator('linli-vote linli-sign-in input').count()).toBe(1);
    await check(page, 'embed-1-sign-in-phone-zh');
    await tabTo(page, 'code');
    await page.keyboard.type(linli.codes.u102 ?? '');
    await page.keyboard.press('Enter');
    // Signed in: the card's own ballot form replaces the sign-in.
    await poll(() => page.locator('linli-vote linli-sign-in').count(), { timeout: 10_000 }).toBe(0);
    await poll(() => page.locator('linli-vote label.choice').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The session is this site's: kept in its localStorage under the endpoint.
    const kept = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { household?: string },
      `linli-session:${linli.base}/c/xfkl`,
    );
    expect(kept.household).toBe('u102');
    await check(page, 'embed-2-signed-in-phone-zh');

    const before = (await ballots()).length;
    await page.locator('linli-vote label.choice').first().click();
    await page.locator('linli-vote [part=submit]').click();
    await poll(() => page.locator('linli-vote [part=confirmation]').textContent(), {
      timeout: 10_000,
    }).toContain('已记录您的投票');
    const cast = await ballots();
    expect(cast).toHaveLength(before + 1);
    expect(cast.at(-1)).toMatchObject({ type: 'ballot.cast', payload: { motionId: 'lift' } });
    await check(page, 'embed-3-voted-phone-zh');

    // A reload keeps the sign-in: the card goes straight to the household's ballot.
    await page.reload();
    await poll(() => page.locator('linli-vote [part=my-choice]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('linli-vote linli-sign-in').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('on an origin the community does not list: reads, but the sign-in is refused inline and nothing changes', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = await open(unlisted.origin, { viewport: PHONE, lang });
      const before = (await linli.log()).length;
      await tabTo(page, 'code');
      await page.keyboard.type(linli.codes.u602 ?? '');
      await page.keyboard.press('Enter');
      const alert = page.locator('linli-sign-in [part=error][role=alert]');
      await poll(() => alert.textContent(), { timeout: 10_000 }).toBe(
        lang === 'zh-CN' ? '该网站未被允许嵌入本社区' : 'This website is not allowed to embed this community',
      );
      // Back in the field, to try again or read why.
      expect(await focusedId(page)).toBe('code');
      expect(await page.locator('linli-sign-in input').getAttribute('aria-invalid')).toBe('true');
      expect(await (await linli.log()).length).toBe(before);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      await check(page, `embed-4-refused-phone-${lang}`);
      await page.context().close();
    }
  }, 60_000);

  it('the sign-in in both languages, light, dark and large text, on a phone and a desktop: axe 0, nothing sideways', async () => {
    const looks: [string, Look][] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      looks.push([`phone-${lang}-light`, { viewport: PHONE, lang }]);
      looks.push([`phone-${lang}-dark`, { viewport: PHONE, lang, dark: true }]);
      looks.push([`phone-${lang}-large`, { viewport: PHONE, lang, largeText: true }]);
      looks.push([`desktop-${lang}`, { viewport: DESKTOP, lang }]);
    }
    for (const [name, look] of looks) {
      const page = await open(unlisted.origin, look);
      await poll(() => page.locator('linli-vote linli-sign-in input').count()).toBe(1);
      const label = await page.locator('linli-sign-in label').textContent();
      expect(label).toBe(look.lang === 'zh-CN' ? '入户邀请码' : 'Invite code');
      await check(page, `embed-5-${name}`);
      await page.context().close();
    }
  }, 120_000);
});
