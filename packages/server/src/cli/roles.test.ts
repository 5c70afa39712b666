/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildingRoles, Motion } from '@linli/core';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { layoutProblems } from '../testing/layout.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-roles-shots');
const PHONE = { width: 390, height: 844 };
const SCREEN = '/c/xfkl/organizer/roles';
const HEAD_PHONE = '139 1234 5678';

let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-roles-'));
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

/** A page signed in as the demo's organizer, reading as `look`, failing on any console error but refusals. */
async function organizerPage(look: Look): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: look.viewport, locale: look.locale });
  const prefs = { language: look.locale, theme: look.theme ?? 'light', largeText: look.largeText ?? false };
  await context.addInitScript(
    ([token, prefsJson]) => {
      sessionStorage.setItem('linli-organizer:/c/xfkl', token);
      localStorage.setItem('linli-prefs', prefsJson);
    },
    [server.organizer, JSON.stringify(prefs)] as const,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (400|401|409|422)\b/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, context, errors };
}

/** Asks the server (as the organizer unless `token`); the JSON answer. */
async function api<T>(path: string, body?: unknown, token = server.organizer): Promise<T> {
  const response = await fetch(`${server.base}/c/xfkl${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(answer)}`);
  return answer;
}

const run = (command: Record<string, unknown>) => api('/commands', { command });

/** A session token of household `unitId`, from an invite code it redeems. */
async function householdToken(unitId: string): Promise<string> {
  const { invites } = await api<{ invites: { code: string }[] }>('/invites', { units: [unitId] });
  const session = await fetch(`${server.base}/c/xfkl/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: invites[0]?.code }),
  });
  return ((await session.json()) as { token: string }).token;
}

const view = () => api<{ motions: Motion[]; roles: BuildingRoles[] }>('/view');
const tower = async () => (await view()).roles.find((b) => b.buildingId === 'ft');

/** The deep active element's id (focus inside shadow roots). */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id ?? '';
  });

/** Presses Tab (only the keyboard) until the element with `id` has focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 200; presses++) {
    if ((await focused(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** 福泰大厦's 楼组长 election: drafted, opened, three households vote, closed, the winner seated. */
async function electTowerHead(): Promise<void> {
  await run({
    type: 'motion.draft',
    id: 'ft-head',
    title: '选举福泰大厦楼组长',
    kind: 'single',
    options: [
      { id: 'wang', label: '王阿姨' },
      { id: 'zhao', label: '赵师傅' },
    ],
    scope: { kind: 'building', id: 'ft' },
    basis: 'households',
    rule: 'simpleMajority',
    electsRole: 'ft-head',
    closesAt: '2027-06-01T10:00:00Z',
  });
  await run({ type: 'motion.open', motionId: 'ft-head' });
  const motion = (await view()).motions.find((m) => m.id === 'ft-head');
  for (const [unitId, option] of [
    ['ft01', 'wang'],
    ['ft02', 'wang'],
    ['ft03', 'zhao'],
  ] as const) {
    const voter = motion?.electorate.find((v) => v.unitIds.includes(unitId));
    await api(
      '/commands',
      { command: { type: 'ballot.cast', motionId: 'ft-head', voterId: voter?.id, option } },
      await householdToken(unitId),
    );
  }
  await run({ type: 'motion.close', motionId: 'ft-head' });
  await run({ type: 'role.appointFromMotion', roleId: 'ft-head', motionId: 'ft-head' });
}

describe('一长五大 roles, from the organizer screen to <linli-roles>, through the real server', () => {
  it('defines the roles in the browser, seats an elected 楼组长, and shows the roster publicly and the contact to households only', async () => {
    const { page, context, errors } = await organizerPage({ viewport: PHONE, locale: 'zh-CN' });
    // From the organizer home, by its link.
    await page.goto(`${server.base}/c/xfkl/organizer`);
    await page.getByRole('link', { name: '楼组职务' }).click();
    await expect.poll(() => page.locator('linli-roles-screen h1').textContent()).toBe('楼组职务（一长五大）');
    await expect.poll(() => text(page, '#b-ft')).toContain('这栋楼还没有设立职务。');
    await page.locator('#standard-ft').click();
    await expect
      .poll(() => text(page, '#b-ft .confirm'))
      .toBe('在 福泰大厦 设立一长五大，任期 36 个月？ 确认 返回');
    await page.locator('#b-ft .confirm button.primary').click();
    await expect.poll(async () => (await tower())?.roles.length).toBe(6);
    await expect.poll(() => page.locator('#b-ft ul.roles > li').count()).toBe(6);
    await check(page, 'roles-1-defined-phone-zh');

    // A refusal: an appointment without its reason is the core's typed error, inline; nothing changes.
    const before = (await server.log()).length;
    await page.locator('#open-appoint-ft-weather').click();
    await page.locator('#holder-ft-weather').selectOption({ label: '201' });
    await page.locator('#appoint-ft-weather').click();
    await page.locator('#b-ft .confirm button.primary').click();
    await expect.poll(() => page.locator('#b-ft [role=alert]').count()).toBe(1);
    // Right below the form it is about, which stays open.
    expect(await page.locator('#holder-ft-weather').isVisible()).toBe(true);
    expect((await server.log()).length).toBe(before);
    await check(page, 'roles-2-refused-phone-zh');

    await electTowerHead();
    const head = (await tower())?.roles.find((r) => r.id === 'ft-head');
    expect(head?.holders.map((h) => h.name)).toEqual(['王阿姨']);
    await run({ type: 'role.shareContact', termId: head?.holders[0]?.termId, contact: HEAD_PHONE });
    await page.reload();
    await expect.poll(() => text(page, '#b-ft ul.roles > li')).toContain('王阿姨');
    await check(page, 'roles-3-seated-phone-zh');
    expect(errors).toEqual([]);
    await context.close();

    // The residents' page (the published view): the new head and the vacancies, no contact.
    const resident = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const home = await resident.newPage();
    await home.goto(`${server.base}/`);
    const roles = home.locator('linli-roles');
    await expect.poll(() => roles.locator('section[aria-label*="福泰大厦"] li').count()).toBe(6);
    const tower96 = roles.locator('section[aria-label*="福泰大厦"]');
    expect(await text(home, 'linli-roles section[aria-label*="福泰大厦"] li')).toMatch(/^楼组长 王阿姨 任期/);
    expect(await tower96.locator('[part~=vacant]').count()).toBe(5);
    expect(await roles.locator('[part=contact]').count()).toBe(0);
    expect(JSON.stringify(await view())).not.toContain(HEAD_PHONE);
    await home.screenshot({ path: join(SHOTS, 'roles-4-public-phone-zh.png'), fullPage: true });

    // Signed in as a household of the community: the consented contact appears.
    await home.locator('#code').fill(server.codes.u102 ?? '');
    await home.locator('#sign-in button[type=submit]').click();
    await expect.poll(() => roles.locator('[part=contact]').count()).toBe(1);
    expect(await roles.locator('[part=contact]').textContent()).toBe(`联系方式：${HEAD_PHONE}`);
    expect(await axeViolations(home)).toEqual([]);
    await home.screenshot({ path: join(SHOTS, 'roles-5-signed-in-phone-zh.png'), fullPage: true });
    await resident.close();
  }, 90_000);

  it('appoints by keyboard alone, behind its confirmation', async () => {
    const { page, context, errors } = await organizerPage({ viewport: PHONE, locale: 'zh-CN' });
    await page.goto(`${server.base}${SCREEN}`);
    await expect.poll(() => page.locator('#appoint-ft-harmony').count()).toBe(1);
    await tabTo(page, 'open-appoint-ft-harmony');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('holder-ft-harmony');
    await page.keyboard.press('ArrowDown'); // the first resident: room 101
    await page.keyboard.press('Tab');
    await page.keyboard.type('居委会推荐，本人同意');
    await tabTo(page, 'appoint-ft-harmony');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('confirm-text');
    expect(await text(page, '#confirm-text')).toBe('任命 101 为和谐宣传员？');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await tower())?.roles.find((r) => r.id === 'ft-harmony')?.holders[0]?.name)
      .toBe('101');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the roles screen at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const locale of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, context, errors } = await organizerPage({ viewport, locale, ...look });
          await page.goto(`${server.base}${SCREEN}`);
          await expect.poll(() => page.locator('#b-ft ul.roles > li').count()).toBe(6);
          const name = `roles-${viewport.width}-${locale}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await context.close();
        }
  }, 90_000);
});
