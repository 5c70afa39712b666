/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
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

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-project-fund-shots');
const PHONE = { width: 390, height: 844 };
const BASE = '/c/xfkl/organizer';

let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-project-fund-'));
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
    if (m.type() === 'error' && !/status of (400|409|422)\b/.test(m.text())) errors.push(m.text());
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

const motions = async () => (await api<{ motions: Motion[] }>('/view')).motions;

/** Household `room` votes on its own phone (through the API, with its redeemed invite code). */
async function householdVotes(motion: Motion, room: string, options: readonly string[]): Promise<void> {
  const unitId = `u${room}`;
  const { invites } = await api<{ invites: { code: string }[] }>('/invites', { units: [unitId] });
  const session = await fetch(`${server.base}/c/xfkl/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: invites[0]?.code }),
  });
  const { token } = (await session.json()) as { token: string };
  const voter = motion.electorate.find((v) => v.unitIds.includes(unitId));
  const command = { type: 'ballot.cast', motionId: motion.id, voterId: voter?.id, options };
  await api('/commands', { command }, token);
}

/** The deep active element's id (focus inside shadow roots). */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id ?? '';
  });

/** Presses Tab (only the keyboard) until the element with `id` has focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 150; presses++) {
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

/** The five projects: label, cost typed in yuan (one with fen, to be parsed exactly), option id. */
const PROJECTS = [
  ['长椅', '400', 'o1'],
  ['路灯', '300', 'o2'],
  ['车棚', '600', 'o3'],
  ['花坛', '99.99', 'o4'],
  ['粉刷', '500', 'o5'],
] as const;

/**
 * Eight of the eleven households of Building 96 vote (8/11 ≥ the two-thirds turnout):
 * 长椅 by all 8, 路灯 by 101–202, 车棚 by 301–402, 花坛 by 301 and 302, 粉刷 by 101 alone.
 */
const BALLOTS: Record<string, readonly string[]> = {
  '101': ['o1', 'o2', 'o5'],
  '102': ['o1', 'o2'],
  '201': ['o1', 'o2'],
  '202': ['o1', 'o2'],
  '301': ['o1', 'o3', 'o4'],
  '302': ['o1', 'o3', 'o4'],
  '401': ['o1', 'o3'],
  '402': ['o1', 'o3'],
};

/**
 * Worked out by hand, the Method of Equal Shares (cost utilities, add-one completion from whole
 * yuan, then greedy): ¥800 over 8 voters is ¥100 each. 长椅 costs each of its 8 supporters ¥50, the
 * least per yuan of cost (¥50/¥400); 路灯 would cost 101–202 ¥75 each (¥75/¥300), 花坛 301 and 302
 * ¥50 each (¥50/¥99.99), 车棚 and 粉刷 are beyond their supporters. 长椅 goes first; then 101–202 hold
 * ¥50 each, ¥200 < ¥300, so 路灯 is out, and 花坛 is bought by 301 and 302: the pure method buys
 * 长椅 and 花坛 (¥499.99). Add-one raises every share by ¥1: at ¥125, after 长椅, 101–202 hold ¥75 each
 * and buy 路灯; 长椅 + 路灯 + 花坛 cost ¥799.99 ≤ ¥800. 车棚 needs 301–402 to hold ¥600 after 长椅 and
 * 花坛, a share of about ¥225 (¥1,399.99 in all, over the budget), and 粉刷 a share of ¥625: so the
 * completion ends at 长椅, 路灯 and 花坛, and ¥0.01 is too little for greedy to add anything.
 */
const FUNDED = ['长椅', '路灯', '花坛'];
const SPENT_FEN = 40_000 + 30_000 + 9_999;

describe('the project fund, from the wizard to the project list, through the real server', () => {
  it('drafts from the template with costed projects, households vote, closes, shows the selection, then tracks a project', async () => {
    const { page, context, errors } = await organizerPage({ viewport: PHONE, locale: 'zh-CN' });
    await page.goto(`${server.base}${BASE}/motions/new`);
    await expect.poll(() => page.locator('.electorate').count()).toBe(1);
    await page.getByLabel('自治项目资金（参与式预算）').check();
    expect(await page.getByLabel('怎么投').inputValue()).toBe('approval');
    await page.getByLabel('标题').fill('96号楼自治金怎么花');
    await page.getByRole('button', { name: '加一个选项' }).click();
    for (const [i, [label, cost]] of PROJECTS.entries()) {
      await page.getByLabel(`选项 ${i + 1}`, { exact: true }).fill(label);
      await page.getByLabel(`“${label}”的费用（元）`).fill(cost);
    }
    await page.getByLabel('可用预算（元）').fill('800');
    // The live preview: what the projects ask against the budget.
    await expect.poll(() => text(page, '#fund-preview')).toContain('申请合计 ¥1,899.99，预算 ¥800.00');
    expect(await text(page, '#fund-preview')).toContain('超出预算 ¥1,099.99');
    expect(await page.getByLabel(/平等份额法/).isChecked()).toBe(true);
    await check(page, 'fund-1-wizard-phone-zh');
    await page.getByLabel('保存后马上开始投票').check();
    await page.getByRole('button', { name: '保存并开始投票' }).click();
    await page.getByRole('button', { name: '确认，开始投票' }).click();
    await expect.poll(() => page.url()).toMatch(/\/organizer\/motions\/(?!new)[\w-]+$/);
    const motion = (await motions()).find((m) => m.title === '96号楼自治金怎么花');
    if (!motion) throw new Error('not drafted');
    expect(motion.status).toBe('open');
    expect(motion.funding).toEqual({ amount: 80_000, selection: 'equalShares' });
    expect(motion.options.map((o) => o.cost)).toEqual([40_000, 30_000, 60_000, 9_999, 50_000]);

    for (const [room, options] of Object.entries(BALLOTS)) await householdVotes(motion, room, options);

    // The organizer closes it on the motion page, behind its confirmation.
    await page.reload();
    await page.getByRole('button', { name: '结束投票' }).click();
    await page.locator('form.confirm button[type=submit], form.confirm #confirm').first().click();
    await expect.poll(() => text(page, '#selection-h')).toBe('预算分配结果');
    const shown = await page
      .locator('ul.selection li')
      .evaluateAll((lis) =>
        lis.map((li) => [li.getAttribute('data-project'), li.getAttribute('data-funded')]),
      );
    const byId = new Map<string, string>(PROJECTS.map(([label, , id]) => [id, label]));
    expect(shown.filter(([, funded]) => funded === 'yes').map(([id]) => byId.get(id ?? ''))).toEqual(FUNDED);
    expect(await text(page, '#selection-sum')).toBe('预算 ¥800.00，立项 ¥799.99，剩余 ¥0.01');
    expect(await text(page, 'ul.selection li[data-project=o2]')).toContain('费用 ¥300.00 · 支持 4 票');
    const closed = (await motions()).find((m) => m.id === motion.id);
    expect(closed?.result?.selection?.spent).toBe(SPENT_FEN);
    expect(
      closed?.result?.selection &&
        'uncompleted' in closed.result.selection &&
        closed.result.selection.uncompleted,
    ).toEqual({
      funded: ['o1', 'o4'],
      spent: 49_999,
    });
    await check(page, 'fund-2-selection-phone-zh');
    // The CSV export (Excel-friendly) carries the recorded selection after the ballots.
    const csv = await fetch(`${server.base}/c/xfkl/motions/${motion.id}/export.csv`, {
      headers: { authorization: `Bearer ${server.organizer}` },
    });
    const rows = (await csv.text()).split('\r\n');
    expect(rows).toContain('项目 Project,费用 Cost (¥),票数 Approvals,入选 Funded,理由 Reason');
    expect(rows.filter((r) => r.includes(',是 yes,')).map((r) => r.split(',')[0])).toEqual(FUNDED);

    // The project list, from the organizer home, keyboard only.
    await page.goto(`${server.base}${BASE}`);
    await page.getByRole('link', { name: '立项的项目' }).click();
    await expect.poll(() => page.locator('linli-projects-screen h1').textContent()).toBe('立项的项目');
    const cards = await page.locator('linli-projects-screen li.card h2').allTextContents();
    expect(cards).toEqual(['长椅', '路灯', '花坛']);
    const lamp = `${motion.id}-o2`;
    await tabTo(page, `stage-${lamp}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, `#p-${lamp} .confirm`)).toContain('把“路灯”改为“进行中”？');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, `#p-${lamp} .status`)).toBe('进度：进行中');
    await tabTo(page, `amount-${lamp}`);
    await page.keyboard.type('120.50');
    await page.keyboard.press('Tab');
    await page.keyboard.type('灯具');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, `#p-${lamp} .money`)).toBe('预算 ¥300.00，已花 ¥120.50，还剩 ¥179.50');
    // More than remains: the core's refusal inside the card, in zh-CN, and nothing changes.
    await tabTo(page, `amount-${lamp}`);
    await page.keyboard.type('179.51');
    await page.keyboard.press('Tab');
    await page.keyboard.type('安装');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => text(page, `#p-${lamp} [role=alert]`))
      .toBe('这笔支出超出项目预算：还剩 ¥179.50，这笔是 ¥179.51');
    expect(await text(page, `#p-${lamp} .money`)).toBe('预算 ¥300.00，已花 ¥120.50，还剩 ¥179.50');
    await check(page, 'fund-3-projects-phone-zh');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('the project list at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const locale of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, context, errors } = await organizerPage({ viewport, locale, ...look });
          await page.goto(`${server.base}${BASE}/projects`);
          await expect.poll(() => page.locator('linli-projects-screen li.card').count()).toBe(3);
          const name = `projects-${viewport.width}-${locale}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await context.close();
        }
  }, 90_000);
});
