/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGovernance,
  type FundNotice,
  fen,
  formatMoney,
  fundArrears,
  fundNotice,
  HttpStore,
  type LocalDate,
  localDateOf,
} from '@linli/core';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { type ConsoleLook, consolePage, focusedId, tabTo, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-fund-books-shots');
const PHONE = { width: 390, height: 844 };
const FUND = '/c/xfkl/organizer/funds/elev96';
/** The largest upload this server takes: small, so the test's oversized file is too. */
const MAX_UPLOAD = 200_000;

let dir: string;
let server: RunningServer;
let browser: Browser;

/** Asks the server as the organizer; the JSON answer (a refusal throws). */
async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.base}/c/xfkl${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${server.organizer}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(answer)}`);
  return answer;
}
const run = (command: Record<string, unknown>) => api('/commands', { command });

/** Building 96's elevator fund: an equal scheme with a fixed subsidy, its pledge (due in September), 8 of 12 households paid, and the elevator's monthly maintenance charge. */
async function elevatorFund(): Promise<void> {
  await run({
    type: 'scheme.define',
    id: 'elev96',
    name: '96号楼电梯平均分摊',
    scope: { kind: 'stairwell', id: 's1' },
    basis: { kind: 'equal' },
    subsidy: { kind: 'fixed', amount: 2_400_000 },
  });
  await run({ type: 'fund.open', id: 'elev96', name: '96号楼电梯基金', budget: 12_000_000 });
  await run({
    type: 'fund.pledge',
    fundId: 'elev96',
    schemeId: 'elev96',
    cost: 12_000_000,
    due: '2026-09-30',
  });
  // ¥96,000.00 over 12 households: ¥8,000.00 each; 8 pay in full.
  for (const room of ['101', '102', '201', '202', '301', '302', '401', '402'])
    await run({
      type: 'fund.pay',
      fundId: 'elev96',
      unitId: `u${room}`,
      amount: 800_000,
      reference: `转账 ${room}`,
    });
  await run({
    type: 'charge.define',
    id: 'elev96-maint',
    fundId: 'elev96',
    name: '电梯维保费',
    monthlyAmount: 100_000,
    scope: { kind: 'stairwell', id: 's1' },
    start: localDateOf(new Date()).slice(0, 7),
  });
}

/** The core's own figures, from a replica of the server's log. */
async function coreFigures() {
  const gov = await createGovernance({
    store: new HttpStore(`${server.base}/c/xfkl`, { token: server.organizer }),
  });
  try {
    const today = localDateOf(new Date()) as LocalDate;
    return gov.read((s) => ({
      notice: fundNotice(s.community, s.funds, 'elev96', today) as FundNotice,
      arrears: fundArrears(s.community, s.funds, 'elev96', today),
      head: gov.head.value.hash,
    }));
  } finally {
    gov.dispose();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-fund-books-'));
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(join(dir, 'data'), { LINLI_ATTACHMENT_MAX_BYTES: String(MAX_UPLOAD) });
  browser = await launchChromium();
  await elevatorFund();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const look = (viewport: ConsoleLook['viewport'], language: 'zh-CN' | 'en' = 'zh-CN'): ConsoleLook => ({
  viewport,
  language,
});

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const yuanText = (amount: number) => formatMoney(fen(amount), 'zh-CN');

/** Picks files in an attachment field: real bytes, as a phone's camera or file picker hands them over. */
async function pick(page: Page, field: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.locator(`#${field}`).setInputFiles(files);
}

describe('Building 96’s elevator fund: the books, arrears, reminder and 公示 in the browser', () => {
  it('records the ad income offsetting maintenance and an expense with a photo, refuses bad uploads inline, prints the 公示 matching the core', async () => {
    const { page, errors } = await consolePage(browser, 'xfkl', server.organizer, look(PHONE));
    await page.goto(`${server.base}${FUND}/books`);
    // The first visit loads the organizer's chunk and replicates the log: give it time on a busy machine.
    await expect
      .poll(() => textOf(page, 'linli-fund-books-screen h1'), { timeout: 20_000 })
      .toBe('收支账目：96号楼电梯基金');

    // The ad-space rent: ¥800.00 with ¥200.00 of related costs, its invoice, offsetting the maintenance.
    await page.locator('#income-amount').fill('800');
    await page.locator('#income-costs').fill('200');
    await page.locator('#income-source').fill('电梯广告位租金 2026年11月');
    await page.locator('#income-invoice').fill('代开发票 31002612 0047731');
    await page.locator('#income-offset').selectOption({ label: '抵扣：电梯维保费' });
    await page.locator('#income-form button[type=submit]').click();
    await expect.poll(() => textOf(page, '[role=status].done')).toBe('已记录。');
    await expect.poll(() => textOf(page, '#incomes-h + ul')).toContain('发票号 代开发票 31002612 0047731');
    // The month's maintenance, billed now: ¥1,000.00 less the ¥600.00 net income, over 12 households.
    await run({ type: 'charge.bill', chargeId: 'elev96-maint', month: localDateOf(new Date()).slice(0, 7) });
    const billed = (await coreFigures()).notice;
    expect(billed.totals.share).toBe(9_600_000 + 40_000);
    expect(billed.income[0]).toMatchObject({
      invoice: '代开发票 31002612 0047731',
      net: 60_000,
      offset: { name: '电梯维保费' },
    });
    await check(page, 'books-1-income-phone-zh');

    // A refused upload: not a photo or PDF, then one over the server's limit — each inline, nothing kept.
    await pick(page, 'expense-attachments', [
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a receipt') },
    ]);
    await expect.poll(() => textOf(page, '#expense-files [role=alert]')).toMatch(/JPEG|PNG|PDF/);
    const big = Buffer.alloc(MAX_UPLOAD + 1, 0);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    await pick(page, 'expense-attachments', [{ name: 'huge.png', mimeType: 'image/png', buffer: big }]);
    await expect.poll(() => page.locator('#expense-files [role=alert]').count()).toBe(2);
    await check(page, 'books-2-refused-uploads-phone-zh');
    // Sending with them still listed is held back, and nothing is recorded.
    const before = (await server.log()).length;
    await page.locator('#expense-amount').fill('1500');
    await page.locator('#expense-receipt').fill('R-2026-0131');
    await page.locator('#expense-description').fill('电梯年检');
    await page.locator('#expense-form button[type=submit]').click();
    await expect.poll(() => textOf(page, '#expense-form > [role=alert]')).toContain('请等附件上传完');
    expect((await server.log()).length).toBe(before);
    for (const name of ['notes.txt', 'huge.png'])
      await page.getByRole('button', { name: `移除 ${name}` }).click();

    // A real photo of the receipt (a PNG Chromium draws), with its thumbnail, name, size and type.
    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 80 } });
    await pick(page, 'expense-attachments', [{ name: '年检收据.png', mimeType: 'image/png', buffer: photo }]);
    await expect
      .poll(() => textOf(page, '#expense-files li'))
      .toMatch(/年检收据\.png · [\d.]+ KB · image\/png 已上传/);
    expect(await page.locator('#expense-files li img').count()).toBe(1);
    await page.locator('#expense-form button[type=submit]').click();
    await expect
      .poll(() => textOf(page, '#expenses-h + ul'))
      .toContain('电梯年检：¥1,500.00（凭证 R-2026-0131）');
    // The link opens the stored bytes: the same photo, shown in the page.
    await page.getByRole('link', { name: '查看 年检收据.png' }).click();
    await expect.poll(() => page.locator('#expenses-h + ul figure img').count()).toBe(1);
    const shown = await page.locator('#expenses-h + ul figure img').getAttribute('src');
    expect(Buffer.from((shown ?? '').split(',')[1] ?? '', 'base64').equals(photo)).toBe(true);
    await check(page, 'books-3-expense-phone-zh');

    // The arrears: the four households that did not pay, by age; one reminder.
    await page.getByRole('link', { name: '欠缴情况与缴费提醒' }).click();
    await expect.poll(() => textOf(page, 'linli-fund-arrears-screen h1')).toBe('欠缴情况：96号楼电梯基金');
    const { arrears } = await coreFigures();
    expect(arrears?.households.map((h) => h.room)).toEqual([
      '101',
      '102',
      '201',
      '202',
      '301',
      '302',
      '401',
      '402',
      '501',
      '502',
      '601',
      '602',
    ]);
    await expect.poll(() => page.locator('linli-fund-arrears-screen tbody tr').count()).toBe(12);
    const u501 = arrears?.households.find((h) => h.room === '501');
    expect(await textOf(page, 'linli-fund-arrears-screen tbody tr:nth-child(9)')).toContain(
      yuanText(u501?.outstanding ?? 0),
    );
    await check(page, 'books-4-arrears-phone-zh');
    await page.getByRole('link', { name: '501 的缴费提醒' }).click();
    await expect
      .poll(() => textOf(page, 'linli-fund-reminder-screen article'))
      .toContain(`还有 ${yuanText(u501?.outstanding ?? 0)} 没有缴纳，最早一笔从 2026-09-30 起到期`);
    expect(await textOf(page, 'linli-fund-reminder-screen article')).toContain('缴费方式');
    await check(page, 'books-5-reminder-phone-zh');

    // The 公示, printed to PDF: its figures are the core's.
    await page.goto(`${server.base}${FUND}/notice`);
    await expect.poll(() => page.locator('linli-fund-notice-screen #households tbody tr').count()).toBe(12);
    await check(page, 'books-6-notice-phone-zh');
    const pdf = join(SHOTS, 'books-7-notice.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: false }));
    const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const core = await coreFigures();
    for (const amount of [
      core.notice.totals.income,
      core.notice.totals.relatedCosts,
      core.notice.totals.expenses,
      core.notice.totals.paid,
      core.notice.totals.balance,
      core.notice.totals.share,
      core.notice.totals.owed,
    ])
      expect(printed).toContain(yuanText(amount));
    expect(printed).toContain(`结余`);
    // On paper a long invoice number wraps in its cell, and pdftotext reads a row's cells line by
    // line: its parts come in order, with the neighbouring cells' lines between them.
    expect(printed).toMatch(/代开发票[\s\S]{0,80}31002612[\s\S]{0,80}0047731/);
    // Table cells wrap on the page: compare the words without their line breaks.
    const words = printed.replace(/\s+/g, '');
    expect(words).toContain('电梯年检R-2026-0131');
    expect(words).toContain(core.head);
    for (const h of core.notice.households)
      expect(words).toContain(`${h.room}${yuanText(h.share)}${yuanText(h.paid)}${yuanText(h.arrears)}`);
    expect(printed).not.toContain('打印 / 存为 PDF');
    // The two refusals this test provoked (415, 413) are logged by the browser; nothing else.
    expect(errors.filter((e) => !/status of (413|415)\b/.test(e))).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('both exports download from the books screen, and their figures are the core’s', async () => {
    const { page, errors } = await consolePage(browser, 'xfkl', server.organizer, look(PHONE));
    await page.goto(`${server.base}${FUND}/books`);
    await expect.poll(() => page.locator('#export-csv').count()).toBe(1);
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    const csv = readFileSync((await csvFile.path()) ?? '');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^日期,类别,房号,金额（元）/);
    const core = await coreFigures();
    const cash = rows
      .slice(1)
      .map((r) => r.split(','))
      .filter((r) => ['缴费', '收入', '支出'].includes((r[1] ?? '').replace('（冲销）', '')))
      .reduce((a, r) => a + (r[1]?.startsWith('支出') ? -1 : 1) * Math.round(Number(r[3]) * 100), 0);
    expect(cash).toBe(core.notice.totals.balance);
    const [xlsxFile] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-xlsx').click(),
    ]);
    const households = execFileSync(
      'unzip',
      ['-p', (await xlsxFile.path()) ?? '', 'xl/worksheets/sheet2.xml'],
      { encoding: 'utf8' },
    );
    expect(households).toContain(`<v>${(core.notice.totals.owed / 100).toFixed(2)}</v>`);
    expect(households).toContain('合计');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('reverses an expense behind its confirmation, by keyboard alone', async () => {
    const { page, errors } = await consolePage(browser, 'xfkl', server.organizer, look(PHONE));
    await page.goto(`${server.base}${FUND}/books`);
    await expect.poll(() => page.locator('#expense-amount').count()).toBe(1);
    await tabTo(page, 'expense-amount');
    await page.keyboard.type('12.30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('R-9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('录错的一笔');
    await page.keyboard.press('Enter');
    await expect.poll(() => textOf(page, '#expenses-h + ul')).toContain('录错的一笔：¥12.30');
    const entry =
      (await coreFigures()).notice.expenses.find((e) => e.description === '录错的一笔')?.entryId ?? '';
    await tabTo(page, `reverse-${entry}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe(`confirm-${entry}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('金额录错');
    await page.keyboard.press('Enter');
    await expect.poll(() => textOf(page, '#expenses-h + ul')).not.toContain('录错的一笔');
    expect((await coreFigures()).notice.expenses.some((e) => e.entryId === entry)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the books screen at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const extra of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await consolePage(browser, 'xfkl', server.organizer, {
            viewport,
            language,
            ...extra,
          });
          await page.goto(`${server.base}${FUND}/books`);
          await expect.poll(() => page.locator('#incomes-h').count()).toBe(1);
          const name = `books-${viewport.width}-${language}-${'theme' in extra ? extra.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 90_000);
});
