/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HouseholdMotionsAnswer } from '@linli/core';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { type ConsoleLook, householdPage, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-resident-motions-shots');
const COMMUNITY = 'lane8';
const PHONE = { width: 390, height: 844 };
/** Four households of 8号楼, each with its own owner. */
const REGISTER =
  '楼号,单元,室号,面积,产权人\n8,1,101,75.32,业主101\n8,1,102,88.68,业主102\n8,1,201,75.32,业主201\n8,1,202,88.68,业主202\n';
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里8号楼',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
});
const { api, command, householdToken, units } = t;
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const unit = (room: string) => units.get(room) ?? '';
const week = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const CONVENTION = '第一条 文明乘梯，先下后上。\n第二条 宠物须牵好。';
const AMENDED = '第一条 文明乘梯，先下后上。\n第二条 宠物须抱起。';

/** A households' motion of the whole community, drafted and (unless `draft`) opened. */
async function motion(
  id: string,
  title: string,
  extra: Record<string, unknown>,
  draft = false,
): Promise<void> {
  await command({
    type: 'motion.draft',
    id,
    title,
    kind: 'proposal',
    scope: { kind: 'community' },
    basis: 'households',
    rule: 'simpleMajority',
    closesAt: week(),
    ...extra,
  });
  if (!draft) await command({ type: 'motion.open', motionId: id });
}

/** Paper ballots of the other three households, entered by the organizer, then the close. */
async function closeWith(id: string, fields: Record<string, unknown>): Promise<void> {
  for (const room of ['101', '201', '202'])
    await command({
      type: 'ballot.cast',
      motionId: id,
      voterId: unit(room),
      paperRef: `P-${id}-${room}`,
      ...fields,
    });
  await command({ type: 'motion.close', motionId: id });
}

const OPTIONS = [
  { id: 'a', label: '方案甲' },
  { id: 'b', label: '方案乙' },
  { id: 'c', label: '方案丙' },
];

let token102 = '';
beforeAll(async () => {
  // The register names owners; households' matters count the households living here, one resident each.
  for (const [room, unitId] of units)
    await command({ type: 'resident.moveIn', unitId, name: `住户${room}`, date: '2010-01-01' });
  // Room 102 has two residents: on a residents' roll it casts two ballots.
  await command({ type: 'resident.moveIn', unitId: unit('102'), name: '住户102乙', date: '2010-01-01' });
  // Every kind a household votes on, open; a secret one that takes a change of vote and a block.
  await motion('lift', '加装电梯（无记名）', {
    rule: 'consent',
    allowBlock: true,
    secrecy: 'secret',
    allowChange: true,
  });
  await motion('color', '外墙颜色', { kind: 'single', options: OPTIONS });
  await motion('bench', '添置长椅的位置', {
    kind: 'approval',
    options: OPTIONS,
    minChoices: 1,
    maxChoices: 2,
  });
  await motion('garden', '花园方案打分', { kind: 'score', options: OPTIONS, rule: 'twoThirdsTurnout' });
  await motion('plan', '停车方案排序', { kind: 'ranked', method: 'irv', options: OPTIONS });
  await motion('reps', '选举楼组代表（两名）', {
    kind: 'ranked',
    method: 'stv',
    seats: 2,
    rule: 'twoThirdsTurnout',
    options: [
      { id: 'w', label: '王老师' },
      { id: 'z', label: '赵大姐' },
      { id: 'l', label: '李师傅' },
    ],
  });
  await motion('fund', '2027年楼道自治项目', {
    kind: 'approval',
    options: [
      { id: 'lamp', label: '楼道感应灯', cost: 120_000 },
      { id: 'rail', label: '楼梯扶手', cost: 300_000 },
      { id: 'rack', label: '自行车架', cost: 80_000 },
    ],
    funding: { amount: 400_000, selection: 'greedy' },
  });
  await motion('walk', '小区散步道路线（每位居民一票）', { basis: 'residents' });
  // Room 201's own matter: not room 102's business, so not on its list.
  await motion('only201', '201室阳台外挂机位置', { scope: { kind: 'units', ids: [unit('201')] } });
  // Room 201 gave room 102 a proxy on the colour.
  await command({
    type: 'proxy.grant',
    motionId: 'color',
    voterId: unit('201'),
    holder: unit('102'),
    paperRef: 'W-201',
    id: 'p201',
  });
  // A convention still a draft, open to the households' amendments.
  await motion('rules', '8号楼电梯公约', { body: CONVENTION, amendableBy: 'electorate' }, true);
  // Closed: a convention adopted, and a project fund with its funded projects.
  await motion('old-rules', '8号楼楼道公约', { body: '第一条 楼道不堆物。' });
  await closeWith('old-rules', { vote: 'yes' });
  await motion('old-fund', '2026年楼道自治项目', {
    kind: 'approval',
    options: [
      { id: 'paint', label: '楼道粉刷', cost: 200_000 },
      { id: 'mat', label: '防滑垫', cost: 50_000 },
      { id: 'clock', label: '大厅挂钟', cost: 300_000 },
    ],
    funding: { amount: 300_000, selection: 'greedy' },
  });
  await closeWith('old-fund', { options: ['paint', 'mat'] });
  token102 = await householdToken('102');
}, 60_000);

const open102 = (look: Partial<ConsoleLook> = {}) =>
  householdPage(
    t.browser,
    COMMUNITY,
    { token: token102, unit: unit('102') },
    { viewport: PHONE, language: 'zh-CN', ...look },
  );
const listUrl = () => `${t.server.base}/c/${COMMUNITY}/motions`;
const motionUrl = (id: string) => `${t.server.base}/c/${COMMUNITY}/motions/${id}`;
const mine = () => api<HouseholdMotionsAnswer>('/household/motions', undefined, token102);
const seatOf = async (id: string, proxy = false) =>
  (await mine()).motions
    .find((m) => m.motionId === id)
    ?.seats.find((s) => (s.proxyId !== undefined) === proxy);

/** Axe, the layout rules (text ≥ 16 px, badges included; targets ≥ 44 px; no sideways scroll), a screenshot. */
async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Opens a motion's page and waits for its vote card's ballot form. */
async function openMotion(page: Page, id: string): Promise<void> {
  await page.goto(motionUrl(id));
  await poll(() => page.locator('linli-vote form[part=form]').count()).toBe(1);
}

/**
 * Drags the element at `from` by a finger (the DevTools protocol's touch events, so the page sees the
 * pointer events a phone sends) to just inside the top of `to`.
 */
async function touchDrag(page: Page, from: string, to: string): Promise<void> {
  const start = await page.locator(from).boundingBox();
  const end = await page.locator(to).boundingBox();
  if (!start || !end) throw new Error(`nothing to drag from ${from} to ${to}`);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number, y?: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: x === undefined || y === undefined ? [] : [{ x, y, id: 1 }],
    });
  const x = start.x + start.width / 2;
  const y0 = start.y + start.height / 2;
  const y1 = end.y + 4;
  await touch('touchStart', x, y0);
  for (let step = 1; step <= 8; step++) await touch('touchMove', x, y0 + ((y1 - y0) * step) / 8);
  await touch('touchEnd');
  await cdp.detach();
}

const submit = (page: Page) => page.locator('linli-vote button[part=submit]').click();

describe('a household’s motions: every kind reachable and votable on a phone', () => {
  it('lists open, coming-up and closed motions, marking the open ones still to vote; the sign-in card links there', async () => {
    const { page, errors } = await open102();
    await page.goto(`${t.server.base}/c/${COMMUNITY}/sign-in`);
    await page.locator('#to-motions').click();
    await poll(() => textOf(page, 'linli-resident-motions-screen h1')).toBe('议题与表决');
    await poll(() => page.locator('linli-resident-motions-screen a.motion').count()).toBe(11);
    // A stale list says so, as the motion page does.
    expect(await page.locator('linli-resident-motions-screen linli-live-status').count()).toBe(1);
    // The header names the household by building and room, never its unit id.
    await poll(() => textOf(page, 'linli-app header .who')).toContain('8号楼 102室');
    const group = (name: string) =>
      page.locator(`linli-resident-motions-screen ul[aria-labelledby=group-${name}] a.motion`);
    expect(await group('open').count()).toBe(8);
    expect(await group('upcoming').allTextContents()).toEqual([expect.stringContaining('可以提修正案')]);
    expect(await group('closed').count()).toBe(2);
    expect(await textOf(page, '#motion-lift')).toContain('本户还没投票');
    // The colour: the household's own ballot and room 201's by proxy.
    expect(await textOf(page, '#motion-color')).toContain('还有 2 票没投');
    expect(await textOf(page, '#motion-walk')).toContain('还有 2 票没投');
    expect(await textOf(page, '#motion-old-fund')).toContain('当选/胜出：防滑垫、楼道粉刷');
    await check(page, 'list-phone-zh');
    // The home says first what needs the household: the open motions it has not voted on.
    await page.goto(`${t.server.base}/c/${COMMUNITY}/home`);
    await poll(() => textOf(page, 'linli-resident-home-screen #now ~ ul')).toContain('8 项表决等您投票');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('votes on each kind at 390×844 in zh-CN, changes a secret vote, and votes a proxy’s ballot', async () => {
    const { page, errors } = await open102();

    // Yes/no with block, secret: "已投" comes from the household's own read.
    await openMotion(page, 'lift');
    expect(await page.locator('linli-vote input[value=block]').count()).toBe(1);
    await page.locator('linli-vote input[value=yes]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：同意 ✓');
    expect(await textOf(page, '#seat-status')).toBe('本户（102室）：已投：同意 ✓');
    expect((await seatOf('lift'))?.ballot?.choice).toEqual({ kind: 'proposal', vote: 'yes' });
    // The public view shows no secret ballot.
    expect((await api<{ ballots: Record<string, unknown[]> }>('/view')).ballots.lift).toEqual([]);
    await check(page, 'vote-1-secret-yes-phone-zh');
    // Changing the vote.
    await page.locator('linli-vote input[value=block]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：否决 ✓');
    expect((await seatOf('lift'))?.ballot).toMatchObject({
      choice: { kind: 'proposal', vote: 'block' },
      revision: 2,
    });

    // Single, the household's own ballot and then room 201's by proxy.
    await openMotion(page, 'color');
    expect(await page.locator('linli-resident-motion-screen input[name=seat]').count()).toBe(2);
    expect(await textOf(page, 'linli-resident-motion-screen fieldset')).toContain(
      '代 201室 投票（委托本户）',
    );
    await page.locator('linli-vote input[value=b]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：方案乙 ✓');
    await page.locator('#seat-1').check();
    await poll(() => page.locator('linli-vote').getAttribute('proxy')).toBe('p201');
    // The proxy's ballot names the voter's room and the holder (this household, by its room): no id shows.
    await poll(() => textOf(page, 'linli-vote [part=proxy]')).toBe('102室，您正在受托代 201室 投票');
    const shown = await textOf(page, 'linli-resident-motion-screen');
    for (const id of ['p201', unit('201'), unit('102')]) expect(shown).not.toContain(id);
    expect(await textOf(page, 'linli-app header .who')).not.toContain(unit('102'));
    await page.locator('linli-vote input[value=c]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：方案丙 ✓');
    expect((await seatOf('color', true))?.ballot).toMatchObject({
      choice: { kind: 'single', option: 2 },
      channel: 'proxy',
    });
    await check(page, 'vote-2-single-proxy-phone-zh');

    // Approval, 1 to 2.
    await openMotion(page, 'bench');
    await page.locator('linli-vote input[value=a]').check();
    await page.locator('linli-vote input[value=c]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：方案甲; 方案丙 ✓');

    // Score.
    await openMotion(page, 'garden');
    const scores = page.locator('linli-vote select');
    await scores.nth(0).selectOption('5');
    await scores.nth(2).selectOption('3');
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：方案甲=5; 方案乙=0; 方案丙=3 ✓');

    // Ranked: 方案丙 dragged to the top by a finger, as on a phone.
    await openMotion(page, 'plan');
    await touchDrag(
      page,
      'linli-vote li[part=rank]:nth-child(3) [part=grip]',
      'linli-vote li[part=rank]:nth-child(1)',
    );
    await poll(() => textOf(page, 'linli-vote [part=rank-said]')).toBe('方案丙 移到第 1 位，共 3 位');
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：方案丙 > 方案甲 > 方案乙 ✓');

    // The election (STV, two seats).
    await openMotion(page, 'reps');
    await page.getByRole('button', { name: '下移 王老师' }).click();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：赵大姐 > 王老师 > 李师傅 ✓');

    // The project fund: its projects with their costs, then two approved.
    await openMotion(page, 'fund');
    expect(
      await textOf(page, 'linli-resident-motion-screen section[aria-labelledby=projects-title]'),
    ).toContain('楼梯扶手 ¥3,000.00');
    await page.locator('linli-vote input[value=lamp]').check();
    await page.locator('linli-vote input[value=rack]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：楼道感应灯; 自行车架 ✓');
    await check(page, 'vote-3-fund-phone-zh');

    // Two residents of 102, two ballots: each its own.
    await openMotion(page, 'walk');
    expect(await page.locator('section[aria-labelledby=seats-title] label').allTextContents()).toEqual([
      expect.stringMatching(/本户（102室）第 1 票\s*还没投票/),
      expect.stringMatching(/本户（102室）第 2 票\s*还没投票/),
    ]);
    await page.locator('linli-vote input[value=yes]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：同意 ✓');
    await page.locator('#seat-1').check();
    await page.locator('linli-vote input[value=no]').check();
    await submit(page);
    await poll(() => textOf(page, '#recorded')).toBe('已记录：反对 ✓');
    const walk = (await mine()).motions.find((m) => m.motionId === 'walk')?.seats ?? [];
    expect(walk.map((s) => s.ballot?.choice)).toEqual([
      { kind: 'proposal', vote: 'yes' },
      { kind: 'proposal', vote: 'no' },
    ]);

    // Every open motion is voted now: the list says so.
    await page.goto(listUrl());
    await poll(() => page.locator('linli-resident-motions-screen .done').count()).toBe(8);
    expect(await page.locator('linli-resident-motions-screen [data-todo]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('proposes an amendment to the draft convention; shows a closed motion’s result', async () => {
    const { page, errors } = await open102();
    await page.goto(motionUrl('rules'));
    await poll(() => page.locator('#amend-text').count()).toBe(1);
    await page.locator('#amend-text').fill(AMENDED);
    await page.locator('#amend-note').fill('宠物应抱起');
    await page.getByRole('button', { name: '提交修正案' }).click();
    await poll(() => page.locator('linli-resident-motion-screen .amendment').count()).toBe(1);
    expect(await textOf(page, '.amendment')).toContain('待处理 · 102室');
    expect(await textOf(page, '.amendment')).toContain('理由：宠物应抱起');
    await check(page, 'amend-phone-zh');
    // An empty text is the core's refusal, inline, in the page's language.
    await page.locator('#amend-text').fill('');
    await page.getByRole('button', { name: '提交修正案' }).click();
    await poll(() => page.locator('#amend-error').count()).toBe(1);
    expect(await page.locator('linli-resident-motion-screen .amendment').count()).toBe(1);

    // Another household's motion, and one that does not exist, say which.
    await page.goto(motionUrl('only201'));
    await poll(() => textOf(page, 'linli-resident-motion-screen .alert')).toBe('这个议题不涉及本户。');
    await page.goto(motionUrl('nope'));
    await poll(() => textOf(page, 'linli-resident-motion-screen .alert')).toBe('没有这个议题。');

    await page.goto(motionUrl('old-rules'));
    await poll(() => textOf(page, '#adopted')).toBe('第一条 楼道不堆物。');
    expect(await textOf(page, '#result')).toContain('结果：通过');
    await page.goto(motionUrl('old-fund'));
    await poll(() => page.locator('#funded li').count()).toBe(2);
    // Greedy buys the cheaper of two equally approved projects first.
    expect(await page.locator('#funded li').allTextContents()).toEqual([
      '防滑垫¥500.00',
      '楼道粉刷¥2,000.00',
    ]);
    expect(await textOf(page, 'section[aria-labelledby=projects-title]')).toContain(
      '大厅挂钟 ¥3,000.00 · 未获资助',
    );
    await check(page, 'result-fund-phone-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('votes a ranked ballot by keyboard alone', async () => {
    const token = await householdToken('202');
    const { page, errors } = await householdPage(
      t.browser,
      COMMUNITY,
      { token, unit: unit('202') },
      { viewport: PHONE, language: 'zh-CN' },
    );
    await openMotion(page, 'plan');
    /** Presses Tab until the focused element's accessible label is `label`. */
    const tabToLabel = async (label: string) => {
      for (let presses = 0; presses < 80; presses++) {
        const now = await page.evaluate(() => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '';
        });
        if (now === label) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${label}`);
    };
    await tabToLabel('下移 方案甲');
    await page.keyboard.press('Enter');
    await tabToLabel('投票');
    await page.keyboard.press('Enter');
    await poll(() => textOf(page, '#recorded')).toBe('已记录：方案乙 > 方案甲 > 方案丙 ✓');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the list and a motion at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await open102({ viewport, language, ...look });
          const name = `${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`;
          await page.goto(listUrl());
          await poll(() => page.locator('linli-resident-motions-screen a.motion').count()).toBe(11);
          await check(page, `matrix-list-${name}`);
          await page.goto(motionUrl('color'));
          await poll(() => page.locator('linli-vote form[part=form]').count()).toBe(1);
          await check(page, `matrix-motion-${name}`);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 180_000);
});
