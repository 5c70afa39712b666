/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { type ConsoleLook, focusedId, signedInPage, tabTo, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-devices-shots');
const COMMUNITY = 'lane7';
const PHONE = { width: 390, height: 844 };
const DEVICES = `/c/${COMMUNITY}/devices`;
const REGISTER =
  '楼号,单元,室号,面积,产权人\n7,1,101,75.32,业主101\n7,1,102,88.68,业主102\n7,1,201,75.32,业主201\n7,1,202,60.00,业主202\n7,1,301,60.00,业主301\n7,1,302,60.00,业主302\n';
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '和睦里',
  register: REGISTER,
  organizers: ['李阿姨'],
  shots: SHOTS,
  // One proxy in front, as behind a building's router: each test page says which address it is.
  env: { TRUST_PROXY: '1' },
});
const poll = expect.poll;

/** A printed invite code for `room`, as the organizer's notice carries it (it replaces the last one). */
async function inviteCode(room: string): Promise<string> {
  const { invites } = await t.api<{ invites: { code: string }[] }>('/invites', {
    units: [t.units.get(room)],
  });
  return invites[0]?.code ?? '';
}

/** A phone on the network `address` (the proxy's `X-Forwarded-For`), signed in as nobody or as `room`. */
async function phone(
  address: string,
  room?: string,
  look: Partial<ConsoleLook> = {},
): Promise<{ page: Page; errors: string[] }> {
  const session =
    room === undefined
      ? undefined
      : {
          kind: 'household' as const,
          token: await t.householdToken(room),
          household: t.units.get(room) ?? '',
        };
  const opened = await signedInPage(t.browser, COMMUNITY, session, {
    viewport: PHONE,
    language: 'zh-CN',
    ...look,
  });
  await opened.page.context().setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return opened;
}

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in on the household sign-in form the shell shows in front of a household's screen. */
async function signInWith(page: Page, code: string): Promise<void> {
  await page.getByLabel('入户邀请码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

const deviceCards = (page: Page) => page.locator('linli-devices-screen ul.devices > li');
const sessionStatus = async (token: string) =>
  (await fetch(`${t.server.base}/c/${COMMUNITY}/session`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

describe("a household's devices: adding a family member's phone, signing out, lockouts", () => {
  it('signs in with the printed code, shows a one-time code and QR code, and a second phone joins with it', async () => {
    const first = await phone('198.51.100.10');
    await first.page.goto(`${t.server.base}${DEVICES}`);
    await signInWith(first.page, await inviteCode('101'));
    await poll(() => deviceCards(first.page).count()).toBe(1);
    expect(await textOf(first.page, 'linli-devices-screen ul.devices > li')).toContain('这台设备');
    // The header's way to the devices (and to signing out) for a household.
    expect(await first.page.getByRole('link', { name: '我的设备 / 退出' }).getAttribute('href')).toBe(
      DEVICES,
    );
    await check(first.page, 'devices-1-one-phone-zh');

    await first.page.getByRole('button', { name: '显示添加码' }).click();
    await poll(() => focusedId(first.page)).toBe('add-code');
    const code = await textOf(first.page, '#add-code');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(await first.page.locator('linli-devices-screen svg[role=img]').getAttribute('aria-label')).toBe(
      `添加码 ${code} 的二维码`,
    );
    expect(await textOf(first.page, 'linli-devices-screen .code')).toMatch(/前有效，只能用一次/);
    await check(first.page, 'devices-2-code-zh');

    // The family member's phone opens the QR code's link: the code is in the form, one tap signs in.
    const second = await phone('198.51.100.11');
    await second.page.goto(`${t.server.base}/c/${COMMUNITY}/sign-in?code=${encodeURIComponent(code)}`);
    await poll(() => second.page.getByLabel('入户邀请码').inputValue()).toBe(code);
    await second.page.getByRole('button', { name: '登录', exact: true }).last().click();
    // Signed in, the phone goes on to the household's home; the used code has left the history.
    await poll(() => second.page.url()).toBe(`${t.server.base}/c/${COMMUNITY}/home`);
    await second.page.goto(`${t.server.base}${DEVICES}`);
    await poll(() => deviceCards(second.page).count()).toBe(2);
    const cards = await deviceCards(second.page).allTextContents();
    // This device first, then the others.
    expect(cards[0]).toContain('这台设备');
    expect(cards[0]).toContain('用另一台设备显示的添加码');
    expect(cards[1]).toContain('另一台设备 1');
    expect(cards[1]).toContain('用入户通知上的邀请码');
    await check(second.page, 'devices-3-two-phones-zh');
    // Single use: the same code signs no third phone in.
    const again = await fetch(`${t.server.base}/c/${COMMUNITY}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.12' },
      body: JSON.stringify({ code }),
    });
    expect(again.status).toBe(401);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.page.context().close();
    await second.page.context().close();
  }, 90_000);

  it('ends another device, then warns before the last device signs out and says how to get back in', async () => {
    const { page, errors } = await phone('198.51.100.20', '102');
    const other = await t.householdToken('102');
    await page.goto(`${t.server.base}${DEVICES}`);
    await poll(() => deviceCards(page).count()).toBe(2);
    await page.getByRole('button', { name: '让“另一台设备 1”退出' }).click();
    await poll(() => textOf(page, '#note')).toBe('那台设备已退出。');
    expect(await deviceCards(page).count()).toBe(1);
    expect(await sessionStatus(other)).toBe(401);
    expect(await textOf(page, 'linli-devices-screen section:last-of-type')).toContain(
      '这是这户唯一登录着的设备',
    );

    await page.getByRole('button', { name: '退出登录', exact: true }).click();
    await poll(() => focusedId(page)).toBe('last-device');
    const warning = await textOf(page, '#last-device');
    expect(warning).toContain('这是这户唯一登录着的设备');
    expect(warning).toContain('请楼组长或居委会重新打印一张入户通知');
    await check(page, 'devices-4-last-device-warning-zh');
    // Staying signed in is the default answer.
    await page.getByRole('button', { name: '不退出' }).click();
    await poll(() => focusedId(page)).toBe('sign-out');
    const token = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}').token as string,
      `linli-session:/c/${COMMUNITY}`,
    );
    expect(await sessionStatus(token)).toBe(200);

    await page.getByRole('button', { name: '退出登录', exact: true }).click();
    await page.getByRole('button', { name: '仍然退出' }).click();
    await poll(() => page.url()).toBe(`${t.server.base}/c/${COMMUNITY}/sign-in`);
    expect(await sessionStatus(token)).toBe(401);
    expect(
      await page.evaluate((key) => localStorage.getItem(key), `linli-session:/c/${COMMUNITY}`),
    ).toBeNull();
    // Back in as the warning said: a new notice from the organizer.
    await page.goto(`${t.server.base}${DEVICES}`);
    await signInWith(page, await inviteCode('102'));
    await poll(() => deviceCards(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a lockout says how long it lasts; the right code still works from another address and for another household', async () => {
    const mine = await inviteCode('201');
    const neighbours = await inviteCode('202');
    const guess = (code: string, address: string) =>
      fetch(`${t.server.base}/c/${COMMUNITY}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ code }),
      }).then((r) => r.status);
    // Ten typos of 201's code (its first three characters right) from the building's Wi-Fi.
    const typo = (i: number) => `${mine.slice(0, 3)}${'23456789AB'[i]}Z-ZZZZZ`;
    for (let i = 0; i < 10; i += 1) expect(await guess(typo(i), '203.0.113.5')).toBe(401);
    const { page, errors } = await phone('203.0.113.5');
    await page.goto(`${t.server.base}${DEVICES}`);
    await signInWith(page, mine);
    await poll(() => page.locator('linli-sign-in [part~=error]').count()).toBe(1);
    const message = await textOf(page, 'linli-sign-in [part~=error]');
    expect(message).toMatch(/^这个邀请码被尝试的次数过多，请 \d+ 秒后再试。其他邻居和其他网络不受影响。$/);
    await check(page, 'devices-5-lockout-household-zh');
    // The neighbour on the same Wi-Fi signs in at once.
    await signInWith(page, neighbours);
    await poll(() => deviceCards(page).count()).toBe(1);
    // Signed in as the neighbour's household, named by building and room, never by its unit id.
    expect(await textOf(page, 'header .who')).toContain('7号楼 202室');
    expect(await textOf(page, 'header .who')).not.toContain(t.units.get('202') ?? '?');
    expect(errors).toEqual([]);
    await page.context().close();

    // An address past its cap (a flood of guesses at no household) waits, told how long, in English too;
    // the right code works from another address.
    const fresh = await inviteCode('301');
    // Twenty at a time (a flood does not wait), until the address's cap answers; a minute's end
    // restarting the counts only means another round.
    const flood = (i: number) =>
      guess(`${'ABCDEFGHJK'[i % 10]}${'MNPQRSTUVW'[Math.floor(i / 10) % 10]}Y-YYYYY`, '203.0.113.66');
    let statuses: number[] = [];
    for (let round = 0; round < 15 && !statuses.includes(429); round += 1)
      statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => flood(round * 20 + i)));
    expect(statuses).toContain(429);
    const flooded = await phone('203.0.113.66', undefined, { language: 'en' });
    await flooded.page.goto(`${t.server.base}${DEVICES}`);
    await flooded.page.getByLabel('Invite code').fill(fresh);
    await flooded.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await poll(() => flooded.page.locator('linli-sign-in [part~=error]').count()).toBe(1);
    expect(await textOf(flooded.page, 'linli-sign-in [part~=error]')).toMatch(
      /^Too many attempts from this network \(this Wi-Fi\); try again in \d+ seconds?\. Other neighbours and other networks are not affected\.$/,
    );
    await check(flooded.page, 'devices-6-lockout-address-en');
    await flooded.page.context().close();
    const elsewhere = await phone('203.0.113.67');
    await elsewhere.page.goto(`${t.server.base}${DEVICES}`);
    await signInWith(elsewhere.page, fresh);
    await poll(() => deviceCards(elsewhere.page).count()).toBe(1);
    await elsewhere.page.context().close();
  }, 120_000);

  it("language: the resident's own choice, else the browser's, else the community's default, and it persists", async () => {
    const pageIn = async (locale: string, saved?: string) => {
      const context = await t.browser.newContext({ viewport: PHONE, locale });
      if (saved !== undefined)
        await context.addInitScript((s) => localStorage.setItem('linli-prefs', s), saved);
      const page = await context.newPage();
      await page.goto(`${t.server.base}/c/${COMMUNITY}/sign-in`);
      await poll(() => page.locator('linli-sign-in-screen h1').count()).toBe(1);
      return page;
    };
    const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
    // An English browser gets English; a French one the community's default (the page's zh-CN).
    const english = await pageIn('en-US');
    expect(await lang(english)).toBe('en');
    expect(await textOf(english, 'linli-sign-in-screen h1')).toBe('Sign in');
    const french = await pageIn('fr-FR');
    expect(await lang(french)).toBe('zh-CN');
    // A theme change saves the theme only: the browser's language still decides.
    await english.getByLabel('Colours').selectOption('dark');
    expect(JSON.parse((await english.evaluate(() => localStorage.getItem('linli-prefs'))) ?? '{}')).toEqual({
      theme: 'dark',
    });
    // The visible switch: the choice wins over the browser's and persists across a reload.
    await english.getByRole('button', { name: '中文' }).click();
    await poll(() => lang(english)).toBe('zh-CN');
    await english.reload();
    await poll(() => textOf(english, 'linli-sign-in-screen h1')).toBe('登录');
    expect(await english.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const chosen = await pageIn('zh-CN', JSON.stringify({ language: 'en', largeText: true }));
    expect(await lang(chosen)).toBe('en');
    expect(await chosen.evaluate(() => document.documentElement.hasAttribute('data-large-text'))).toBe(true);
    for (const page of [english, french, chosen]) await page.context().close();
  }, 60_000);

  it('the devices screen by keyboard alone: show a code, meet the last-device warning, stay signed in', async () => {
    const { page, errors } = await phone('198.51.100.30', '302');
    await page.goto(`${t.server.base}${DEVICES}`);
    await poll(() => deviceCards(page).count()).toBe(1);
    await tabTo(page, 'show-code');
    await page.keyboard.press('Enter');
    await poll(() => focusedId(page)).toBe('add-code');
    await tabTo(page, 'sign-out');
    await page.keyboard.press('Enter');
    await poll(() => focusedId(page)).toBe('last-device');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('sign-out-anyway');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('keep');
    await page.keyboard.press('Enter');
    await poll(() => focusedId(page)).toBe('sign-out');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the devices screen at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    const viewports = [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ];
    for (const [v, viewport] of viewports.entries())
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          // Each size its own household: showing a code is limited per household and minute.
          const { page, errors } = await phone('198.51.100.40', v === 0 ? '201' : '301', {
            viewport,
            language,
            ...look,
          });
          await page.goto(`${t.server.base}${DEVICES}`);
          await poll(() => deviceCards(page).count()).toBeGreaterThan(0);
          await page.locator('#show-code').click();
          await poll(() => page.locator('linli-devices-screen svg[role=img]').count()).toBe(1);
          await check(
            page,
            `devices-${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`,
          );
          expect(errors).toEqual([]);
          await page.context().close();
        }
  }, 180_000);
});
