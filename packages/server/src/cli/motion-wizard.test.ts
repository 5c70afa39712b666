/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests, so server code still cannot.)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Motion } from '@linli/core';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { layoutProblems } from '../testing/layout.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

/** Screenshots to look at (not compared). */
const SHOTS = join(tmpdir(), 'linli-wizard-shots');
const PHONE = { width: 390, height: 844 };
const WIZARD = '/c/xfkl/organizer/motions/new';

let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-wizard-'));
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(join(dir, 'data'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Look {
  readonly viewport: { width: number; height: number };
  readonly locale: 'zh-CN' | 'en';
  readonly theme?: 'light' | 'dark';
  readonly largeText?: boolean;
}

/** A browser context signed in as the demo's organizer in this tab, reading as `look`. */
async function organizerContext(look: Look): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: look.viewport, locale: look.locale });
  const prefs = { language: look.locale, theme: look.theme ?? 'light', largeText: look.largeText ?? false };
  await context.addInitScript(
    ([token, prefsJson]) => {
      sessionStorage.setItem('linli-organizer:/c/xfkl', token);
      if (!localStorage.getItem('linli-prefs')) localStorage.setItem('linli-prefs', prefsJson);
    },
    [server.organizer, JSON.stringify(prefs)] as const,
  );
  return context;
}

/** A page that fails the test on a console error or uncaught exception (a refusal's 4xx excepted). */
async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (400|409|422)\b/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const h1 = (page: Page) => page.locator('h1').first();

/** The deep active element (focus inside shadow roots). */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { tag: active?.tagName.toLowerCase(), id: active?.id, text: active?.textContent?.trim() };
  });

/** The community's motions as the server publishes them. */
async function motions(): Promise<readonly Motion[]> {
  const response = await fetch(`${server.base}/c/xfkl/view`, {
    headers: { authorization: `Bearer ${server.organizer}` },
  });
  return ((await response.json()) as { motions: Motion[] }).motions;
}

describe('the organizer console is a lazy chunk', () => {
  it('keeps the wizard out of the first load and loads it on the first organizer screen, also after a reload', async () => {
    const app = await (await fetch(`${server.base}/app/app.js`)).text();
    const organizer = await (await fetch(`${server.base}/app/organizer.js`)).text();
    // Markers of the wizard: its element class's registration (quoted as the minifier likes) and its
    // elevator template's text.
    for (const marker of [/customElements\.define\(["'`]linli-motion-wizard["'`],/, /费用方案/]) {
      expect(app).not.toMatch(marker);
      expect(organizer).toMatch(marker);
    }

    const context = await organizerContext({ viewport: PHONE, locale: 'zh-CN' });
    const { page, errors } = await newPage(context);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    // The organizer's home is the chunk's first screen (the first load is the residents'), and the
    // chunk is fetched once for every screen after it.
    await page.goto(`${server.base}/c/xfkl/organizer`);
    await expect.poll(() => h1(page).textContent()).toBe('组织者首页');
    expect(scripts).toEqual(['/app/app.js', '/app/organizer.js']);
    await page.getByRole('link', { name: '表决事项' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('表决事项');
    expect(scripts).toEqual(['/app/app.js', '/app/organizer.js']);
    // The demo's motions, grouped, each a link to its own page.
    await expect.poll(() => page.getByRole('heading', { name: '已结束' }).count()).toBe(1);
    const links = await page
      .locator('ul.motions a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBe((await motions()).length);
    expect(links.every((href) => href?.startsWith('/c/xfkl/organizer/motions/'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);

    await page.goto(`${server.base}${WIZARD}`);
    await expect.poll(() => h1(page).textContent()).toBe('发起表决');
    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe('发起表决');
    expect(await page.title()).toBe('发起表决 · 邻里');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the motion wizard on a real server', () => {
  it('drafts and opens the elevator motion at 390×844 in zh-CN; the server has it open with its rule and electorate', async () => {
    const context = await organizerContext({ viewport: PHONE, locale: 'zh-CN' });
    const { page, errors } = await newPage(context);
    await page.goto(`${server.base}${WIZARD}`);
    await expect.poll(() => page.locator('.electorate').textContent()).toContain('票，面积');
    // The elevator template is the first: an owners' major matter in a stairwell, ground floor must consent.
    expect(await page.getByLabel('加装电梯').isChecked()).toBe(true);
    expect(await page.getByLabel('谁投票').inputValue()).toBe('owners');
    expect(await page.getByLabel('通过规则').inputValue()).toBe('civilCode278.major');
    const heads = Number(/(\d+) 票/.exec((await page.locator('.electorate').textContent()) ?? '')?.[1]);
    expect(heads).toBeGreaterThan(0);
    await page.getByLabel('标题').fill('1单元加装电梯（向导）');
    await page.screenshot({ path: join(SHOTS, 'wizard-phone-zh-light.png'), fullPage: true });
    await page.getByLabel('保存后马上开始投票').check();
    await page.getByRole('button', { name: '保存并开始投票' }).click();
    // The confirmation says what opening does before anything is sent.
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain(`（${heads} 票）`);
    // The whole confirmation, its buttons too, is on screen and has the focus (a phone's fold hid them).
    const yes = await page.getByRole('button', { name: '确认，开始投票' }).boundingBox();
    expect(yes && yes.y >= 0 && yes.y + yes.height <= PHONE.height).toBe(true);
    expect((await focused(page)).id).toBe('confirm');
    expect((await motions()).some((m) => m.title === '1单元加装电梯（向导）')).toBe(false);
    await page.getByRole('button', { name: '确认，开始投票' }).click();
    await expect.poll(() => page.url()).toMatch(/\/c\/xfkl\/organizer\/motions\/(?!new)[\w-]+$/);

    const motion = (await motions()).find((m) => m.title === '1单元加装电梯（向导）');
    expect(motion?.status).toBe('open');
    expect(motion?.rule.id).toBe('civilCode278.major');
    expect(motion?.basis).toBe('owners');
    expect(motion?.scope).toEqual({ kind: 'stairwell', id: 's1' });
    expect(motion?.electorate.length).toBe(heads);
    expect(motion?.mustConsent.length).toBeGreaterThan(0);
    expect(motion?.body).toContain('费用方案');
    expect(page.url()).toBe(`${server.base}/c/xfkl/organizer/motions/${motion?.id}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a refusal beside its field in the page language and changes nothing', async () => {
    const context = await organizerContext({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    const { page, errors } = await newPage(context);
    await page.goto(`${server.base}${WIZARD}`);
    await expect.poll(() => page.locator('.electorate').textContent()).toContain('votes');
    await page.getByLabel('Title').fill('Refused elevator');
    await page.getByLabel('Earliest opening time (optional)').fill('2030-01-02T10:00');
    await page.getByLabel('Closing time').fill('2030-01-01T10:00');
    const before = (await motions()).length;
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect.poll(() => page.locator('#err-closesAt').textContent()).toMatch(/clos/i);
    expect(await page.getByLabel('Closing time').getAttribute('aria-invalid')).toBe('true');
    expect((await focused(page)).id).toBe('closesAt');
    expect((await motions()).length).toBe(before);
    expect(page.url()).toBe(`${server.base}${WIZARD}`);
    await page.screenshot({ path: join(SHOTS, 'wizard-desktop-en-refused.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the draft is saved but opening is refused, with a link to the draft', async () => {
    const context = await organizerContext({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    const { page, errors } = await newPage(context);
    await page.goto(`${server.base}${WIZARD}`);
    await expect.poll(() => page.locator('.electorate').count()).toBe(1);
    await page.getByLabel('Custom').check();
    await page.getByLabel('Title').fill('Opens next year');
    await page.getByLabel('Earliest opening time (optional)').fill('2030-01-01T10:00');
    await page.getByLabel('Closing time').fill('2030-02-01T10:00');
    await page.getByLabel('Open voting as soon as it is saved').check();
    await page.getByRole('button', { name: 'Save and open voting' }).click();
    await page.getByRole('button', { name: 'Yes, open voting' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^The draft is saved, but voting could not be opened: /);
    const motion = (await motions()).find((m) => m.title === 'Opens next year');
    expect(motion?.status).toBe('draft');
    expect(await page.getByRole('link', { name: 'Go to the motion’s page' }).getAttribute('href')).toBe(
      `/c/xfkl/organizer/motions/${motion?.id}`,
    );
    // Saving again would draft a second motion: the button is gone.
    expect(await page.getByRole('button', { name: /Save/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses empty options and a past closing time beside their fields before sending, in plain zh-CN', async () => {
    const context = await organizerContext({ viewport: PHONE, locale: 'zh-CN' });
    const { page, errors } = await newPage(context);
    await page.goto(`${server.base}${WIZARD}`);
    await expect.poll(() => page.locator('.electorate').count()).toBe(1);
    await page.getByLabel('几家报价选一家').check();
    // Owners choosing one offer: Art. 278 ordinary matters; no "must consent" for a pick-one vote.
    expect(await page.getByLabel('通过规则').inputValue()).toBe('civilCode278.ordinary');
    expect(await page.getByText('必须同意的房屋').count()).toBe(0);
    // The rule's full name (a select cannot wrap) and its source, in zh-CN only.
    expect(await page.locator('#rule + .hint').textContent()).toContain('民法典第278条 一般事项');
    expect(await page.locator('#rule + .hint').textContent()).not.toMatch(/[A-Za-z]/);
    // The offers' words are hints, not values.
    const first = page.getByLabel('选项 1', { exact: true });
    expect(await first.inputValue()).toBe('');
    expect(await first.getAttribute('placeholder')).toBe('报价 1');
    const before = (await motions()).length;
    await page.getByLabel('标题').fill('');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.locator('#err-title').textContent()).toBe('请填写标题');
    expect((await focused(page)).id).toBe('title');
    await page.getByLabel('标题').fill('广告位出租');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.locator('#err-options').textContent()).toContain('请填写选项 1');
    expect(await first.getAttribute('aria-invalid')).toBe('true');
    expect((await focused(page)).tag).toBe('input');
    // No options at all: the focus goes to the message beside the options, where the user must look.
    for (let i = 3; i >= 1; i--) await page.getByRole('button', { name: `删除选项 ${i}` }).click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(async () => (await focused(page)).id).toBe('err-options');
    expect((await focused(page)).text).toBe('这类议题至少需要两个选项');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '加一个选项' }).click();
    for (const [i, label] of ['甲公司', '乙公司', '丙公司'].entries())
      await page.getByLabel(`选项 ${i + 1}`, { exact: true }).fill(label);
    await page.getByLabel('截止时间').fill('2020-01-01T10:00');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.locator('#err-closesAt').textContent()).toContain('2020');
    const said = (await page.locator('#err-closesAt').textContent()) ?? '';
    expect(said).toContain('北京时间');
    expect(said).not.toMatch(/\d{4}-\d\d-\d\dT|Z\b/);
    expect((await focused(page)).id).toBe('closesAt');
    expect((await motions()).length).toBe(before);
    expect(page.url()).toBe(`${server.base}${WIZARD}`);
    // Ways out without saving: back to the list, or Cancel.
    for (const name of ['← 回到表决事项', '取消，不保存'])
      expect(await page.getByRole('link', { name }).getAttribute('href')).toBe('/c/xfkl/organizer/motions');
    await page.screenshot({ path: join(SHOTS, 'wizard-phone-zh-offers-refused.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is done with the keyboard alone: a template by arrow keys, the title typed, Enter in it saves nothing, Save does', async () => {
    const context = await organizerContext({ viewport: PHONE, locale: 'zh-CN' });
    const { page, errors } = await newPage(context);
    await page.goto(`${server.base}/c/xfkl/organizer/motions`);
    await expect.poll(() => h1(page).textContent()).toBe('表决事项');
    // A way back, above the heading the screen focuses.
    expect(await page.getByRole('link', { name: '← 回到组织者首页' }).getAttribute('href')).toBe(
      '/c/xfkl/organizer',
    );
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('发起新的表决');
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page).textContent()).toBe('发起表决');
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    await expect.poll(() => page.locator('.electorate').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('input');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('自定义').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('title');
    await page.keyboard.type('楼道堆物清理');
    const before = (await motions()).length;
    await page.keyboard.press('Enter');
    // Enter in a field saves nothing unasked: only the Save button does.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(page.url()).toBe(`${server.base}${WIZARD}`);
    expect((await motions()).length).toBe(before);
    for (let i = 0; i < 80 && (await focused(page)).text !== '保存草稿'; i++)
      await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('保存草稿');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/motions\/(?!new)[\w-]+$/);
    const motion = (await motions()).find((m) => m.title === '楼道堆物清理');
    expect(motion).toMatchObject({ status: 'draft', kind: 'proposal', basis: 'households' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('passes axe and the layout rules at 360×740 and 1280×800, zh-CN and en, light, dark and large text', async () => {
    const looks: Look[] = [];
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const locale of ['zh-CN', 'en'] as const)
        for (const [theme, largeText] of [
          ['light', false],
          ['dark', false],
          ['light', true],
        ] as const)
          looks.push({ viewport, locale, theme, largeText });
    for (const look of looks) {
      const ctx = await organizerContext(look);
      const { page, errors } = await newPage(ctx);
      await page.goto(`${server.base}${WIZARD}`);
      await expect.poll(() => page.locator('.electorate').count()).toBe(1);
      const name = `${look.viewport.width}-${look.locale}-${look.theme}${look.largeText ? '-large' : ''}`;
      expect(await axeViolations(page), name).toEqual([]);
      if (look.viewport.width === 360) expect(await layoutProblems(page), name).toEqual([]);
      if (name === '1280-en-light' || name === '360-zh-CN-dark')
        await page.screenshot({ path: join(SHOTS, `wizard-${name}.png`), fullPage: true });
      expect(errors, name).toEqual([]);
      await ctx.close();
    }
  }, 90_000);
});

/** What the organizer chunk exports, as the page sees it. */
interface ReplicaTestWindow {
  chunk: {
    organizerReplica(
      community: string,
      token: string,
    ): Promise<{
      governance: { motions: { value: readonly { title: string }[] } };
    }>;
    disposeOrganizerReplicas(): void;
  };
  replicas: unknown[];
}

describe('organizerReplica against the real server', () => {
  it('loads the log, follows new events, is shared per community and token, and retries a failed load', async () => {
    const context = await organizerContext({ viewport: PHONE, locale: 'en' });
    const { page, errors } = await newPage(context);
    const reads: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/c/xfkl/events') reads.push(r.headers().authorization ?? '');
    });
    await page.goto(`${server.base}/c/xfkl/organizer`);
    await expect.poll(() => h1(page).textContent()).toBe('Organizer home');
    // A string, so that the test runner leaves the dynamic import to the browser.
    await page.evaluate(`import('/app/organizer.js').then((chunk) => { window.chunk = chunk; })`);

    const count = await page.evaluate(async (token) => {
      const w = window as unknown as ReplicaTestWindow;
      const replica = await w.chunk.organizerReplica('xfkl', token);
      return replica.governance.motions.value.length;
    }, server.organizer);
    expect(count).toBe((await motions()).length);

    // One replica per community and token: the second screen reads nothing again.
    const shared = await page.evaluate(async (token) => {
      const w = window as unknown as ReplicaTestWindow;
      const [a, b] = await Promise.all([
        w.chunk.organizerReplica('xfkl', token),
        w.chunk.organizerReplica('xfkl', token),
      ]);
      return a === b && a === (await w.chunk.organizerReplica('xfkl', token));
    }, server.organizer);
    expect(shared).toBe(true);
    expect(reads.filter((a) => a === `Bearer ${server.organizer}`).length).toBe(1);

    // It follows the stream: a motion drafted elsewhere appears without a reload.
    const drafted = await fetch(`${server.base}/c/xfkl/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.organizer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        command: {
          type: 'motion.draft',
          title: 'Drafted by another organizer',
          kind: 'proposal',
          scope: { kind: 'community' },
          basis: 'households',
          rule: 'simpleMajority',
          closesAt: '2030-01-01T00:00:00Z',
        },
      }),
    });
    expect(drafted.status).toBe(200);
    await expect
      .poll(() =>
        page.evaluate(async (token) => {
          const w = window as unknown as ReplicaTestWindow;
          const replica = await w.chunk.organizerReplica('xfkl', token);
          return replica.governance.motions.value.some((m) => m.title === 'Drafted by another organizer');
        }, server.organizer),
      )
      .toBe(true);

    // A refused load is forgotten: the next call reads again instead of sharing the failure.
    const refusedTwice = await page.evaluate(async () => {
      const w = window as unknown as ReplicaTestWindow;
      const codes: string[] = [];
      for (let i = 0; i < 2; i++)
        await w.chunk.organizerReplica('xfkl', 'not-a-token').then(
          () => codes.push('loaded'),
          (e: { error?: { code?: string } }) => codes.push(e.error?.code ?? 'unknown'),
        );
      w.chunk.disposeOrganizerReplicas();
      return codes;
    });
    expect(refusedTwice).toEqual(['auth.required', 'auth.required']);
    expect(reads.filter((a) => a === 'Bearer not-a-token').length).toBe(2);
    // Chromium logs the two refused reads; nothing else went wrong.
    expect(errors).toEqual(Array(2).fill(expect.stringContaining('status of 401')));
    await context.close();
  });
});
