/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggedEvent } from '@linli/core';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { type ConsoleLook, consolePage, focusedId, tabTo, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';

/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;
const COMMUNITY = 'lane5';
/** A Thursday: the Monday rota starts on 2026-09-07, and National Day's Monday (10-05) falls in its first months. */
const NOW = '2026-09-03T02:00:00Z';
const ROOMS = ['101', '102', '201', '202', '301', '302'] as const;
const REGISTER = `楼号,单元,室号,面积,产权人\n${ROOMS.map((r) => `5,1,${r},80.00,业主${r}`).join('\n')}\n`;
const PHONE = { width: 390, height: 844 };

const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里5号楼',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
  env: { LINLI_TEST_CLOCK: NOW },
});

const log = async () => (await t.api<{ events: LoggedEvent[] }>('/events')).events;

/** An organizer's page at `look`, its clock on the server's injected day; console errors but refusals collected. */
async function organizer(look: ConsoleLook): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await consolePage(t.browser, COMMUNITY, t.organizer, look);
  await page.clock.setFixedTime(new Date(NOW));
  return { page, errors: errors.filter((e) => !/status of 422\b/.test(e)) };
}

async function look(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The rota's row of `date` on the duty screen: its cells' texts, spaces collapsed, one space between. */
const row = (page: Page, date: string) =>
  page.locator(`linli-duty-screen tr[data-date="${date}"]`).evaluate((tr) =>
    [...tr.querySelectorAll('td')]
      .map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' '),
  );

/** The dates of the duty screen's rows, with who is on each. */
const rows = (page: Page) =>
  page
    .locator('linli-duty-screen tr[data-date]')
    .evaluateAll((trs) =>
      trs.map((tr) => ({ date: tr.getAttribute('data-date') ?? '', text: tr.textContent ?? '' })),
    );

/** A date as the zh-CN rota prints it: 9月14日（一）. */
function zhDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${'日一二三四五六'[d.getUTCDay()]}）`;
}

/** Residents of every household, born 1980, but room 301's only resident, born 1940 (86 this year). */
async function moveEveryoneIn(): Promise<void> {
  for (const room of ROOMS)
    await t.command({
      type: 'resident.moveIn',
      unitId: t.units.get(room),
      name: `住户${room}`,
      birthYear: room === '301' ? 1940 : 1980,
      date: '2020-01-01',
    });
}

let dutyPath = '';
let dutyId = '';

describe('the Monday rota with a swap requested, accepted and approved, through the real server', () => {
  it('creates the rota from its template, records an absence, approves a swap, and prints and serves the swapped turns', async () => {
    await moveEveryoneIn();
    const { page, errors } = await organizer({ viewport: PHONE, language: 'zh-CN' });
    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer`);
    await page.getByRole('link', { name: '值日轮值' }).click();
    await expect.poll(() => textOf(page, 'linli-duties-screen h1')).toBe('值日轮值');
    await expect.poll(() => textOf(page, 'linli-duties-screen section p')).toBe('还没有值日安排。');
    await look(page, 'duty-1-empty-phone-zh');

    // The elevator-cleaning template: building 5, in room order, 80+ exempt, holidays moved, approval.
    await page.locator('#policy').selectOption('fixedOrder');
    expect(await page.locator('input[name=holidays][value=nextWorkday]').isChecked()).toBe(true);
    expect(await page.locator('#exempt').isChecked()).toBe(true);
    await page.locator('#create-duty').click();
    await expect
      .poll(() => textOf(page, 'linli-duties-screen .confirm'))
      .toBe('新建“清洁电梯”：每周一 08:00，1 小时，6 户轮值？ 确认 返回');
    await look(page, 'duty-2-confirm-phone-zh');
    await page.locator('#confirm-yes').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/organizer\/duties\/[^/]+$/);
    dutyPath = new URL(page.url()).pathname;
    dutyId = decodeURIComponent(dutyPath.split('/').at(-1) ?? '');
    await expect.poll(() => textOf(page, 'linli-duty-screen h1')).toBe('清洁电梯');

    // The first turns in room order; National Day's Monday moved to Thursday 10-08; 301 never on duty.
    expect(await row(page, '2026-09-07')).toBe('9月7日（一） 101室');
    expect(await row(page, '2026-10-08')).toBe('10月8日（四） 302室 国庆节，由 10月5日（一） 顺延');
    expect(await page.locator('linli-duty-screen tr[data-date="2026-10-05"]').count()).toBe(0);
    const year = await rows(page);
    expect(year.length).toBe(52);
    expect(year.some((r) => r.text.includes('301室'))).toBe(false);
    const u301 = t.units.get('301');
    expect(await textOf(page, `#fairness tr[data-member="${u301}"]`)).toBe('301室 0 高龄免值日（363 天）');
    expect(await textOf(page, '#spread')).toMatch(/相差 [01] 次/);
    await look(page, 'duty-3-rota-phone-zh');

    // A refused absence (ends before it starts): the core's error inline, nothing recorded.
    const before = (await log()).length;
    await page.locator('#open-absence').click();
    await page.locator('#absence-member').selectOption({ label: '102室' });
    await page.locator('#absence-from').fill('2026-09-20');
    await page.locator('#absence-to').fill('2026-09-10');
    await page.locator('#absence-reason').fill('出差');
    await page.locator('#add-absence').click();
    await page.locator('#confirm-yes').click();
    await expect.poll(() => page.locator('linli-duty-screen [role=alert]').count()).toBe(1);
    expect(await page.locator('#absence-reason').isVisible()).toBe(true);
    expect((await log()).length).toBe(before);
    await look(page, 'duty-4-refused-phone-zh');

    // The absence, put right: 102 is away on 09-14, which goes to the next household.
    await page.locator('#absence-from').fill('2026-09-10');
    await page.locator('#absence-to').fill('2026-09-20');
    await page.locator('#add-absence').click();
    expect(await textOf(page, '#confirm-text')).toBe('登记 102室 从 2026-09-10 到 2026-09-20 请假？');
    await page.locator('#confirm-yes').click();
    await expect.poll(() => textOf(page, '#absences')).toBe('102室：2026-09-10 至 2026-09-20（出差）');
    expect(await row(page, '2026-09-14')).not.toContain('102室');

    // 201 asks 202 to trade their next turns (through the API with their household tokens); 202 accepts.
    const after = await rows(page);
    const turn201 = after.find((r) => r.text.includes('201室'))?.date ?? '';
    const turn202 = after.find((r) => r.text.includes('202室'))?.date ?? '';
    const swap = {
      type: 'duty.proposeSwap',
      dutyId,
      id: 'swap-1',
      first: { date: turn201, memberId: t.units.get('201') },
      second: { date: turn202, memberId: t.units.get('202') },
    };
    await t.command(swap, await t.householdToken('201'));
    await t.command({ type: 'duty.acceptSwap', dutyId, swapId: 'swap-1' }, await t.householdToken('202'));
    await expect.poll(() => textOf(page, '#swap-swap-1')).toContain('双方已同意，等待批准');
    expect(await row(page, turn201)).toContain('201室'); // not yet approved: nothing traded
    await look(page, 'duty-5-swap-waiting-phone-zh');

    // A second tab has the approval open while the first approves: its confirmation is refused inline.
    const other = await organizer({ viewport: PHONE, language: 'zh-CN' });
    await other.page.goto(`${t.server.base}${dutyPath}`);
    await other.page.locator('#approve-swap-1').click();
    await page.locator('#approve-swap-1').click();
    expect(await textOf(page, '#confirm-text')).toBe(
      `批准换班：201室 的 ${zhDay(turn201)} 与 202室 的 ${zhDay(turn202)} 互换？`,
    );
    await page.locator('#confirm-yes').click();
    await expect.poll(() => textOf(page, '#swap-swap-1')).toContain('已生效');
    const approved = (await log()).length;
    await other.page.locator('#confirm-yes').click();
    await expect
      .poll(() => textOf(other.page, '#swap-swap-1 [role=alert]'))
      .toBe('该换班当前状态为“已批准”，不能进行此操作');
    expect((await log()).length).toBe(approved);
    await look(other.page, 'duty-6-approved-twice-phone-zh');
    expect(other.errors).toEqual([]);
    await other.page.context().close();

    // The screen shows the traded turns.
    expect(await row(page, turn201)).toBe(`${zhDay(turn201)} 202室 已换班`);
    expect(await row(page, turn202)).toBe(`${zhDay(turn202)} 201室 已换班`);
    await look(page, 'duty-7-swapped-phone-zh');

    // The printed month: A4, and its text says the same.
    const month = turn201.slice(0, 7);
    await page.locator(`#month-${month} a.action`).click();
    await expect
      .poll(() => page.locator('linli-duty-month-screen .sheet tbody tr').count())
      .toBeGreaterThan(2);
    await look(page, 'duty-8-print-phone-zh');
    const pdf = await page.pdf({ format: 'A4' });
    const file = join(t.folder, 'rota.pdf');
    writeFileSync(file, pdf);
    if (SHOTS) writeFileSync(join(SHOTS, 'duty-rota.pdf'), pdf);
    const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(printed).toContain(`幸福里5号楼清洁电梯值日表·${month.slice(0, 4)}年${Number(month.slice(5))}月`);
    expect(printed).toContain(`${zhDay(turn201)}202室已换班`);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    expect(errors).toEqual([]);

    // The iCal feed (public, as phones subscribe) has the traded turns too.
    const ics = await (await t.call(`/duties/${encodeURIComponent(dutyId)}.ics`)).text();
    const event = (date: string) =>
      ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${dutyId}-${date.replaceAll('-', '')}@linli`)) ??
      '';
    expect(event(turn201)).toContain('SUMMARY:清洁电梯（202室）');
    expect(event(turn202)).toContain('SUMMARY:清洁电梯（201室）');
    expect(event(turn201)).toContain('已换班');
    expect(event('2026-10-08')).toContain('因节假日由 2026-10-05 顺延');
  }, 120_000);

  it('declines a swap by keyboard alone, behind its confirmation', async () => {
    const { page, errors } = await organizer({ viewport: PHONE, language: 'zh-CN' });
    await page.goto(`${t.server.base}${dutyPath}`);
    await expect.poll(() => page.locator('linli-duty-screen tr[data-date]').count()).toBe(52);
    const upcoming = await rows(page);
    const turn101 = upcoming.find((r) => r.text.includes('101室'))?.date;
    const turn302 = upcoming.find((r) => r.text.includes('302室'))?.date;
    await t.command(
      {
        type: 'duty.proposeSwap',
        dutyId,
        id: 'swap-2',
        first: { date: turn101, memberId: t.units.get('101') },
        second: { date: turn302, memberId: t.units.get('302') },
      },
      await t.householdToken('101'),
    );
    await t.command({ type: 'duty.acceptSwap', dutyId, swapId: 'swap-2' }, await t.householdToken('302'));
    await expect.poll(() => page.locator('#decline-swap-2').count()).toBe(1);
    await tabTo(page, 'decline-swap-2', 200);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('confirm-text');
    expect(await textOf(page, '#confirm-text')).toMatch(/^拒绝换班：101室 的 .+ 与 302室 的 .+ 互换？$/);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('confirm-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => textOf(page, '#swap-swap-2')).toContain('已拒绝');
    expect((await log()).at(-1)?.type).toBe('duty.swapDeclined');
    expect(await row(page, turn101 ?? '')).toContain('101室');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the duty screen at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const choice of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await organizer({ viewport, language, ...choice });
          await page.goto(`${t.server.base}${dutyPath}`);
          await expect.poll(() => page.locator('linli-duty-screen tr[data-date]').count()).toBe(52);
          const name = `duty-${viewport.width}-${language}-${'theme' in choice ? choice.theme : 'large'}`;
          await look(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 90_000);
});
