/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billMonth, type Charge, formatMoney, type Money, replay } from '@linli/core';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import {
  addDoormanStairwell,
  billedOnceSettled,
  createCommunity,
  DOORMAN_ROOMS,
  organizerClient,
} from '../testing/billing-community.js';
import { launchChromium } from '../testing/chromium.js';
import { consolePage, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-doorman-shots');
const dir = mkdtempSync(join(tmpdir(), 'linli-doorman-wage-'));
const env = { LINLI_DATA: dir, LINLI_DUE_WORK_SECONDS: '0.2', NODE_ENV: 'test' };
const PHONE = { width: 390, height: 844 };
const WAGE = 300_000; // ¥3,000.00 a month, in fen
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: RunningServer | undefined;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = (instant: string) => startServer(dir, { ...env, LINLI_TEST_CLOCK: instant }, ['serve']);

/** The organizer's page on the running server at `path`, zh-CN on a phone, once its heading is there; `now` fixes its clock. */
async function open(
  token: string,
  path: string,
  heading: string,
  now?: string,
): Promise<{ page: Page; errors: string[] }> {
  const opened = await consolePage(browser, 'ftdd', token, { viewport: PHONE, language: 'zh-CN' });
  // The page's "today" (a record's dues are as of it), like the server's injected clock.
  if (now) await opened.page.clock.setFixedTime(new Date(now));
  await opened.page.goto(`${server?.base}/c/ftdd/organizer/${path}`);
  await expect.poll(() => textOf(opened.page, 'h1')).toBe(heading);
  return opened;
}

async function look(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('福泰大厦: the doorman’s wage, defined in the browser, bills itself for three months through restarts', () => {
  it('bills January to March once each, with 202 moved out on the households screen prorated by days', async () => {
    const token = createCommunity('ftdd', '福泰大厦', env);
    const client = organizerClient(() => server?.base ?? '', 'ftdd', token);

    // December 2027: the stairwell of four households, then the wage defined on the charges screen.
    server = await start('2027-12-20T02:00:00Z');
    await addDoormanStairwell(client);
    const charges = await open(token, 'charges', '每月固定费用');
    await charges.page.locator('#open-define').click();
    await charges.page.locator('#charge-name').fill('门卫工资');
    await charges.page.locator('#charge-amount').fill('3,000');
    await charges.page.locator('#charge-scope').selectOption({ label: '福泰大厦 1单元' });
    await charges.page.locator('#charge-start').fill('2028-01');
    await charges.page.locator('#charge-day').fill('25');
    await charges.page.locator('#define-submit').click();
    expect(await textOf(charges.page, '#confirm-text')).toBe(
      '从 2028-01 起每月 ¥3,000 的“门卫工资”，每月 25 日出账。确定吗？',
    );
    await charges.page.locator('#confirm-yes').click();
    await expect
      .poll(() => textOf(charges.page, 'section.card .next'))
      .toBe('下次出账：2028-01-25（2028-01）');
    const defined = (await client.events()).find((e) => e.type === 'charge.defined');
    const charge = defined?.payload as Charge;
    expect(charge).toMatchObject({
      name: '门卫工资',
      monthlyAmount: WAGE,
      split: 'equal',
      start: '2028-01',
      dueDay: 25,
    });
    expect(charge.scope).toEqual({ kind: 'stairwell', id: 's1' });
    expect((await client.events()).find((e) => e.type === 'fund.opened')?.payload).toEqual({
      id: charge.fundId,
      name: '门卫工资',
      budget: 0,
    });
    await look(charges.page, 'doorman-1-defined-phone-zh');
    expect(charges.errors).toEqual([]);
    await charges.page.context().close();
    await sleep(600);
    expect(await client.billedMonths()).toEqual([]);
    await server.stop();

    // 26 January: January is billed by the server alone.
    server = await start('2028-01-26T02:00:00Z');
    expect(await billedOnceSettled(client, 1)).toEqual(['2028-01']);
    await server.stop();

    // 10 February: 202's resident moves out on the 16th, on the households screen; then the server is
    // killed mid-month, before the 25th.
    server = await start('2028-02-10T02:00:00Z');
    const homes = await open(token, 'households', '住户管理');
    await homes.page.locator('#manage-u202').click();
    await homes.page.locator('#open-u202-out-r202').click();
    await homes.page.locator('#out-u202-r202').fill('2028-02-16');
    await homes.page.locator('#do-u202-out-r202').click();
    expect(await textOf(homes.page, '#confirm-text')).toBe('（未留姓名） 于 2028-02-16 迁出 202室。确定吗？');
    await homes.page.locator('#confirm-yes').click();
    await expect.poll(() => textOf(homes.page, '#h-u202 dd.hint')).toBe('（未留姓名）（2028-02-16 迁出）');
    const moved = (await client.events()).filter((e) => e.type === 'resident.movedOut');
    expect(moved.map((e) => e.payload)).toEqual([{ residentId: 'r202', date: '2028-02-16' }]);
    await look(homes.page, 'doorman-2-moved-out-phone-zh');
    expect(homes.errors).toEqual([]);
    await homes.page.context().close();
    await sleep(600);
    expect(await client.billedMonths()).toEqual(['2028-01']);
    server.process.kill('SIGKILL');
    await new Promise((r) => server?.process.once('exit', r));

    // 26 March, after six weeks down: February and March, once each, in order; a second restart the
    // same day bills nothing more.
    server = await start('2028-03-26T02:00:00Z');
    expect(await billedOnceSettled(client, 3)).toEqual(['2028-01', '2028-02', '2028-03']);
    await server.stop();
    server = await start('2028-03-26T03:00:00Z');
    await sleep(800);
    expect(await client.billedMonths()).toEqual(['2028-01', '2028-02', '2028-03']);

    // The core's own figures from the log: February by days lived (202: 1–15 February of 29).
    const state = replay(await client.events());
    const expected = (month: string) => billMonth(state.community, charge, month, WAGE);
    expect(expected('2028-02')).toEqual([
      { unitId: 'u101', days: 29, share: 85_294 },
      { unitId: 'u102', days: 29, share: 85_294 },
      { unitId: 'u201', days: 29, share: 85_294 },
      { unitId: 'u202', days: 15, share: 44_118 },
    ]);
    expect(expected('2028-03').map((l) => l.unitId)).toEqual(['u101', 'u102', 'u201']);

    // The charges screen shows each period as billed, to the fen, and the next bill date.
    const shown = await open(token, 'charges', '每月固定费用');
    await expect.poll(() => textOf(shown.page, 'section.card .next')).toBe('下次出账：2028-04-25（2028-04）');
    for (const month of ['2028-01', '2028-02', '2028-03']) {
      const rows = await shown.page
        .locator(`#p-${charge.id}-${month} tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
      const lines = expected(month);
      expect(rows, month).toEqual(
        lines.map((l) => [
          DOORMAN_ROOMS.find((room) => `u${room}` === l.unitId),
          String(l.days),
          formatMoney(l.share as Money, 'zh-CN'),
        ]),
      );
      expect(await textOf(shown.page, `#p-${charge.id}-${month} caption`)).toBe(
        `${month} 账单，合计 ¥3,000.00`,
      );
    }
    await look(shown.page, 'doorman-3-billed-phone-zh');
    // Ended after June behind its confirmation: the next bill stays April, none after June.
    await shown.page.locator(`#open-end-${charge.id}`).click();
    await shown.page.locator(`#end-${charge.id}`).fill('2028-06');
    await shown.page.locator(`#do-end-${charge.id}`).click();
    await shown.page.locator('#confirm-yes').click();
    await expect.poll(() => textOf(shown.page, `#c-${charge.id}`)).toContain('最后一个月：2028-06');
    expect((await client.events()).filter((e) => e.type === 'charge.ended').map((e) => e.payload)).toEqual([
      { chargeId: charge.id, end: '2028-06' },
    ]);

    // A refusal: an end before the last billed month is the core's typed error, inline; nothing changes.
    const before = (await client.events()).length;
    await shown.page.locator(`#open-end-${charge.id}`).click();
    await shown.page.locator(`#end-${charge.id}`).fill('2028-01');
    await shown.page.locator(`#do-end-${charge.id}`).click();
    await shown.page.locator('#confirm-yes').click();
    await expect.poll(() => shown.page.locator(`#c-${charge.id} [role=alert]`).count()).toBe(1);
    expect((await client.events()).length).toBe(before);
    await look(shown.page, 'doorman-4-refused-phone-zh');
    expect(shown.errors).toEqual([]);
    await shown.page.context().close();

    // 202's record on the page's own 26 March: its share of the wage, and each monthly bill as booked.
    const record = await open(token, 'households/u202', '202室 住户记录', '2028-03-26T10:00:00Z');
    const table = (caption: string) =>
      record.page
        .locator('linli-household-record-screen section', {
          has: record.page.locator(`h2:text-is("${caption}")`),
        })
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
    expect(await table('费用')).toEqual([['门卫工资', '¥1,191.18', '¥0.00', '¥1,191.18']]);
    expect(await table('按月账单')).toEqual([
      ['门卫工资', '2028-01', '¥750.00'],
      ['门卫工资', '2028-02', '¥441.18'],
    ]);
    expect(await table('居住人')).toEqual([['（未留姓名）', '—', '2020-01-01', '2028-02-16']]);
    await look(record.page, 'doorman-5-record-phone-zh');
    expect(record.errors).toEqual([]);
    await record.page.context().close();
  }, 180_000);
});
