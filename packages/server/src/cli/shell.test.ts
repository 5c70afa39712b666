/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests, so server code still cannot.)
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { layoutProblems } from '../testing/layout.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

/** Screenshots to look at (not compared): phone and desktop, both languages, dark and large text. */
const SHOTS = join(tmpdir(), 'linli-shell-shots');
const PHONE = { width: 390, height: 844 };

let dir: string;
let browser: Browser;
const running: RunningServer[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-shell-'));
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(running.splice(0).map((r) => r.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/** `linli-server` (serve) on an empty folder, and the setup link it printed. */
async function emptyServer(name: string): Promise<{ server: RunningServer; link: string }> {
  const server = await startServer(join(dir, name), {}, ['serve']);
  running.push(server);
  const link = /setup\s+(http:\S+\/setup#token=[\w-]+)/.exec(server.output)?.[1];
  if (!link) throw new Error(`no setup link in:\n${server.output}`);
  return { server, link };
}

type Colours = 'light' | 'dark';
interface Look {
  readonly viewport: { width: number; height: number };
  readonly locale: 'zh-CN' | 'en';
  readonly colours?: Colours;
  readonly largeText?: boolean;
}

/** A fresh browser context that reads as `look` (language from the browser, choices preset on the device). */
async function openContext(base: string, look: Look): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: look.viewport, locale: look.locale });
  const prefs = { language: look.locale, theme: look.colours ?? 'light', largeText: look.largeText ?? false };
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    ['linli-prefs', JSON.stringify(prefs)] as const,
  );
  void base;
  return context;
}

/** A page that fails the test on any console error (a CSP violation is one) or uncaught exception. */
async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // The typed refusals a test provokes on purpose are logged by Chromium too; anything else fails.
    const refused = /status of (400|401|403|410)\b/.test(m.text());
    // …and the sign-in form's check for a community the server does not host.
    const noSuchCommunity = /status of 404\b/.test(m.text()) && m.location().url.endsWith('/session');
    if (m.type() === 'error' && !refused && !noSuchCommunity) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** The deep active element's tag, name and text (focus inside shadow roots). */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.tagName.toLowerCase(),
      name: active?.getAttribute('name'),
      text: active?.textContent?.trim(),
    };
  });

const h1 = (page: Page) => page.locator('h1').first();

const audit = axeViolations;

describe('the page shell on a real server', () => {
  let server: RunningServer;
  let link: string;
  let organizerToken = '';

  beforeAll(async () => {
    ({ server, link } = await emptyServer('first-run'));
  });

  it('completes /setup at 390×844: the token leaves the address bar, the organizer token is shown once, then the home', async () => {
    const context = await openContext(server.base, { viewport: PHONE, locale: 'zh-CN' });
    const { page, errors } = await newPage(context);
    await page.goto(link);
    await expect.poll(() => h1(page).textContent()).toBe('设置第一个社区');
    expect(page.url()).toBe(`${server.base}/setup`); // the fragment is gone from the address bar
    expect(await page.title()).toBe('设置第一个社区 · 邻里');
    await page.getByLabel('社区编号').fill('Jiangning 1');
    await page.getByLabel('社区名称').fill('江宁一村');
    await page.getByLabel('姓名').fill('王阿姨');
    await page.getByLabel('居委会干部').check();
    await page.screenshot({ path: join(SHOTS, 'setup-phone-zh-light.png'), fullPage: true });
    await page.getByRole('button', { name: '创建社区' }).click();
    // A bad id is refused beside its field, in the page's language, and nothing is created.
    await expect.poll(() => page.locator('#id-error').textContent()).toContain('社区编号只能用小写字母');
    expect(await page.getByLabel('社区编号').getAttribute('aria-invalid')).toBe('true');
    expect((await focused(page)).name).toBe('id');
    await page.screenshot({ path: join(SHOTS, 'setup-phone-zh-error.png'), fullPage: true });
    expect(await (await fetch(`${server.base}/setup/status`)).json()).toEqual({ open: true });

    await page.getByLabel('社区编号').fill('jiangning-1');
    await page.getByRole('button', { name: '创建社区' }).click();
    await expect.poll(() => page.locator('code.secret').textContent()).toMatch(/^[\w-]{43}$/);
    organizerToken = (await page.locator('code.secret').textContent()) ?? '';
    expect(await page.locator('#done').textContent()).toContain('王阿姨（居委会干部）');
    await page.screenshot({ path: join(SHOTS, 'setup-phone-zh-done.png'), fullPage: true });
    expect(existsSync(join(dir, 'first-run', 'setup-token.json'))).toBe(false);
    expect(await (await fetch(`${server.base}/setup/status`)).json()).toEqual({ open: false });

    await page.getByLabel('我已抄下或打印了令牌').check();
    await page.getByRole('link', { name: '进入组织者首页' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('组织者首页');
    expect(page.url()).toBe(`${server.base}/c/jiangning-1/organizer`);
    expect((await focused(page)).tag).toBe('h1');
    await expect.poll(() => page.getByText('社区：江宁一村（编号 jiangning-1）').count()).toBe(1);
    expect(await page.locator('header').textContent()).toContain('已登录：王阿姨（居委会干部）');
    await page.screenshot({ path: join(SHOTS, 'home-phone-zh-light.png'), fullPage: true });
    // The setup token never reached the server's log: it travelled only in the fragment.
    const token = new URL(link).hash.slice('#token='.length);
    expect(server.output.split(token).length).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lands on deep links, keeps the organizer signed in on reload, and back/forward move between screens', async () => {
    const context = await openContext(server.base, { viewport: PHONE, locale: 'zh-CN' });
    const { page, errors } = await newPage(context);
    await page.goto(`${server.base}/c/jiangning-1/organizer`);
    // Not signed in in this tab: the sign-in form stands in front of the deep-linked screen …
    await expect.poll(() => h1(page).textContent()).toBe('组织者登录');
    await page.getByLabel('组织者令牌').fill('not-the-token');
    await page.getByRole('button', { name: '登录' }).click();
    await expect
      .poll(() => page.locator('#organizer-error').textContent())
      .toContain('令牌对社区“jiangning-1”无效');
    await page.getByLabel('组织者令牌').fill(organizerToken);
    await page.getByRole('button', { name: '登录' }).click();
    // … then the screen itself, at the same address.
    await expect.poll(() => h1(page).textContent()).toBe('组织者首页');
    expect(page.url()).toBe(`${server.base}/c/jiangning-1/organizer`);
    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe('组织者首页');

    // In-app links are real links, followed without a page load; back and forward work.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.goto(`${server.base}/c/jiangning-1/sign-in`);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await expect.poll(() => h1(page).textContent()).toBe('登录');
    await page.getByRole('link', { name: '进入组织者首页' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('组织者首页');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(await page.title()).toBe('组织者首页 · 邻里');
    await page.goBack();
    await expect.poll(() => h1(page).textContent()).toBe('登录');
    await page.goForward();
    await expect.poll(() => h1(page).textContent()).toBe('组织者首页');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );

    // A community the server does not host: the page says so, and asks for no secret.
    await page.goto(`${server.base}/c/no-such-place/organizer`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('找不到该社区');
    expect(await page.getByLabel('组织者令牌').count()).toBe(0);
    await page.goto(`${server.base}/c/jiangning-1/organizer/no-such-screen`);
    await expect.poll(() => h1(page).textContent()).toBe('找不到这个页面');
    expect(await page.title()).toBe('找不到这个页面 · 邻里');
    await page.goto(`${server.base}/c/jiangning-1/organizer`);
    await expect.poll(() => h1(page).textContent()).toBe('组织者首页');
    await page.getByRole('button', { name: '退出登录' }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe('组织者登录');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches language, theme and large text on <html> (lang, data-theme, --linli-* properties) and persists them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const { page, errors } = await newPage(context);
    await page.goto(`${server.base}/c/jiangning-1/sign-in`);
    // No choice saved yet: the browser's language.
    await expect.poll(() => h1(page).textContent()).toBe('Sign in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('登录');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toBe('登录 · 邻里');
    await page.getByLabel('配色').selectOption('dark');
    await page.getByLabel('大字').check();
    const look = () =>
      page.evaluate(() => {
        const root = document.documentElement;
        return {
          theme: root.dataset.theme,
          large: root.hasAttribute('data-large-text'),
          scale: getComputedStyle(root).getPropertyValue('--linli-font-scale').trim(),
          background: getComputedStyle(root).backgroundColor,
        };
      });
    expect(await look()).toEqual({
      theme: 'dark',
      large: true,
      scale: '1.25',
      background: 'rgb(13, 17, 23)',
    });
    await page.screenshot({ path: join(SHOTS, 'sign-in-desktop-zh-dark-large.png'), fullPage: true });
    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe('登录');
    expect(await look()).toEqual({
      theme: 'dark',
      large: true,
      scale: '1.25',
      background: 'rgb(13, 17, 23)',
    });
    await page.getByLabel('配色').selectOption('system');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => (await look()).theme).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await look()).theme).toBe('dark');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the key screens, for everyone', () => {
  it('can be completed with the keyboard alone: /setup to the organizer home', async () => {
    const { server, link } = await emptyServer('keyboard');
    const context = await openContext(server.base, { viewport: { width: 1280, height: 800 }, locale: 'en' });
    const { page, errors } = await newPage(context);
    await page.goto(link);
    await expect.poll(() => h1(page).textContent()).toBe('Set up the first community');
    const tabTo = async (want: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        if (want(await focused(page))) return;
      }
      throw new Error('not reachable with Tab');
    };
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to content');
    await tabTo((f) => f.name === 'id');
    await page.keyboard.type('keyboard-lane');
    await page.keyboard.press('Tab');
    await page.keyboard.type('键盘里');
    await tabTo((f) => f.name === 'organizer');
    await page.keyboard.type('Li Wei');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the second role
    await page.keyboard.press('ArrowDown'); // the third: 业委会委员
    await tabTo((f) => f.tag === 'button' && f.text === 'Create the community');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#done').textContent()).toContain("owners' committee member");
    await tabTo((f) => f.tag === 'input' && f.name === null);
    await page.keyboard.press('Space');
    await tabTo((f) => f.tag === 'a' && f.text === 'Go to the organizer home');
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page).textContent()).toBe('Organizer home');
    expect((await focused(page)).tag).toBe('h1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pass axe with 0 violations, scroll no sideways, keep text ≥ 16 px and targets ≥ 44 px: 360×740 and 1280×800 × zh-CN/en × light/dark/large text', async () => {
    const { server, link } = await emptyServer('matrix');
    // Found the community through the API, so the setup page stays open for the audit of its form.
    const token = new URL(link).hash.slice('#token='.length);
    const problems: string[] = [];
    const looks: Look[] = [];
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const locale of ['zh-CN', 'en'] as const)
        for (const [colours, largeText] of [
          ['light', false],
          ['dark', false],
          ['light', true],
        ] as const)
          looks.push({ viewport, locale, colours, largeText });
    for (const look of looks) {
      const context = await openContext(server.base, look);
      const { page, errors } = await newPage(context);
      await page.goto(link);
      // The setup screen is in the lazy organizer chunk: give its first download time on a busy machine.
      await expect.poll(() => page.locator('linli-setup-screen form').count(), { timeout: 10_000 }).toBe(1);
      const name = `${look.viewport.width}-${look.locale}-${look.colours}${look.largeText ? '-large' : ''}`;
      for (const p of [...(await audit(page)), ...(await layoutProblems(page))])
        problems.push(`setup ${name}: ${p}`);
      if (look.viewport.width === 360)
        await page.screenshot({ path: join(SHOTS, `setup-${name}.png`), fullPage: true });
      problems.push(...errors.map((e) => `setup ${name}: console ${e}`));
      await context.close();
    }
    const founded = await fetch(`${server.base}/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        community: { id: 'matrix', name: '矩阵小区 Matrix Court' },
        organizer: { name: '张老师', role: 'owners-committee' },
      }),
    });
    const { token: organizer } = (await founded.json()) as { token: string };
    for (const look of looks) {
      const context = await openContext(server.base, look);
      await context.addInitScript((t) => sessionStorage.setItem('linli-organizer:/c/matrix', t), organizer);
      const { page, errors } = await newPage(context);
      await page.goto(`${server.base}/c/matrix/organizer`);
      await expect.poll(() => page.getByText('矩阵小区 Matrix Court', { exact: false }).count()).toBe(1);
      const name = `${look.viewport.width}-${look.locale}-${look.colours}${look.largeText ? '-large' : ''}`;
      for (const p of [...(await audit(page)), ...(await layoutProblems(page))])
        problems.push(`home ${name}: ${p}`);
      await page.screenshot({ path: join(SHOTS, `home-${name}.png`), fullPage: true });
      problems.push(...errors.map((e) => `home ${name}: console ${e}`));
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
