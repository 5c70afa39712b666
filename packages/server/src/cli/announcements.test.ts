/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Announcement, localDateOf, type NoticeReads } from '@linli/core';
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
import { startServer } from '../testing/run-server.js';

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-announcements-shots');
const COMMUNITY = 'lane5';
const PHONE = { width: 390, height: 844 };
const SCREEN = `/c/${COMMUNITY}/organizer/announcements`;
/** 5号楼 with three households, 6号楼 with one (rooms differ: the fixture finds units by room). */
const REGISTER =
  '楼号,单元,室号,面积,产权人\n5,1,101,75.32,业主101\n5,1,102,88.68,业主102\n5,1,201,75.32,业主201\n6,1,301,60.00,业主301\n';
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
});
const { api, command, householdToken } = t;
const poll = expect.poll;

const TITLE = '电梯年检停运通知';
const BODY = '12月3日 9:00–17:00 电梯年检，停运一天。\n行动不便的住户请提前联系楼组长。';
const SCAN = Buffer.from('%PDF-1.4\n年检通知单\n%%EOF\n');

const notices = async () => (await api<{ announcements?: Announcement[] }>('/view')).announcements ?? [];
const reads = () => api<{ showReaders: boolean; reads: NoticeReads[] }>('/announcements/reads');

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const organizerPage = (look: Partial<ConsoleLook> = {}) =>
  consolePage(t.browser, COMMUNITY, t.organizer, { viewport: PHONE, language: 'zh-CN', ...look });

/** A household's phone, signed in (its session kept on the device, as the sign-in form keeps it). */
async function householdPhone(room: string): Promise<Page> {
  const session = { token: await householdToken(room), unit: t.units.get(room) ?? '' };
  const { page } = await householdPage(t.browser, COMMUNITY, session, { viewport: PHONE, language: 'zh-CN' });
  await page.goto(`${t.server.base}/c/${COMMUNITY}/announcements`);
  await poll(() => page.locator('linli-announcements h2').count()).toBe(1);
  return page;
}

describe('notices (公告), from the organizer screen to the households’ phones and the lobby', () => {
  it('posts a notice with a scan for 5号楼; two of its households read it, 6号楼 never sees it; count 2; printed', async () => {
    const { page, errors } = await organizerPage();
    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer`);
    await page.getByRole('link', { name: '公告' }).click();
    await poll(() => page.locator('linli-announcements-screen h1').textContent()).toBe('公告');
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('正文（纯文本，可换行）').fill(BODY);
    await page.getByLabel('发给').selectOption({ label: '5号楼' });
    await page
      .locator('#n-file')
      .setInputFiles({ name: '年检通知单.pdf', mimeType: 'application/pdf', buffer: SCAN });
    await check(page, 'notices-1-form-phone-zh');
    await page.locator('#post').click();
    await poll(async () => (await notices()).length).toBe(1);
    const [posted] = await notices();
    expect(posted).toMatchObject({ title: TITLE, body: BODY, scope: { kind: 'building' } });
    expect(posted?.attachments?.[0]).toMatchObject({
      name: '年检通知单.pdf',
      type: 'application/pdf',
      size: SCAN.length,
    });
    await poll(() => textOf(page, `[data-notice="${posted?.id}"] .reads`)).toBe('已读 0 / 3 户');

    // Two households of 5号楼 open it on their phones; 6号楼's household does not see it.
    for (const room of ['101', '102']) {
      const phone = await householdPhone(room);
      await poll(() => phone.locator('linli-announcements summary').count()).toBe(1);
      await phone.locator('linli-announcements summary').click();
      await poll(() => phone.locator('linli-announcements [part=body]').isVisible()).toBe(true);
      expect(await phone.locator('linli-announcements [part=body]').textContent()).toBe(BODY);
      expect(await phone.locator('linli-announcements [part=attachment]').textContent()).toContain(
        '年检通知单.pdf',
      );
      await check(phone, `notices-2-household-${room}-phone-zh`);
      await phone.context().close();
    }
    const other = await householdPhone('301');
    await poll(() => textOf(other, 'linli-announcements [role=status]')).toBe('目前没有公告');
    await other.context().close();

    await poll(async () => (await reads()).reads[0]?.read).toBe(2);
    expect((await reads()).reads[0]).not.toHaveProperty('readers');
    await page.reload();
    await poll(() => textOf(page, `[data-notice="${posted?.id}"] .reads`)).toBe('已读 2 / 3 户');
    await check(page, 'notices-3-read-phone-zh');

    // The A4 lobby sheet, as the browser prints it.
    await page.locator(`#print-${posted?.id}`).click();
    await poll(() => page.locator('linli-notice-sheet-screen #sheet-title').textContent()).toBe(TITLE);
    await check(page, 'notices-4-sheet-phone-zh');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const file = join(t.folder, 'notice.pdf');
    writeFileSync(file, pdf);
    if (SHOTS) writeFileSync(join(SHOTS, 'notice.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(TITLE);
    expect(text).toContain(BODY.replace(/\s+/g, ''));
    expect(text).not.toContain('打印张贴');
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows a refusal inline and changes nothing; drafts a reminder for an open vote, which the organizer posts', async () => {
    const { page, errors } = await organizerPage();
    await page.goto(`${t.server.base}${SCREEN}`);
    await poll(() => page.locator('#post').count()).toBe(1);
    const before = (await notices()).length;
    await page.getByLabel('标题').fill('过期的通知');
    await page.getByLabel('正文（纯文本，可换行）').fill('正文');
    await page.locator('#n-expires').fill('2020-01-01');
    await page.locator('#post').click();
    await poll(() => page.locator('linli-announcements-screen [role=alert]').count()).toBe(1);
    expect(await textOf(page, 'linli-announcements-screen [role=alert]')).toMatch(
      /^截止日期 2020-01-01 早于今天/,
    );
    expect((await notices()).length).toBe(before);
    await check(page, 'notices-5-refused-phone-zh');

    await command({
      type: 'motion.draft',
      id: 'gate',
      title: '加装门禁',
      kind: 'proposal',
      scope: { kind: 'community' },
      basis: 'owners',
      rule: 'simpleMajority',
      closesAt: '2031-06-01T10:00:00Z',
    });
    await command({ type: 'motion.open', motionId: 'gate' });
    await page.reload();
    await poll(() => page.locator('#remind-what option').count()).toBeGreaterThan(1);
    await page.locator('#remind-what').selectOption({ label: '投票：加装门禁' });
    await page.locator('#draft').click();
    await poll(() => page.getByLabel('标题').inputValue()).toBe('投票提醒：加装门禁');
    expect(await page.getByLabel('正文（纯文本，可换行）').inputValue()).toContain('2031-06-01 18:00 截止');
    expect(await page.locator('#n-expires').inputValue()).toBe('2031-06-01');
    await check(page, 'notices-6-reminder-phone-zh');
    await page.locator('#post').click();
    await poll(async () => (await notices()).map((n) => n.title)).toContain('投票提醒：加装门禁');
    expect(errors).toEqual([]);
  }, 60_000);

  it('withdraws a notice by keyboard alone, behind its confirmation', async () => {
    const { page, errors } = await organizerPage();
    const reminder = (await notices()).find((n) => n.title === '投票提醒：加装门禁');
    const id = reminder?.id ?? '';
    await page.goto(`${t.server.base}${SCREEN}`);
    await poll(() => page.locator(`#open-withdraw-${id}`).count()).toBe(1);
    await tabTo(page, `open-withdraw-${id}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(`reason-${id}`);
    await page.keyboard.type('投票已改期');
    await tabTo(page, `withdraw-${id}`);
    await page.keyboard.press('Enter');
    await poll(() => focusedId(page)).toBe('confirm-text');
    expect(await textOf(page, '#confirm-text')).toBe('确认撤下“投票提醒：加装门禁”？');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(async () => (await notices()).some((n) => n.id === id)).toBe(false);
    expect(errors).toEqual([]);
  }, 60_000);

  it('the notices screen at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await organizerPage({ viewport, language, ...look });
          await page.goto(`${t.server.base}${SCREEN}`);
          await poll(() => page.locator('.reads').count()).toBeGreaterThan(0);
          const name = `notices-${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 90_000);

  it('a notice past its last day is gone from the view after a restart on a later day', async () => {
    const today = localDateOf(new Date());
    await command({
      type: 'announcement.post',
      id: 'today-only',
      title: '今日停电',
      body: '今天 14:00–15:00 停电。',
      scope: { kind: 'community' },
      expiresOn: today,
    });
    expect((await notices()).map((n) => n.id)).toContain('today-only');
    await t.server.stop();
    const later = await startServer(join(t.folder, 'data'), { LINLI_TEST_CLOCK: '2031-01-01T02:00:00Z' }, [
      'serve',
    ]);
    try {
      const view = (await (await fetch(`${later.base}/c/${COMMUNITY}/view`)).json()) as {
        announcements: Announcement[];
      };
      expect(view.announcements.map((n) => n.id)).not.toContain('today-only');
      expect(view.announcements.map((n) => n.title)).toContain(TITLE);
    } finally {
      await later.stop();
    }
  }, 60_000);
});
