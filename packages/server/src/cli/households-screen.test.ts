/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { join } from 'node:path';
import type { LoggedEvent } from '@linli/core';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { type ConsoleLook, consolePage, focusedId, tabTo, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';

/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;
const COMMUNITY = 'homes';
const ROOMS = ['101', '102', '201', '202'] as const;
const REGISTER = `楼号,单元,室号,面积,产权人\n${ROOMS.map((r) => `3,1,${r},80.00,业主${r}`).join('\n')}\n`;
const PHONE = { width: 390, height: 844 };
const SCREEN = 'households';

const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里3号楼',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
});
const { api, command, units } = t;

// The register names owners; each household gets one named resident.
beforeAll(async () => {
  for (const [room, unitId] of units)
    await command({
      type: 'resident.moveIn',
      unitId,
      id: `r${room}`,
      name: `住户${room}`,
      date: '2015-01-01',
    });
});

const events = async () => (await api<{ events: LoggedEvent[] }>('/events')).events;
const payloads = async (type: string) =>
  (await events()).filter((e) => e.type === type).map((e) => e.payload);

async function open(look: ConsoleLook, path = SCREEN): Promise<{ page: Page; errors: string[] }> {
  const opened = await consolePage(t.browser, COMMUNITY, t.organizer, look);
  await opened.page.goto(`${t.server.base}/c/${COMMUNITY}/organizer/${path}`);
  await expect
    .poll(() =>
      opened.page.locator('linli-households-screen section, linli-household-record-screen section').count(),
    )
    .toBeGreaterThan(0);
  return opened;
}

async function look(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Confirms what the screen asks, after checking its sentence. */
async function confirm(page: Page, sentence: string): Promise<void> {
  await expect.poll(() => focusedId(page)).toBe('confirm-text');
  expect(await textOf(page, '#confirm-text')).toBe(sentence);
  await page.locator('#confirm-yes').click();
  await expect.poll(() => textOf(page, 'p.done')).toBe('已保存。');
}

describe('the households screen, through the real server', () => {
  it('adds a household, corrects it, records a transfer with its date and shows its record (390×844, zh-CN)', async () => {
    const { page, errors } = await consolePage(t.browser, COMMUNITY, t.organizer, {
      viewport: PHONE,
      language: 'zh-CN',
    });
    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer`);
    await page.getByRole('link', { name: '住户管理' }).click();
    await expect.poll(() => page.locator('li.household').count()).toBe(4);
    await look(page, 'households-1-list-phone-zh');

    // Add 501: a new owner with a phone, two residents (one with her birth year).
    await page.locator('#open-add').click();
    await page.locator('#add-room').fill('501');
    await page.locator('#add-floor').fill('5');
    await page.locator('#add-area').fill('82.34');
    await page.locator('#add-owners').fill('周先生');
    await page.locator('#add-phone').fill('139 0000 0000');
    await page.locator('#add-owned-from').fill('2026-10-01');
    await page.locator('#add-residents').fill('周先生\n周奶奶 1941');
    await page.locator('#add-moved-in').fill('2026-10-02');
    await look(page, 'households-2-add-phone-zh');
    await page.locator('#add-submit').click();
    await confirm(page, '新增 501室：业主 周先生，居住人 2 人。确定吗？');
    const [added] = (await payloads('unit.added')).slice(-1) as {
      unitId: string;
      room: string;
      area: number;
    }[];
    expect(added).toMatchObject({ room: '501', floor: 5, area: 8234 });
    const unit = added?.unitId ?? '';
    await expect
      .poll(() => textOf(page, `#h-${unit} dl`))
      .toBe('业主 周先生 居住人 周先生、周奶奶，1941 年生');

    // Refused: the same room again is the core's typed error below the form; nothing changes.
    const before = (await events()).length;
    await page.locator('#open-add').click();
    await page.locator('#add-room').fill('501');
    await page.locator('#add-floor').fill('5');
    await page.locator('#add-area').fill('82.34');
    await page.locator('#add-owners').fill('别人');
    await page.locator('#add-submit').click();
    await page.locator('#confirm-yes').click();
    await expect.poll(() => textOf(page, '[role=alert]')).toBe('该单元已有 501 室');
    expect(await focusedId(page)).toBe('p');
    expect((await events()).length).toBe(before);
    await look(page, 'households-3-refused-phone-zh');

    // Correct the owner's name and a resident's birth year.
    await page.locator('#search').fill('周');
    await expect.poll(() => page.locator('li.household').count()).toBe(1);
    await page.locator(`#manage-${unit}`).click();
    const [zhou] = (await payloads('owner.registered')).slice(-1) as { ownerId: string }[];
    const owner = zhou?.ownerId ?? '';
    await page.locator(`#open-${unit}-owner-${owner}`).click();
    await page.locator(`#oname-${unit}-${owner}`).fill('周建国');
    await page.locator(`#do-${unit}-owner-${owner}`).click();
    await confirm(page, '保存业主“周建国”的修改吗？');
    expect((await payloads('owner.updated')).at(-1)).toEqual({ ownerId: owner, name: '周建国' });
    const grandma = (await payloads('resident.movedIn')).find(
      (p) => (p as { name?: string }).name === '周奶奶',
    ) as {
      residentId: string;
    };
    await page.locator(`#open-${unit}-resident-${grandma.residentId}`).click();
    await page.locator(`#ryear-${unit}-${grandma.residentId}`).fill('1940');
    await page.locator(`#do-${unit}-resident-${grandma.residentId}`).click();
    await confirm(page, '保存居住人“周奶奶”的修改吗？');
    expect((await payloads('resident.updated')).at(-1)).toEqual({
      residentId: grandma.residentId,
      birthYear: 1940,
    });

    // A transfer of ownership with its date: 林女士 from 20 November.
    await page.locator(`#open-${unit}-transfer`).click();
    await page.locator(`#towners-${unit}`).fill('林女士');
    await page.locator(`#tdate-${unit}`).fill('2026-11-20');
    await page.locator(`#do-${unit}-transfer`).click();
    await confirm(page, '501室 自 2026-11-20 起归 林女士 所有。确定吗？');
    expect((await payloads('unit.transferred')).at(-1)).toMatchObject({ unitId: unit, date: '2026-11-20' });
    await look(page, 'households-4-managed-phone-zh');

    // The record: owners over time, residents; printable.
    await page.getByRole('link', { name: '查看 501室 的完整记录' }).click();
    await expect.poll(() => textOf(page, 'linli-household-record-screen h1')).toBe('501室 住户记录');
    const rows = (section: number) =>
      page
        .locator(`linli-household-record-screen section:nth-of-type(${section}) tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
    expect(await rows(1)).toEqual([
      ['周建国', '2026-10-01', '2026-11-20'],
      ['林女士', '2026-11-20', '至今'],
    ]);
    expect(await rows(2)).toEqual([
      ['周先生', '—', '2026-10-02', '—'],
      ['周奶奶', '1940', '2026-10-02', '—'],
    ]);
    expect(await textOf(page, 'linli-household-record-screen p.unit')).toBe(
      '3号楼 1单元 501室，5 层，82.34 平方米',
    );
    await look(page, 'households-5-record-phone-zh');
    await page.emulateMedia({ media: 'print' });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'households-6-record-print.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('corrects a birth year by keyboard alone, behind its confirmation', async () => {
    const { page, errors } = await open({ viewport: PHONE, language: 'zh-CN' });
    const unit = units.get('102') ?? '';
    await tabTo(page, `manage-${unit}`);
    await page.keyboard.press('Enter');
    await tabTo(page, `open-${unit}-resident-r102`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(`rname-${unit}-r102`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('1943');
    await tabTo(page, `do-${unit}-resident-r102`);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('confirm-text');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await payloads('resident.updated')).at(-1))
      .toEqual({
        residentId: 'r102',
        birthYear: 1943,
      });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the households screen at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    const unit = units.get('101') ?? '';
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const choice of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await open({ viewport, language, ...choice });
          await page.locator('#open-add').click();
          await page.locator(`#manage-${unit}`).click();
          await page.locator(`#open-${unit}-transfer`).click();
          await look(
            page,
            `households-${viewport.width}-${language}-${'theme' in choice ? choice.theme : 'large'}`,
          );
          expect(errors).toEqual([]);
          await page.context().close();
        }
  }, 90_000);
});
