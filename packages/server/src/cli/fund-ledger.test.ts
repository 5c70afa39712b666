/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amountInChineseCapitals, type FundView } from '@linli/core';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { type ConsoleLook, consolePage } from '../testing/console-page.js';
import { deepText, focusedId, tabTo } from '../testing/keyboard.js';
import { layoutProblems } from '../testing/layout.js';

/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;
const COMMUNITY = 'b96';
const PHONE = { width: 390, height: 844 };

/** Building 96: six floors, two units a floor, x01 of 75.32 m² and x02 of 88.68 m². */
const ROOMS = [1, 2, 3, 4, 5, 6].flatMap((f) => [`${f}01`, `${f}02`]);
const REGISTER = `楼号,单元,室号,面积,产权人\n${ROOMS.map((r) => `96,1,${r},${r.endsWith('01') ? '75.32' : '88.68'},业主${r}`).join('\n')}\n`;
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '新福康里96号楼',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
});
const { api, units } = t;

/** The elevator: ¥600,000, ¥200,000 of it the district's subsidy; the ground floor does not use it. */
const COEFFICIENTS: Record<string, string> = {
  '1': '0',
  '2': '0.6',
  '3': '0.8',
  '4': '1.0',
  '5': '1.2',
  '6': '1.4',
};
/** Eight households pay, by room, in several ways (yuan as typed). */
const PAYMENTS = [
  { room: '201', amount: '2000.50', method: 'wechat', reference: 'WX8801' },
  { room: '202', amount: '3000', method: 'cash', reference: '' },
  { room: '301', amount: '1500.05', method: 'bank', reference: 'ICBC-2231' },
  { room: '302', amount: '5000', method: 'alipay', reference: 'ALI77' },
  { room: '401', amount: '800', method: 'cash', reference: '' },
  { room: '402', amount: '12000', method: 'wechat', reference: 'WX8802' },
  { room: '501', amount: '999.99', method: 'other', reference: '单位代缴' },
  { room: '601', amount: '20000', method: 'bank', reference: 'CCB-9' },
] as const;

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const events = async () => (await api<{ events: unknown[] }>('/events')).events;
const fund = async (): Promise<FundView | undefined> => {
  const funds = (await api<{ funds: Record<string, FundView> }>('/view')).funds;
  return Object.values(funds)[0];
};
const fen = (yuan: string) => Math.round(Number(yuan) * 100); // test figures only: ≤ 2 places, small
const money = (f: number) => `¥${(f / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const open = (look: ConsoleLook) => consolePage(t.browser, COMMUNITY, t.organizer, look);

/** Types one payment in the form and presses Enter, as the organizer would. */
async function pay(
  page: Page,
  p: { room: string; amount: string; method: string; reference: string },
  receipt?: string,
) {
  await page.locator('#pay-room').fill(p.room);
  await page.locator('#pay-amount').fill(p.amount);
  await page.locator('#pay-method').selectOption(p.method);
  await page.locator('#pay-reference').fill(p.reference);
  if (receipt !== undefined) await page.locator('#pay-receipt').fill(receipt);
  await page.locator('#pay-amount').press('Enter');
}

describe('Building 96’s elevator fund in the organizer’s console, through the real server', () => {
  let fundPath = '';

  it('creates the fund with its scheme and a live preview that is the core’s pledge, then takes 8 payments by room', async () => {
    const { page, errors } = await open({ viewport: PHONE, language: 'zh-CN' });
    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer`);
    await page.getByRole('link', { name: '资金' }).click();
    await poll(() => deepText(page, 'linli-funds-screen h1')).toBe('资金');
    await page.locator('#fund-name').fill('96号楼加装电梯');
    await page.locator('#fund-budget').fill('600000');
    for (const [floor, c] of Object.entries(COEFFICIENTS)) await page.locator(`#coef-${floor}`).fill(c);
    await page.locator('#subsidy-kind').selectOption('fixed');
    await page.locator('#subsidy').fill('200000');
    await page.locator('#add-exemption').click();
    await page.locator('#ex-room-0').fill('502');
    await page.locator('#ex-reason-0').fill('低保户，业主大会同意免缴');
    // The preview follows every keystroke: the guarantee and the total, exact to the fen.
    await poll(() => deepText(page, '#guarantee')).toContain('¥400,000.00');
    expect(await deepText(page, '#preview-total')).toBe('¥400,000.00');
    expect(await deepText(page, '#preview tr[data-unit] >> nth=9')).toContain('免缴：低保户');
    const previewed = await page
      .locator('#preview tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('td')?.textContent ?? '',
          r.querySelector('td.share')?.textContent ?? '',
        ]),
      );
    await check(page, 'fund-1-preview-phone-zh');
    const before = (await events()).length;
    await page.locator('#create-fund').click();
    await poll(() => page.url()).toMatch(/\/organizer\/funds\/[^/]+$/);
    fundPath = new URL(page.url()).pathname;
    expect((await events()).length).toBe(before + 3);

    // The preview's figures are the ones the core booked, room by room.
    const booked = await fund();
    expect(booked?.totals.share).toBe(40_000_000);
    const shares = new Map(booked?.rows.map((r) => [r.room, r.share]));
    for (const [room, share] of previewed) expect(share, room).toBe(money(shares.get(room ?? '') ?? 0));
    expect(shares.get('502')).toBeUndefined();
    expect(shares.get('101')).toBeUndefined();

    await poll(() => page.locator('#pay-room').count()).toBe(1);
    for (const [i, p] of PAYMENTS.entries()) {
      await pay(page, p);
      const receipt = String(i + 1).padStart(6, '0');
      await poll(() => deepText(page, '#pay-done')).toContain(receipt);
      expect(await focusedId(page)).toBe('pay-room');
    }
    const paid = PAYMENTS.reduce((sum, p) => sum + fen(p.amount), 0);
    await poll(async () => (await fund())?.totals.paid).toBe(paid);
    expect(await page.locator('#pay-receipt').inputValue()).toBe('000009');
    await check(page, 'fund-2-paid-phone-zh');

    // The published view carries the households' totals, never a method, reference or receipt number.
    const published = JSON.stringify(await api('/view'));
    for (const secret of ['WX8801', 'ICBC-2231', '000001', 'wechat', 'alipay'])
      expect(published).not.toContain(secret);
    expect(errors).toEqual([]);
  }, 120_000);

  it('refuses an unknown room and a receipt number already used, inline, changing nothing; reverses behind a confirmation', async () => {
    const { page, errors } = await open({ viewport: PHONE, language: 'zh-CN' });
    await page.goto(`${t.server.base}${fundPath}`);
    await poll(() => page.locator('#pay-room').count()).toBe(1);
    const before = (await events()).length;
    await pay(page, { room: '999', amount: '100', method: 'cash', reference: '' });
    await poll(() => deepText(page, '#pay-error')).toBe('房屋“999”在该资金中没有应缴款项');
    expect(await focusedId(page)).toBe('pay-error');
    expect(await page.locator('#pay-room').inputValue()).toBe('999');
    await pay(page, { room: '201', amount: '100', method: 'cash', reference: '' }, '000003');
    await poll(() => deepText(page, '#pay-error')).toContain('收据号“000003”在该资金中已经用过');
    expect(await page.locator('#pay-receipt').getAttribute('aria-invalid')).toBe('true');
    expect((await events()).length).toBe(before);
    await check(page, 'fund-3-refused-phone-zh');

    // 501's payment was typed wrong: reversed, behind its confirmation, with a reason.
    const line = page.locator('#payments li', { hasText: '000007' }).first();
    await line.getByRole('button', { name: '冲正 000007' }).click();
    await poll(() => focusedId(page)).toBe('confirm-text');
    expect(await deepText(page, '#confirm-text')).toContain('¥999.99');
    await page.locator('#reverse-reason').fill('金额记错');
    await page.getByRole('button', { name: '确定' }).click();
    await poll(async () => (await fund())?.totals.paid).toBe(
      PAYMENTS.reduce((sum, p) => sum + fen(p.amount), 0) - fen('999.99'),
    );
    await poll(() => deepText(page, '#payments')).toContain('冲正：金额记错');
    expect(errors).toEqual([]);
  }, 60_000);

  it('prints 201’s receipt with the amount in figures and in capitals, and opens 201’s statement with its CSV', async () => {
    const { page, errors } = await open({ viewport: PHONE, language: 'zh-CN' });
    await page.goto(`${t.server.base}${fundPath}`);
    await poll(() => page.locator('#payments li').count()).toBe(9);
    await page.getByRole('link', { name: '收据 000001' }).click();
    await poll(() => deepText(page, '#receipt-no')).toBe('000001');
    expect(await deepText(page, '#receipt-words')).toBe(`人民币${amountInChineseCapitals(200050)}`);
    await check(page, 'fund-4-receipt-phone-zh');
    const file = join(t.folder, 'receipt.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const figure of [
      '000001',
      '¥2,000.50',
      '人民币贰仟元零伍角',
      '96号楼加装电梯',
      '201',
      '业主201',
      'WX8801',
      '王阿姨',
    ])
      expect(text, figure).toContain(figure);

    await page.goto(`${t.server.base}${fundPath}/statements/${units.get('201')}`);
    const row = (await fund())?.rows.find((r) => r.room === '201');
    await poll(() => deepText(page, '#statement-balance')).toBe(money((row?.share ?? 0) - 200050));
    await check(page, 'fund-5-statement-phone-zh');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#statement-csv').click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(',缴款 Payment,2000.50,wechat,WX8801,000001,');
    expect(errors).toEqual([]);
  }, 60_000);

  it('records a payment by keyboard alone', async () => {
    const { page, errors } = await open({ viewport: PHONE, language: 'zh-CN' });
    await page.goto(`${t.server.base}${fundPath}`);
    await poll(() => page.locator('#pay-room').count()).toBe(1);
    const before = (await fund())?.totals.paid ?? 0;
    await tabTo(page, 'pay-room');
    await page.keyboard.type('602');
    await page.keyboard.press('Tab');
    await page.keyboard.type('88.8');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // WeChat
    await page.keyboard.press('Tab');
    await page.keyboard.type('WX9900');
    await page.keyboard.press('Enter');
    await poll(async () => (await fund())?.totals.paid).toBe(before + 8880);
    await poll(() => deepText(page, '#pay-done')).toContain('000009');
    expect(errors).toEqual([]);
  }, 60_000);

  it('the fund screen at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await open({ viewport, language, ...look });
          await page.goto(`${t.server.base}${fundPath}`);
          await poll(() => page.locator('#households tbody tr').count()).toBe(9);
          const name = `fund-${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 90_000);
});
