/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';

/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;
const COMMUNITY = 'lane9';

/** Eight households of 9号楼: rooms x01 of 75.32 m², x02 of 88.68 m², each with its own owner. */
const ROOMS = ['101', '102', '201', '202', '301', '302', '401', '402'] as const;
const AREA: Record<string, number> = { '01': 7532, '02': 8868 }; // hundredths of m²
const REGISTER = `楼号,单元,室号,面积,产权人\n${ROOMS.map((r) => `9,1,${r},${r.endsWith('01') ? '75.32' : '88.68'},业主${r}`).join('\n')}\n`;
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里9号楼',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
});
const { api, command, householdToken, units } = t;

interface Voter {
  id: string;
  unitIds: string[];
  area: number;
}
interface ViewMotion {
  id: string;
  status: string;
  electorate: Voter[];
  result?: { outcome: string };
}
interface ViewCheck {
  check: { kind: string; dimension: string; base?: string };
  actual: number;
  base: number;
  met: boolean;
}
interface View {
  motions: ViewMotion[];
  tallies: Record<string, { votedVoters: number; checks: ViewCheck[] }>;
  ballots: Record<string, { voterId: string; channel: string }[]>;
}
const view = () => api<View>('/view');
const motionIn = async (id: string) => (await view()).motions.find((m) => m.id === id);

/** The voter of `motion`'s roll that holds `room`. */
async function voterOf(motion: string, room: string): Promise<string> {
  const unit = units.get(room);
  const voter = (await motionIn(motion))?.electorate.find((v) => v.unitIds.includes(unit ?? ''));
  if (!voter) throw new Error(`room ${room} is not on the roll of ${motion}`);
  return voter.id;
}

/** Drafts a yes/no owners' motion under Art. 278 (ordinary matters) that takes no change of vote. */
const draft = (id: string, title: string, extra: Record<string, unknown> = {}) =>
  command({
    type: 'motion.draft',
    id,
    title,
    kind: 'proposal',
    scope: { kind: 'community' },
    basis: 'owners',
    rule: 'civilCode278.ordinary',
    allowChange: false,
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...extra,
  });

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/** The id (or tag) of what has focus, through every shadow root. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.id || active.tagName.toLowerCase() : '';
  });

/** Presses Tab (only the keyboard) until the element with `id` has focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    if ((await focused(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The text of the deep element `selector` finds (Playwright's locators pierce shadow roots). */
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** What a phone user must never meet: sideways scrolling, text under 16 px, targets under 44 × 44 px. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px`);
    const walk = (root: Document | ShadowRoot, out: Element[]) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot, out);
      }
      return out;
    };
    for (const el of walk(document, [])) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const tag = el.tagName.toLowerCase();
      const hidden = el.closest('.visually-hidden, .skip');
      const isTarget =
        ['a', 'button', 'select'].includes(tag) ||
        (tag === 'input' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type));
      if (isTarget && !hidden && (box.height < 44 || box.width < 44))
        problems.push(
          `small target ${tag} "${el.textContent?.trim().slice(0, 20)}" ${box.width}x${box.height}`,
        );
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (own && !hidden && Number.parseFloat(getComputedStyle(el).fontSize) < 16)
        problems.push(`small text ${tag} "${el.textContent?.trim().slice(0, 20)}"`);
    }
    return problems;
  });
}

async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await layoutProblems(page), name).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A page whose display choices are preset on the device, failing on any console error but the refusals provoked. */
async function openPage(
  viewport: { width: number; height: number },
  prefs: { language: 'zh-CN' | 'en'; theme?: 'light' | 'dark'; largeText?: boolean },
  signedIn: boolean,
): Promise<{ page: Page; errors: string[] }> {
  const context = await t.browser.newContext({ viewport, locale: prefs.language, acceptDownloads: true });
  await context.addInitScript(
    ([choices, key, token]) => {
      localStorage.setItem('linli-prefs', choices);
      if (token) sessionStorage.setItem(key, token);
    },
    [
      JSON.stringify({ theme: 'light', largeText: false, ...prefs }),
      `linli-organizer:/c/${COMMUNITY}`,
      signedIn ? t.organizer : '',
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

const motionPage = (id: string) => `${t.server.base}/c/${COMMUNITY}/organizer/motions/${id}`;

/** Types one paper ballot with the keyboard alone: room, Tab, the answer's number, Tab, ballot number, Enter. */
async function enterPaper(page: Page, room: string, key: string, ref: string): Promise<void> {
  expect(await focused(page)).toBe('room');
  await page.keyboard.type(room);
  await page.keyboard.press('Tab');
  await page.keyboard.press(key);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('paper-ref');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(ref);
  await page.keyboard.press('Enter');
}

describe('one motion’s organizer page and paper ballots, through the real server, keyboard only', () => {
  it('opens a draft, takes 5 paper ballots, refuses a duplicate, undoes one, registers a proxy, closes: the figures are right', async () => {
    await draft('lift', '加装电梯', { proxyCap: 1 });
    const { page, errors } = await openPage({ width: 390, height: 844 }, { language: 'zh-CN' }, false);
    await page.goto(motionPage('lift'));
    // The deep link stands behind the sign-in form: the token typed in, then the motion page.
    await tabTo(page, 'organizer-input');
    await page.keyboard.type(t.organizer);
    await page.keyboard.press('Enter');
    await poll(() => text(page, 'linli-motion-screen h1#title')).toBe('加装电梯');
    expect(await text(page, '#status')).toBe('状态：草稿（还没开始投票）');
    expect(await text(page, 'linli-motion-screen section')).toContain('民法典第278条 一般事项');
    // The rule's source in the page's language only, not the core's bilingual citation.
    expect(await text(page, 'linli-motion-screen section')).toContain(
      '中华人民共和国民法典第二百七十八条第二款',
    );
    expect(await text(page, 'linli-motion-screen section')).not.toContain('Civil Code');
    // One organizer only: the two-person paper check is not offered, and the page says why.
    await poll(() => text(page, '#paper-check-why')).toContain('至少有两位组织者');
    await check(page, 'motion-1-draft-phone-zh');

    // Open, behind a confirmation in plain words.
    await tabTo(page, 'do-open');
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toBe('confirm-h');
    expect(await text(page, 'form.confirm')).toContain('有表决权的名单就确定了');
    await tabTo(page, 'confirm');
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#status')).toBe('状态：正在投票');
    expect((await motionIn('lift'))?.status).toBe('open');
    await poll(() => text(page, 'ol.history')).toContain('开始投票（8 个有表决权）');

    // A household votes on its phone (through the API).
    const household101 = await householdToken('101');
    await command(
      { type: 'ballot.cast', motionId: 'lift', voterId: await voterOf('lift', '101'), vote: 'yes' },
      household101,
    );

    // The proxy: room 401 is represented by household 101, on signed paper W-1 (keyboard only).
    await tabTo(page, 'proxy-voter');
    await page.keyboard.type('401');
    await tabTo(page, 'proxy-holder');
    await page.keyboard.type('101');
    await page.keyboard.press('Tab');
    await page.keyboard.type('W-1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('scan-W-1.pdf');
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#proxy-list')).toContain(
      '401室 委托 101室（委托书编号 W-1），扫描件 scan-W-1.pdf',
    );
    // A second one for the same holder goes over this motion's cap of 1: the core's refusal, beside the holder.
    await tabTo(page, 'proxy-voter');
    await page.keyboard.type('402');
    await tabTo(page, 'proxy-holder');
    await page.keyboard.type('101');
    await page.keyboard.press('Tab');
    await page.keyboard.type('W-2');
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#proxy-holder-error')).toBe('101 已代理 1 人，达到本议题上限');
    const grants = await api<{ history: { action: string }[] }>('/motions/lift/history');
    expect(grants.history.filter((h) => h.action === 'proxyGranted')).toHaveLength(1);
    await check(page, 'motion-2-open-phone-zh');

    // Paper ballots, from the link on the motion page.
    await tabTo(page, 'paper-link');
    await page.keyboard.press('Enter');
    await poll(() => text(page, 'linli-paper-screen h1#title')).toBe('录入纸质选票：加装电梯');
    await tabTo(page, 'room');
    const papers = [
      ['201', '1', 'P-001'],
      ['202', '2', 'P-002'],
      ['301', '1', 'P-003'],
      ['302', '3', 'P-004'],
      ['402', '1', 'P-005'],
    ] as const;
    for (const [room, key, ref] of papers) {
      await enterPaper(page, room, key, ref);
      await poll(() => text(page, '#done')).toContain(`编号 ${ref}`);
      await poll(() => focused(page)).toBe('room'); // back to the room for the next form
    }
    expect(await page.locator('#paper-ref').inputValue()).toBe('P-006'); // the next number, suggested
    await check(page, 'paper-1-five-phone-zh');

    // A second paper for room 201: the core refuses it inline, and nothing changes.
    const before = (await view()).ballots.lift?.length;
    await enterPaper(page, '201', '2', 'P-006');
    await poll(() => text(page, '#room-status')).toContain('已经投过票，本议题不允许改票');
    expect((await view()).ballots.lift?.length).toBe(before);
    expect(before).toBe(6);
    await check(page, 'paper-2-duplicate-phone-zh');

    // Undo the last entry (402, P-005): a correcting event.
    await tabTo(page, 'undo');
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#done')).toContain('已撤销：402 室，编号 P-005');
    expect((await view()).ballots.lift?.map((b) => b.voterId)).not.toContain(await voterOf('lift', '402'));

    // The proxy holder votes for 401 (through the API), then the organizer closes on the motion page.
    const proxyId = await proxyOf('lift');
    await command(
      { type: 'ballot.cast', motionId: 'lift', voterId: await voterOf('lift', '401'), vote: 'yes', proxyId },
      household101,
    );
    await page.goto(motionPage('lift'));
    await poll(() => text(page, '#status')).toBe('状态：正在投票');
    await tabTo(page, 'do-close');
    await page.keyboard.press('Enter');
    await poll(() => text(page, 'form.confirm')).toContain('不再接受任何选票');
    await check(page, 'motion-3-confirm-close-phone-zh');
    await tabTo(page, 'confirm');
    await page.keyboard.press('Enter');
    await poll(() => text(page, '#status')).toBe('状态：已结束');
    await poll(() => text(page, 'ol.history')).toContain('结束投票，结果：通过');
    await check(page, 'motion-4-closed-phone-zh');

    // The figures, computed here from the ballots this test cast, against the server's.
    const cast = { '101': 'yes', '401': 'yes', '201': 'yes', '202': 'no', '301': 'yes', '302': 'abstain' };
    const area = (room: string) => AREA[room.slice(1)] ?? 0;
    const rooms = Object.keys(cast);
    const yes = rooms.filter((r) => cast[r as keyof typeof cast] === 'yes');
    const expected = {
      participationHeads: [rooms.length, ROOMS.length],
      participationArea: [rooms.reduce((s, r) => s + area(r), 0), ROOMS.reduce((s, r) => s + area(r), 0)],
      approvalHeads: [yes.length, rooms.length],
      approvalArea: [yes.reduce((s, r) => s + area(r), 0), rooms.reduce((s, r) => s + area(r), 0)],
    };
    const tally = (await view()).tallies.lift;
    const figure = (kind: string, dimension: string) => {
      const c = tally?.checks.find((x) => x.check.kind === kind && x.check.dimension === dimension);
      return [c?.actual, c?.base];
    };
    expect({
      participationHeads: figure('participation', 'headcount'),
      participationArea: figure('participation', 'area'),
      approvalHeads: figure('approval', 'headcount'),
      approvalArea: figure('approval', 'area'),
    }).toEqual(expected);
    // Art. 278: at least 2/3 take part (heads and area), more than half of them approve (heads and area).
    const atLeast = ([n, d]: number[], p: bigint, q: bigint) => BigInt(n ?? 0) * q >= p * BigInt(d ?? 1);
    const over = ([n, d]: number[], p: bigint, q: bigint) => BigInt(n ?? 0) * q > p * BigInt(d ?? 1);
    const passes =
      atLeast(expected.participationHeads, 2n, 3n) &&
      atLeast(expected.participationArea, 2n, 3n) &&
      over(expected.approvalHeads, 1n, 2n) &&
      over(expected.approvalArea, 1n, 2n);
    expect((await motionIn('lift'))?.result?.outcome).toBe(passes ? 'passed' : 'failed');
    expect(passes).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it("serves the motion screens in the organizer's lazy module, not in the first load", async () => {
    const chunk = await fetch(`${t.server.base}/app/organizer.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('content-type')).toContain('text/javascript');
    expect(await chunk.text()).toContain('Loading the motion…');
    expect(await (await fetch(`${t.server.base}/app/app.js`)).text()).not.toContain('Loading the motion…');
    for (const path of ['/app/chunks/motion.js', '/app/..%2Fpackage.json', '/app/missing.js'])
      expect((await fetch(`${t.server.base}${path}`)).status, path).toBe(404);
  });

  it('the motion page at 360×740 and 1280×800, zh-CN and en, light, dark and large text: axe 0, no sideways scroll', async () => {
    await draft('gate', '更换单元门禁');
    await command({ type: 'motion.open', motionId: 'gate' });
    await command({
      type: 'ballot.cast',
      motionId: 'gate',
      voterId: await voterOf('gate', '102'),
      vote: 'no',
      paperRef: 'G-1',
    });
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const language of ['zh-CN', 'en'] as const)
        for (const look of [{ theme: 'light' }, { theme: 'dark' }, { largeText: true }] as const) {
          const { page, errors } = await openPage(viewport, { language, ...look }, true);
          await page.goto(motionPage('gate'));
          await poll(() => text(page, 'linli-motion-screen h1#title')).toBe('更换单元门禁');
          await poll(() => text(page, 'linli-vote [part="summary"]')).not.toBe('');
          const name = `gate-${viewport.width}-${language}-${'theme' in look ? look.theme : 'large'}`;
          await check(page, name);
          expect(errors, name).toEqual([]);
          await page.context().close();
        }
  }, 120_000);
});

/** The id of the one live proxy on `motion` (read from the server's log through the history). */
async function proxyOf(motion: string): Promise<string> {
  const { history } = await api<{ history: { action: string; proxyId?: string }[] }>(
    `/motions/${motion}/history`,
  );
  const granted = history.filter((h) => h.action === 'proxyGranted');
  const id = granted.at(-1)?.proxyId;
  if (!id) throw new Error('no proxy registered');
  return id;
}
