/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HouseholdHome } from '@linli/core';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import {
  type ConsoleLook,
  consolePage,
  focusedId,
  householdPage,
  tabTo,
  textOf,
} from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-resident-home-shots');
const COMMUNITY = 'xfkl';
const NOW = '2026-12-01T02:00:00Z';
const PHONE = { width: 390, height: 844 };
const B96 = ['101', '102', '201', '202', '301', '302'];
const FUTAI = ['1101', '1102'];
/** 96号楼 (six households) and 福泰大厦 (two; rooms differ: the fixture finds units by room). */
const REGISTER = `楼号,单元,室号,面积,产权人\n${B96.map((r) => `96,1,${r},75.32,业主${r}`).join('\n')}\n${FUTAI.map((r) => `福泰大厦,A座,${r},90.00,业主${r}`).join('\n')}\n`;
const EXEMPTION = '低保户，经业主大会同意免缴';
const RECEIPT = 'SK-0007';

const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '新福康里',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
  env: { LINLI_TEST_CLOCK: NOW },
});
const poll = expect.poll;
const unit = (room: string) => t.units.get(room) ?? '';
const units = (rooms: readonly string[]) => rooms.map(unit);

/** The organizer's set-up, as commands: residents, roles, a fund with an exemption, a duty, 福泰大厦's doorman. */
async function setUp(): Promise<void> {
  const { command, call } = t;
  const view = await t.api<{ units: Record<string, { buildingId: string }> }>('/view');
  const b96 = view.units[unit('101')]?.buildingId ?? '';
  for (const room of [...B96, ...FUTAI])
    await command({
      type: 'resident.moveIn',
      unitId: unit(room),
      id: `r${room}`,
      name: `住户${room}`,
      date: '2020-01-01',
    });
  await command({ type: 'role.defineStandard', buildingId: b96, termMonths: 36 });
  await command({
    type: 'role.appoint',
    roleId: `${b96}-head`,
    holder: 'r301',
    reason: '居委会推荐，本人同意',
  });
  await command({
    type: 'scheme.define',
    id: 'paint',
    name: '楼道粉刷分摊',
    scope: { kind: 'units', ids: units(B96) },
    basis: { kind: 'area' },
    subsidy: { kind: 'fixed', amount: 60_000 },
    exemptions: [{ unitId: unit('101'), reason: EXEMPTION }],
  });
  await command({ type: 'fund.open', id: 'paint-fund', name: '楼道粉刷', budget: 660_000 });
  await command({
    type: 'fund.pledge',
    fundId: 'paint-fund',
    schemeId: 'paint',
    cost: 660_000,
    due: '2026-12-31',
  });
  await command({
    type: 'fund.pay',
    fundId: 'paint-fund',
    unitId: unit('301'),
    amount: 60_000,
    method: 'wechat',
    receiptNo: RECEIPT,
  });
  await command({
    type: 'duty.define',
    id: 'stairs',
    name: '楼道保洁',
    scope: { kind: 'units', ids: units(B96) },
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    start: '2026-12-05',
    time: '09:00',
    durationMinutes: 60,
    policy: 'leastServed',
  });
  await command({ type: 'fund.open', id: 'doorman', name: '门卫工资', budget: 5_760_000 });
  await command({
    type: 'charge.define',
    id: 'wage',
    fundId: 'doorman',
    name: '门卫工资',
    monthlyAmount: 480_000,
    scope: { kind: 'units', ids: units(FUTAI) },
    start: '2026-11',
    dueDay: 15,
  });
  // The server's due work may have billed November already; either way it is billed once.
  await call('/commands', { command: { type: 'charge.bill', chargeId: 'wage', month: '2026-11' } });
}

let ready: Promise<void> | undefined;
const prepared = () => {
  ready ??= setUp();
  return ready;
};

/** What the server answers the household of `room` (its own home). */
async function homeOf(token: string): Promise<HouseholdHome> {
  return t.api<HouseholdHome>('/household', undefined, token);
}

/** Each household's session, redeemed once (redeeming codes is rate limited per address). */
const sessions = new Map<string, Promise<string>>();
function sessionOf(room: string): Promise<string> {
  let token = sessions.get(room);
  if (!token) {
    token = t.householdToken(room);
    sessions.set(room, token);
  }
  return token;
}

/** The home of `room` on a phone, signed in, once it has loaded. */
async function openHome(room: string, look: Partial<ConsoleLook> = {}) {
  const token = await sessionOf(room);
  const opened = await householdPage(
    t.browser,
    COMMUNITY,
    { token, unit: unit(room) },
    {
      viewport: PHONE,
      language: 'zh-CN',
      ...look,
    },
  );
  await opened.page.goto(`${t.server.base}/c/${COMMUNITY}/home`);
  await poll(() => opened.page.locator('linli-resident-home-screen #owe').count()).toBe(1);
  return { ...opened, token };
}

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the household’s home (/c/:community/home): what we owe, our turns, roles and notices', () => {
  it('lands a household on its home after signing in with its code', async () => {
    await prepared();
    const { invites } = await t.api<{ invites: { code: string }[] }>('/invites', { units: [unit('302')] });
    const { page, errors } = await consolePage(t.browser, COMMUNITY, '', {
      viewport: PHONE,
      language: 'zh-CN',
    });
    await page.goto(`${t.server.base}/c/${COMMUNITY}/sign-in`);
    await page.getByLabel('入户邀请码').fill(invites[0]?.code ?? '');
    await page.getByLabel('入户邀请码').press('Enter');
    await poll(() => page.evaluate(() => location.pathname)).toBe(`/c/${COMMUNITY}/home`);
    await poll(() => textOf(page, 'linli-resident-home-screen .unit')).toContain('96号楼 1单元 302室');
    // The header names the household as the door does, not by its unit id; a stale home says so.
    await poll(() => textOf(page, 'linli-app header .who')).toBe('已登录：96号楼 302室 我的设备 / 退出');
    expect(await page.locator('linli-resident-home-screen linli-live-status').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('a paying household sees its share and why, its payment with the receipt number, and the due date', async () => {
    await prepared();
    const { page, errors, token } = await openHome('301');
    const card = page.locator('linli-resident-home-screen [data-fund="paint-fund"]');
    const home = await homeOf(token);
    const paint = home.accounts.find((a) => a.fundId === 'paint-fund');
    // ¥6,600 less the ¥600 subsidy, by area over five paying households of equal area: ¥1,200 each.
    expect(paint).toMatchObject({ share: 120_000, paid: 60_000, balance: 60_000, pays: true });
    expect(await card.locator('dt').allTextContents()).toEqual(['应缴', '已缴', '尚欠']);
    expect(await card.locator('dd').allTextContents()).toEqual(['¥1,200.00', '¥600.00', '¥600.00']);
    expect(await textOf(page, '[data-fund="paint-fund"] .payments')).toBe(
      `2026年12月1日 缴款 ¥600.00 微信 · 收据号 ${RECEIPT}`,
    );
    // What needs it now comes first.
    const now = await textOf(page, 'linli-resident-home-screen #now ~ ul');
    expect(now).toContain('楼道粉刷：尚欠 ¥600.00');
    expect(now).toMatch(/下次楼道保洁：\d{4}年\d+月\d+日星期六 09:00/);
    await card.locator('summary').click();
    const how = await textOf(page, '[data-fund="paint-fund"] details');
    expect(how).toContain('分摊方案：楼道粉刷分摊');
    expect(how).toContain('按房屋面积分摊。');
    expect(how).toContain('您家：3楼，面积 75.32 平方米');
    expect(how).toContain('政府补贴 ¥600.00，先从总费用中扣除');
    expect(how).toContain('您家的份额：¥1,200.00');
    expect(how).toContain('缴费期限：2026年12月31日');
    // Never another household's account: only 301's own lines (others appear only as duty turns).
    expect(JSON.stringify(home.accounts)).not.toContain(unit('302'));
    for (const account of home.accounts) for (const p of account.payments) expect(p.unitId).toBe(unit('301'));
    expect(await textOf(page, 'linli-resident-home-screen #roles ~ ul')).toContain('楼组长');
    await check(page, 'home-301-paying-phone-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('an exempt household reads that it is exempt, and why', async () => {
    await prepared();
    const { page, errors } = await openHome('101');
    expect(await textOf(page, '[data-fund="paint-fund"] .exempt')).toBe(
      `您家免缴这笔费用。原因：${EXEMPTION}`,
    );
    expect(await page.locator('[data-fund="paint-fund"] dl').count()).toBe(0);
    await check(page, 'home-101-exempt-phone-zh');
    await page.context().close();
    const en = await openHome('101', { language: 'en' });
    expect(await textOf(en.page, '[data-fund="paint-fund"] .exempt')).toBe(
      `Your household is exempt from this cost. Reason: ${EXEMPTION}`,
    );
    expect([...errors, ...en.errors]).toEqual([]);
    await en.page.context().close();
  }, 60_000);

  it('201 asks 202 to swap on its page; 202 accepts with the keyboard alone; the roster trades the turns', async () => {
    await prepared();
    const asker = await openHome('201');
    const mine = (await homeOf(asker.token)).duties[0]?.next[0] ?? '';
    const { page, errors, token } = await openHome('202');
    const theirs = (await homeOf(token)).duties[0]?.next[0] ?? '';
    // 201 picks its first turn and 202's first turn on the form.
    const offers = (await homeOf(asker.token)).duties[0]?.others ?? [];
    const offer = offers.findIndex((o) => o.unitId === unit('202') && o.date === theirs);
    expect(offer).toBeGreaterThanOrEqual(0);
    await asker.page.locator('[data-duty="stairs"] details.ask summary').click();
    await asker.page.locator('#mine-stairs').selectOption(mine);
    await asker.page.locator('#theirs-stairs').selectOption(String(offer));
    await check(asker.page, 'home-201-ask-swap-phone-zh');
    await asker.page.locator('#send-stairs').click();
    await poll(() => textOf(asker.page, 'linli-resident-home-screen #done')).toBe(
      '已发出换班请求，等待对方答复。',
    );
    const sent = (await homeOf(asker.token)).duties[0]?.proposed[0];
    expect(sent).toMatchObject({ mine, theirs, otherRoom: '202', stage: 'acceptance' });
    const swapId = sent?.swapId ?? '';
    expect(await textOf(asker.page, `[data-swap="${swapId}"] p`)).toMatch(/^您请202室换班：/);
    expect(asker.errors).toEqual([]);
    await asker.page.context().close();
    await page.reload();
    await poll(() => page.locator(`#accept-${swapId}`).count()).toBe(1);
    expect(await textOf(page, `[data-swap="${swapId}"] p`)).toMatch(/^201室请您换班：/);
    expect(await textOf(page, 'linli-resident-home-screen #now ~ ul')).toContain(
      '楼道保洁：1 个换班请求等您答复',
    );
    await check(page, 'home-202-swap-phone-zh');
    await tabTo(page, `accept-${swapId}`);
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, 'linli-resident-home-screen #done')).toBe('已同意换班。');
    await poll(() => focusedId(page)).toBe('done');
    expect(await page.locator(`[data-swap="${swapId}"]`).count()).toBe(0);
    const view = await t.api<{ rosters: Record<string, { date: string; assignees: string[] }[]> }>('/view');
    const slot = (date: string) => view.rosters.stairs?.find((s) => s.date === date)?.assignees;
    expect(slot(mine)).toEqual([unit('202')]);
    expect(slot(theirs)).toEqual([unit('201')]);
    // Its calendar feed serves this household's turns.
    const feed = await page.locator('#calendar-stairs').getAttribute('href');
    const ics = await (await fetch(`${t.server.base}${feed}`)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('202室');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('a swap withdrawn meanwhile: accepting it is refused inline, focused, in the page’s language', async () => {
    await prepared();
    const asker = await sessionOf('101');
    const { page, errors, token } = await openHome('102');
    const mine = (await homeOf(asker)).duties[0]?.next[0] ?? '';
    const theirs = (await homeOf(token)).duties[0]?.next[0] ?? '';
    const swap = { dutyId: 'stairs', swapId: 'late-swap' };
    await t.command(
      {
        type: 'duty.proposeSwap',
        dutyId: 'stairs',
        id: 'late-swap',
        first: { date: mine, memberId: unit('101') },
        second: { date: theirs, memberId: unit('102') },
      },
      asker,
    );
    await page.reload();
    await poll(() => page.locator('#accept-late-swap').count()).toBe(1);
    await t.command({ type: 'duty.withdrawSwap', ...swap }, asker);
    await page.locator('#accept-late-swap').click();
    await poll(() => focusedId(page)).toBe('refusal-late-swap');
    const refused = await t.call('/commands', { command: { type: 'duty.acceptSwap', ...swap } }, token);
    const { error } = (await refused.json()) as { error: { message: { 'zh-CN': string } } };
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await textOf(page, '#refusal-late-swap')).toBe(error.message['zh-CN']);
    expect(await textOf(page, 'linli-resident-home-screen #done')).toBe('');
    await check(page, 'home-102-refused-phone-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('a 福泰大厦 household sees the doorman’s wage and its own building, none of Building 96’s', async () => {
    await prepared();
    const { page, errors, token } = await openHome('1101');
    await poll(async () => (await homeOf(token)).accounts[0]?.bills.length).toBe(1);
    await page.reload();
    await poll(() => page.locator('[data-fund="doorman"]').count()).toBe(1);
    expect(await textOf(page, 'linli-resident-home-screen .unit')).toContain('福泰大厦 A座 1101室');
    expect(await page.locator('[data-fund="paint-fund"]').count()).toBe(0);
    expect(await textOf(page, '[data-fund="doorman"]')).toContain(
      '2026年11月 门卫工资：¥2,400.00，2026年11月15日前缴',
    );
    expect(await textOf(page, '[data-fund="doorman"]')).toContain('门卫工资每月共 ¥4,800.00，由各户平均分摊');
    expect(await textOf(page, 'linli-resident-home-screen #turns ~ p')).toBe('您家目前没有值日安排。');
    expect(await textOf(page, 'linli-roles')).not.toContain('96号楼');
    await check(page, 'home-1101-futai-phone-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('marks unread notices with their count, and links to them', async () => {
    await prepared();
    await t.command({
      type: 'announcement.post',
      id: 'water',
      title: '周三停水',
      body: '周三 9:00–12:00 停水。',
      scope: { kind: 'community' },
    });
    const { page, errors } = await openHome('102');
    expect(await textOf(page, '#to-notices')).toBe('公告（1 条未读）');
    expect(await textOf(page, '[data-notice="water"]')).toBe('未读 周三停水');
    await page.locator('#all-notices').click();
    await poll(() => page.evaluate(() => location.pathname)).toBe(`/c/${COMMUNITY}/announcements`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the home at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    await prepared();
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await openHome('301', { viewport, language, ...look });
          await page.locator('[data-fund="paint-fund"] summary').click();
          const name = `home-${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 180_000);
});
