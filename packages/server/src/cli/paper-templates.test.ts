/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { deepText, focusedId, tabTo } from '../testing/keyboard.js';
import { layoutProblems } from '../testing/layout.js';

/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;
const COMMUNITY = 'lane7';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Eight households of 7号楼: rooms x01 of 75.32 m², x02 of 88.68 m², each with its own owner. */
const ROOMS = ['101', '102', '201', '202', '301', '302', '401', '402'] as const;
type Room = (typeof ROOMS)[number];
const AREA = (room: string): number => (room.endsWith('01') ? 7532 : 8868); // hundredths of m²
const REGISTER = `楼号,单元,室号,面积,产权人\n${ROOMS.map((r) => `7,1,${r},${r.endsWith('01') ? '75.32' : '88.68'},业主${r}`).join('\n')}\n`;
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里7号楼',
  register: REGISTER,
  organizers: ['王阿姨', '李师傅'],
  shots: SHOTS,
});
/** Two organizer persons: 王阿姨 enters the papers, 李师傅 checks them. */
const { api, command, householdToken, units, call } = t;
/** The second organizer person, 李师傅, who checks 王阿姨's papers. */
const checker = () => t.tokens[1] ?? '';

interface ViewMotion {
  id: string;
  title: string;
  status: string;
  kind: string;
  options: { id: string; label: string }[];
  electorate: { id: string; unitIds: string[] }[];
  result?: { outcome: string; winners: string[]; unconfirmedPapers?: unknown[] };
}
interface View {
  motions: ViewMotion[];
  tallies: Record<string, { votedVoters: number; options: { id: string; votes: number; area: number }[] }>;
}
const view = () => api<View>('/view');
const motionIn = async (id: string) => (await view()).motions.find((m) => m.id === id);
async function voterOf(motion: string, room: string): Promise<string> {
  const voter = (await motionIn(motion))?.electorate.find((v) => v.unitIds.includes(units.get(room) ?? ''));
  if (!voter) throw new Error(`room ${room} is not on the roll of ${motion}`);
  return voter.id;
}

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A signed-in organizer's page with display choices preset, failing on any console error but provoked refusals. */
async function openPage(
  token: string,
  viewport: { width: number; height: number },
  prefs: { language: 'zh-CN' | 'en'; theme?: 'light' | 'dark'; largeText?: boolean },
): Promise<{ page: Page; errors: string[] }> {
  const context = await t.browser.newContext({ viewport, locale: prefs.language });
  await context.addInitScript(
    ([choices, key, t]) => {
      localStorage.setItem('linli-prefs', choices);
      sessionStorage.setItem(key, t);
    },
    [
      JSON.stringify({ theme: 'light', largeText: false, ...prefs }),
      `linli-organizer:/c/${COMMUNITY}`,
      token,
    ] as const,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (400|401|403|409)\b/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const base = () => `${t.server.base}/c/${COMMUNITY}/organizer/motions`;

/** Drafts from a wizard template (its label), with `title` and option labels; the new motion's id. */
async function draftFromTemplate(
  page: Page,
  template: string,
  title: string,
  fill: (page: Page) => Promise<unknown> = async () => {},
  save = '保存草稿',
): Promise<string> {
  await page.goto(`${base()}/new`);
  await poll(() => page.locator('.electorate').count()).toBe(1);
  await page.getByLabel(template).check();
  await page.locator('#title').fill(title);
  await fill(page);
  await page.getByRole('button', { name: save }).click();
  await poll(() => page.url()).toMatch(/\/motions\/(?!new)[\w-]+$/);
  return decodeURIComponent(page.url().split('/').at(-1) ?? '');
}

/** Opens a draft on its page with the keyboard: Open, then the confirmation. */
async function openOnPage(page: Page, status: string): Promise<void> {
  await tabTo(page, 'do-open');
  await page.keyboard.press('Enter');
  await tabTo(page, 'confirm');
  await page.keyboard.press('Enter');
  await poll(() => deepText(page, '#status')).toBe(status);
}

/** Types the room, then `marks` (keys, text and Tabs as the form's mode takes them), the ballot number, Enter. */
async function enterPaper(page: Page, room: string, marks: () => Promise<void>, ref: string): Promise<void> {
  await poll(() => focusedId(page)).toBe('room');
  await page.keyboard.press('ControlOrMeta+a'); // a room left from a refused paper is typed over
  await page.keyboard.type(room);
  await page.keyboard.press('Tab');
  await marks();
  await tabTo(page, 'paper-ref');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(ref);
  await page.keyboard.press('Enter');
}
const key = (page: Page, k: string) => () => page.keyboard.press(k);
const typed = (page: Page, text: string) => () => page.keyboard.type(text);

const atLeast = ([n, d]: readonly number[], p: bigint, q: bigint) => BigInt(n ?? 0) * q >= p * BigInt(d ?? 1);
const over = ([n, d]: readonly number[], p: bigint, q: bigint) => BigInt(n ?? 0) * q > p * BigInt(d ?? 1);
const sumArea = (rooms: readonly string[]) => rooms.reduce((s, r) => s + AREA(r), 0);

describe('choose among offers, design consultation and custom motions with paper ballots, two-person entry', () => {
  it('offers: three ad-space bids, phone votes and paper ballots checked by a second organizer, closed; the result is our own count', async () => {
    const a = await openPage(t.organizer, PHONE, { language: 'zh-CN' });
    const bids = ['甲广告公司 8000元/年', '乙传媒 7500元/年', '丙文化 6000元/年'];
    const id = await draftFromTemplate(a.page, '几家报价选一家', '电梯广告位出租', async (page) => {
      for (const [i, bid] of bids.entries())
        await page.getByLabel(`选项 ${i + 1}`, { exact: true }).fill(bid);
    });
    // The two-person check is offered (two organizers), chosen before opening.
    await poll(() => deepText(a.page, 'linli-motion-screen h1#title')).toBe('电梯广告位出租');
    await poll(() => a.page.locator('#paper-check').count()).toBe(1);
    await tabTo(a.page, 'paper-check');
    await a.page.keyboard.press('Enter');
    await poll(async () => ((await motionIn(id)) as { paperCheck?: string } | undefined)?.paperCheck).toBe(
      'twoPerson',
    );
    await check(a.page, 'offers-1-draft-two-person-phone-zh');
    await openOnPage(a.page, '状态：正在投票');
    const motion = await motionIn(id);
    const option = (i: number) => motion?.options[i]?.id ?? '';
    expect(motion?.options.map((o) => o.label)).toEqual(bids);

    // Two households vote on their phones (through the API).
    const phone: [Room, number][] = [
      ['101', 0],
      ['102', 1],
    ];
    for (const [room, i] of phone)
      await command(
        { type: 'ballot.cast', motionId: id, voterId: await voterOf(id, room), option: option(i) },
        await householdToken(room),
      );

    // A enters six papers with the keyboard; 401's is mis-entered (bid 3 for bid 1).
    await tabTo(a.page, 'paper-link');
    await a.page.keyboard.press('Enter');
    await poll(() => deepText(a.page, 'linli-paper-screen h1#title')).toBe('录入纸质选票：电梯广告位出租');
    await tabTo(a.page, 'room');
    const papers: [Room, number, string][] = [
      ['201', 0, 'G-001'],
      ['202', 0, 'G-002'],
      ['301', 1, 'G-003'],
      ['302', 0, 'G-004'],
      ['401', 2, 'G-005'],
      ['402', 2, 'G-006'],
    ];
    for (const [room, i, ref] of papers) {
      await enterPaper(a.page, room, key(a.page, String(i + 1)), ref);
      await poll(() => deepText(a.page, '#done')).toContain(`已录入，等待核对：${room} 室`);
    }
    // Pending papers count for nothing yet, and A is offered no confirmation of their own.
    expect((await view()).tallies[id]?.votedVoters).toBe(2);
    await poll(() => deepText(a.page, '#queue-h')).toBe('等待第二人核对（6 张）');
    expect(await a.page.locator('button[data-act=confirm]').count()).toBe(0);
    const self = await call('/commands', {
      command: {
        type: 'ballot.confirmPaper',
        motionId: id,
        voterId: await voterOf(id, '201'),
        paperRef: 'G-001',
      },
    });
    expect(((await self.json()) as { error: { code: string } }).error.code).toBe('ballot.self_confirmation');
    // A second paper for a room whose paper waits is refused inline.
    await enterPaper(a.page, '201', key(a.page, '2'), 'G-007');
    await poll(() => deepText(a.page, '#room-status')).toContain('等第二位组织者核对');
    await check(a.page, 'offers-2-paper-pending-phone-zh');

    // B, on a desktop in English, sees who entered each and checks them: five confirmed, 401 rejected.
    const b = await openPage(checker(), DESKTOP, { language: 'en' });
    await b.page.goto(`${base()}/${id}/paper`);
    await poll(() => deepText(b.page, '#queue-h')).toBe('Waiting for a second check (6)');
    await poll(() => deepText(b.page, '#queue')).toContain(
      'Room 401: 丙文化 6000元/年, ballot G-005, entered by 王阿姨',
    );
    await check(b.page, 'offers-3-queue-desktop-en');
    for (const [, , ref] of papers) {
      const act = ref === 'G-005' ? 'reject' : 'confirm';
      await b.page.locator(`button[data-ref="${ref}"][data-act="${act}"]`).click();
      await poll(() => b.page.locator(`button[data-ref="${ref}"]`).count()).toBe(0);
    }
    expect((await view()).tallies[id]?.votedVoters).toBe(7);
    // A enters 401's paper again, correctly; B confirms it.
    await a.page.locator('#room').focus();
    await enterPaper(a.page, '401', key(a.page, '1'), 'G-005');
    await poll(() => deepText(a.page, '#done')).toContain('已录入，等待核对：401 室');
    await b.page.locator('button[data-ref="G-005"][data-act="confirm"]').click();
    await poll(async () => (await view()).tallies[id]?.votedVoters).toBe(8);

    // B closes on the motion page; A's history names B.
    await b.page.goto(`${base()}/${id}`);
    await b.page.locator('#do-close').click();
    await b.page.locator('#confirm').click();
    await poll(() => deepText(b.page, '#status')).toBe('Status: Closed');
    await a.page.goto(`${base()}/${id}`);
    await poll(() => deepText(a.page, 'ol.history')).toContain('组织者 李师傅');
    expect(await deepText(a.page, 'ol.history')).not.toContain('org-');
    await check(a.page, 'offers-4-closed-phone-zh');

    // Our own count: every room's final choice, then Art. 278 ordinary matters on the winner.
    const final = new Map<string, number>([...phone, ...papers.map(([r, i]) => [r, i] as const)]);
    final.set('401', 0);
    const counts = [0, 1, 2].map((i) => [...final].filter(([, c]) => c === i).map(([r]) => r));
    const best = counts.reduce((w, rooms, i) => (rooms.length > (counts[w]?.length ?? 0) ? i : w), 0);
    const tally = (await view()).tallies[id];
    expect(tally?.options.map((o) => [o.votes, o.area])).toEqual(counts.map((r) => [r.length, sumArea(r)]));
    const voted = [...final.keys()];
    const winners = counts[best] ?? [];
    const passes =
      atLeast([voted.length, ROOMS.length], 2n, 3n) &&
      atLeast([sumArea(voted), sumArea(ROOMS)], 2n, 3n) &&
      over([winners.length, voted.length], 1n, 2n) &&
      over([sumArea(winners), sumArea(voted)], 1n, 2n);
    const result = (await motionIn(id))?.result;
    expect(result?.winners).toEqual([option(best)]);
    expect(result?.outcome).toBe(passes ? 'passed' : 'failed');
    expect(result?.unconfirmedPapers).toBeUndefined();
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  }, 120_000);

  it('design consultation: ranked papers typed as an order, refusals inline, closed; the winner is our own Condorcet count', async () => {
    const { page, errors } = await openPage(t.organizer, DESKTOP, { language: 'en' });
    const id = await draftFromTemplate(
      page,
      'Design consultation',
      'Bench designs',
      async (p) => {
        await p.getByLabel('Who votes', { exact: true }).selectOption('owners');
        await p.locator('#kind').selectOption('ranked');
        for (const [i, design] of ['Wooden bench', 'Stone bench', 'Bench with a back'].entries())
          await p.getByLabel(`Option ${i + 1}`, { exact: true }).fill(design);
      },
      'Save the draft',
    );
    await poll(() => deepText(page, 'linli-motion-screen h1#title')).toBe('Bench designs');
    await openOnPage(page, 'Status: Voting is open');
    const motion = await motionIn(id);
    expect(motion?.kind).toBe('ranked');
    await page.goto(`${base()}/${id}/paper`);
    await poll(() => deepText(page, 'linli-paper-screen h1#title')).toBe('Paper ballots: Bench designs');
    await tabTo(page, 'room');
    const orders: [Room, string][] = [
      ['101', '2 1 3'],
      ['102', '2 3 1'],
      ['201', '1 2 3'],
      ['202', '3 2 1'],
      ['301', '2 1 3'],
      ['302', '1 3 2'],
      ['401', '3 1 2'],
      ['402', '2 3 1'],
    ];
    // An option number that does not exist is caught here; a repeated one is the core's refusal.
    await enterPaper(page, '101', typed(page, '9'), 'D-001');
    await poll(() => deepText(page, '#choice-error')).toBe('There is no option 9 (there are 3).');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1 1 2');
    await page.keyboard.press('Enter');
    await poll(() => deepText(page, '#choice-error')).not.toBe('There is no option 9 (there are 3).');
    expect(await deepText(page, '#choice-error')).not.toBe('');
    expect(await focusedId(page)).toBe('order');
    await check(page, 'design-1-refused-desktop-en');
    expect((await view()).tallies[id]?.votedVoters).toBe(0);
    await page.locator('#room').fill('');
    await page.locator('#order').fill('');
    await page.locator('#room').focus();
    for (const [i, [room, order]] of orders.entries()) {
      await enterPaper(page, room, typed(page, order), `D-${String(i + 1).padStart(3, '0')}`);
      await poll(() => deepText(page, '#done')).toContain(`Entered: room ${room}`);
    }
    await check(page, 'design-2-entered-desktop-en');
    await command({ type: 'motion.close', motionId: id });

    // Our own count: the option every other option loses to, pairwise.
    const ids = motion?.options.map((o) => o.id) ?? [];
    const rankOf = (order: string, option: number) => order.split(' ').indexOf(String(option + 1));
    const beats = (x: number, y: number) =>
      orders.filter(([, o]) => rankOf(o, x) < rankOf(o, y)).length >
      orders.filter(([, o]) => rankOf(o, y) < rankOf(o, x)).length;
    const condorcet = ids.findIndex((_, x) => ids.every((__, y) => x === y || beats(x, y)));
    expect(condorcet).toBeGreaterThanOrEqual(0);
    await poll(async () => (await motionIn(id))?.result?.winners[0]).toBe(ids[condorcet]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('custom motion, the minimal path: drafted from the blank template, opened, papers entered, closed', async () => {
    const { page, errors } = await openPage(t.organizer, PHONE, { language: 'zh-CN' });
    const id = await draftFromTemplate(page, '自定义', '楼道堆物清理', (p) =>
      p.getByLabel('谁投票', { exact: true }).selectOption('owners'),
    );
    await openOnPage(page, '状态：正在投票');
    await page.goto(`${base()}/${id}/paper`);
    await tabTo(page, 'room');
    const votes: [Room, '1' | '2' | '3'][] = [
      ['101', '1'],
      ['102', '1'],
      ['201', '2'],
    ];
    for (const [i, [room, k]] of votes.entries()) {
      await enterPaper(page, room, key(page, k), `C-${i + 1}`);
      await poll(() => deepText(page, '#done')).toContain(`已录入：${room} 室`);
    }
    await command({ type: 'motion.close', motionId: id });
    // Simple majority of the households that took part: more than half said yes.
    const yes = votes.filter(([, k]) => k === '1').length;
    const outcome = over([yes, votes.length], 1n, 2n) ? 'passed' : 'failed';
    await poll(async () => (await motionIn(id))?.result?.outcome).toBe(outcome);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the paper page in its new modes (score marks, the queue) at 360×740 and 1280×800, zh-CN and en, light, dark and large text', async () => {
    await command({
      type: 'motion.draft',
      id: 'benches',
      title: '长椅样式打分',
      kind: 'score',
      options: [
        { id: 'wood', label: '木长椅' },
        { id: 'stone', label: '石长椅' },
      ],
      scope: { kind: 'community' },
      basis: 'owners',
      rule: 'civilCode278.participation',
      paperCheck: 'twoPerson',
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await command({ type: 'motion.open', motionId: 'benches' });
    await command({
      type: 'ballot.cast',
      motionId: 'benches',
      voterId: await voterOf('benches', '101'),
      scores: { wood: 4, stone: 2 },
      paperRef: 'S-1',
    });
    for (const viewport of [{ width: 360, height: 740 }, DESKTOP])
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await openPage(checker(), viewport, { language, ...look });
          await page.goto(`${base()}/benches/paper`);
          await poll(() => page.locator('button[data-ref="S-1"]').count()).toBe(2);
          await poll(() => deepText(page, 'linli-vote [part="summary"]')).not.toBe('');
          const name = `benches-${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
    // Scores by keyboard: room, Tab, a number per option, ballot number, Enter.
    const { page } = await openPage(checker(), DESKTOP, { language: 'en' });
    await page.goto(`${base()}/benches/paper`);
    await poll(() => deepText(page, 'linli-paper-screen h1#title')).toBe('Paper ballots: 长椅样式打分');
    await tabTo(page, 'room');
    await enterPaper(
      page,
      '102',
      async () => {
        await page.keyboard.type('5');
        await page.keyboard.press('Tab');
        await page.keyboard.type('1');
      },
      'S-2',
    );
    await poll(() => deepText(page, '#done')).toBe(
      'Entered, waiting for a check: room 102, 木长椅 5, 石长椅 1, ballot S-2',
    );
    await page.context().close();
  }, 120_000);
});
