/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedEvent } from '@linli/core';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

/** Where the screenshots go, for a person to look at. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'shots-res-offline');
const PHONE = { width: 390, height: 844 };
const SMALL = { width: 360, height: 740 };

let dir: string;
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-offline-'));
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  server = await startServer(join(dir, 'data'));
});
afterAll(async () => {
  await server?.stop();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The ballots room `unit`'s voter cast on the elevator motion, as the server logged them. */
async function ballotsOf(voterId: string): Promise<LoggedEvent[]> {
  return (await server.log()).filter(
    (e) =>
      e.type === 'ballot.cast' &&
      (e.payload as { motionId: string; ballot: { voterId: string } }).ballot.voterId === voterId &&
      (e.payload as { motionId: string }).motionId === 'lift',
  );
}

/** The residents' demo page, signed in with `unit`'s invite code, the vote card ready. */
async function signedIn(context: BrowserContext, unit: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  await page.locator('#code').fill(server.codes[unit] ?? '');
  await page.locator('#sign-in button[type=submit]').click();
  await expect.poll(() => page.locator('#status').textContent()).toContain(unit.slice(1));
  await expect.poll(() => page.locator('linli-vote [part="submit"]').count()).toBe(1);
  return page;
}

const queuedText = (page: Page) => page.locator('linli-vote [part="queued"]').textContent();
const statusText = (page: Page) =>
  page.locator('linli-live-status').evaluate((el) => el.shadowRoot?.textContent);

describe("a resident's ballot on a flaky line, through the real server", () => {
  it('is saved while offline, survives a reload, and lands exactly once when the line is back (390×844, zh-CN)', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await signedIn(context, 'u102');
    const voter = await page
      .locator('linli-vote')
      .evaluate((el) => (el as unknown as { voter: string }).voter);
    expect(await ballotsOf(voter)).toEqual([]);
    const logBefore = (await server.log()).length;

    await context.setOffline(true);
    await page.locator('linli-vote').getByRole('radio', { name: '同意' }).check();
    const pressed = Date.now();
    await page.locator('linli-vote').getByRole('button', { name: '投票' }).click();
    await expect.poll(() => queuedText(page)).toBe('已保存，联网后自动提交');
    expect(Date.now() - pressed).toBeLessThan(3_000); // no 8 s of silence
    expect(await page.locator('linli-vote [part="error"]').count()).toBe(0);
    await expect.poll(() => statusText(page)).toContain('已保存 1 项操作，联网后自动提交');
    await expect.poll(() => statusText(page)).toContain('连接已断开，显示的是刚才的数据');
    await page.screenshot({ path: join(SHOTS, 'queued-phone-zh.png'), fullPage: true });
    await page.screenshot({ path: join(SHOTS, 'queued-phone-zh-top.png') });
    await page.locator('#lift').screenshot({ path: join(SHOTS, 'queued-vote-card-zh.png') });
    expect(await axeViolations(page, ['linli-vote', 'linli-live-status'])).toEqual([]);

    // Reload while the server still cannot be reached (the page itself loads; the commands do not):
    // the ballot is still there, still said to be saved, and not sent.
    await context.route('**/c/xfkl/commands', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => page.locator('#status').textContent()).toContain('102');
    await expect.poll(() => queuedText(page), { timeout: 10_000 }).toBe('已保存，联网后自动提交');
    expect((await server.log()).length).toBe(logBefore);

    // The line is back: the `online` event sends it, once.
    await context.unroute('**/c/xfkl/commands');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => page.locator('linli-vote [part="queued"]').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => ballotsOf(voter)).toHaveLength(1);
    await expect
      .poll(() => page.locator('linli-vote').evaluate((el) => el.shadowRoot?.textContent ?? ''))
      .toContain('同意');
    await expect.poll(() => statusText(page)).not.toContain('已保存');
    // Another `online` and another page load send nothing more.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => page.locator('linli-vote [part="submit"]').count()).toBe(1);
    expect(await ballotsOf(voter)).toHaveLength(1);
    expect((await server.log()).length).toBe(logBefore + 1);
    await page.screenshot({ path: join(SHOTS, 'landed-phone-zh.png'), fullPage: true });
    await context.close();
  });

  it('says how old the data is while the live feed is down, in both languages and themes (360×740)', async () => {
    for (const [locale, colorScheme] of [
      ['en', 'dark'],
      ['zh-CN', 'light'],
    ] as const) {
      const context = await browser.newContext({ viewport: SMALL, locale, colorScheme });
      const page = await context.newPage();
      await page.clock.install();
      await page.goto(`${server.base}/`);
      await expect.poll(() => page.locator('linli-vote [part="tally"]').count()).toBe(1);
      if (locale === 'en') await page.locator('#language').click(); // the demo page starts in Chinese
      expect((await statusText(page))?.trim()).toBe('');
      await context.setOffline(true);
      const justNow =
        locale === 'en' ? 'Connection lost: showing data from just now' : '连接已断开，显示的是刚才的数据';
      // The stream's loss shows once the browser drops it, which a loaded machine may take seconds to do.
      await expect.poll(() => statusText(page), { timeout: 15_000 }).toContain(justNow);
      await page.clock.fastForward('03:00');
      const threeMinutes =
        locale === 'en'
          ? 'Connection lost: showing data from 3 minutes ago'
          : '连接已断开，显示的是 3 分钟前的数据';
      await expect.poll(() => statusText(page), { timeout: 10_000 }).toContain(threeMinutes);
      await page.screenshot({
        path: join(SHOTS, `stale-small-${locale}-${colorScheme}.png`),
        fullPage: true,
      });
      await page.screenshot({ path: join(SHOTS, `stale-small-${locale}-${colorScheme}-top.png`) });
      expect(await axeViolations(page, ['linli-live-status'])).toEqual([]);
      const box = await page.locator('linli-live-status').boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(SMALL.width);
      const size = await page
        .locator('linli-live-status')
        .evaluate(
          (el) => getComputedStyle(el.shadowRoot?.querySelector('[part~=stale]') as Element).fontSize,
        );
      expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(16);

      // The feed is back: the notice goes.
      await context.setOffline(false);
      await page.clock.fastForward('00:30');
      await expect.poll(() => statusText(page), { timeout: 15_000 }).not.toContain(threeMinutes);
      await context.close();
    }
  });
  it("says so on the residents' app screens too (notices, home, motions), at 390×844 in dark mode, the whole page passing axe", async () => {
    const signIn = await fetch(`${server.base}/c/xfkl/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: server.codes.u501 }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', colorScheme: 'dark' });
    await context.addInitScript(([key, saved]) => localStorage.setItem(key, saved), [
      'linli-session:/c/xfkl',
      JSON.stringify({ token, household: 'u501' }),
    ] as const);
    const page = await context.newPage();
    await page.goto(`${server.base}/c/xfkl/announcements`);
    await expect.poll(() => page.locator('linli-announcements').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('linli-live-status').count()).toBe(1);
    expect((await statusText(page))?.trim()).toBe('');
    await context.setOffline(true);
    await expect.poll(() => statusText(page)).toContain('连接已断开，显示的是刚才的数据');
    await page.screenshot({ path: join(SHOTS, 'stale-app-notices-phone-zh-dark.png') });
    expect(await axeViolations(page)).toEqual([]);
    await context.setOffline(false);
    await expect.poll(() => statusText(page), { timeout: 15_000 }).not.toContain('连接已断开');
    // The household's home and its motions list say so too: every screen that reads live data.
    for (const [path, screen] of [
      ['home', 'linli-resident-home-screen #owe'],
      ['motions', 'linli-resident-motions-screen h2'],
    ] as const) {
      await page.goto(`${server.base}/c/xfkl/${path}`);
      await expect.poll(() => page.locator(screen).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.locator('linli-live-status').count()).toBe(1);
      await context.setOffline(true);
      await expect
        .poll(() => statusText(page), { timeout: 15_000 })
        .toContain('连接已断开，显示的是刚才的数据');
      expect(await axeViolations(page), path).toEqual([]);
      await context.setOffline(false);
      await expect.poll(() => statusText(page), { timeout: 15_000 }).not.toContain('连接已断开');
    }
    await context.close();
  });
});
