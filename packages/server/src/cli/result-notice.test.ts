/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ballotNumber } from '@linli/core';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { layoutProblems } from '../testing/layout.js';

/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;
const COMMUNITY = 'lane7';

/** Ten owners in one stairwell: rooms x01 of 75.32 m², x02 of 88.68 m². */
const ROOMS = ['101', '102', '201', '202', '301', '302', '401', '402', '501', '502'] as const;
const AREA = (room: string) => (room.endsWith('01') ? 7532n : 8868n); // hundredths of m²
const REGISTER = `楼号,单元,室号,面积,产权人\n${ROOMS.map((r) => `7,1,${r},${r.endsWith('01') ? '75.32' : '88.68'},业主${r}`).join('\n')}\n`;
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '幸福里7号楼',
  register: REGISTER,
  organizers: ['王阿姨'],
  shots: SHOTS,
});
const { api, command, householdToken, units } = t;

/** The ballots this test casts, and how: the source of the figures the printed notice must show. */
const CAST = {
  direct: { '101': 'yes', '102': 'yes', '201': 'no' },
  paper: { '202': 'yes', '301': 'yes', '302': 'no', '401': 'yes', '402': 'yes' },
  proxy: { '501': 'yes' },
  /** On paper, signed by the holder of 502's 委托书: a relative, no household, named only. */
  paperProxy: { '502': 'yes' },
} as const;
const HOLDER = '李明';

interface ViewMotion {
  id: string;
  title: string;
  status: string;
  electorate: { id: string; unitIds: string[] }[];
}
const motions = async () => (await api<{ motions: ViewMotion[] }>('/view')).motions;

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

async function openPage(
  viewport: { width: number; height: number },
  prefs: { language: 'zh-CN' | 'en'; theme?: 'light' | 'dark'; largeText?: boolean },
): Promise<Page> {
  const context = await t.browser.newContext({ viewport, locale: prefs.language });
  await context.addInitScript(
    ([choices, key, token]) => {
      // Only on the context's first page: a test may change the look in place afterwards.
      if (localStorage.getItem('linli-prefs') === null) localStorage.setItem('linli-prefs', choices);
      sessionStorage.setItem(key, token);
    },
    [
      JSON.stringify({ theme: 'light', largeText: false, ...prefs }),
      `linli-organizer:/c/${COMMUNITY}`,
      t.organizer,
    ] as const,
  );
  return context.newPage();
}

/**
 * The text of a PDF as `pdftotext -layout` reads it, without whitespace: a table cell's line breaks
 * and column padding fall where the layout puts them, so figures are compared with spaces removed.
 */
function pdfText(pdf: Buffer, name: string): { text: string; pages: number } {
  const file = join(t.folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  if (SHOTS) writeFileSync(join(SHOTS, `${name}.pdf`), pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

/** The id (or tag) of what has focus, through every shadow root. */
const focusedId = (page: Page): Promise<string> =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.id || active.tagName : '';
  });

/** m² with two decimals from hundredths, as printed. */
const m2 = (hundredths: bigint) => `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')} m²`;
/** The least weight meeting ≥ n/d of `base`: ⌈n·base / d⌉. */
const atLeast = (n: bigint, d: bigint, base: bigint) => (n * base + d - 1n) / d;

let motionId = '';

describe('the elevator story, from its wizard template to the printed 公示', () => {
  it('drafts from the template, takes phone, paper and proxy ballots, closes, and prints figures that match the ballots', async () => {
    const page = await openPage({ width: 390, height: 844 }, { language: 'zh-CN' });
    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer/motions/new`);
    await poll(() => page.locator('.electorate').textContent()).toContain('票，面积');
    expect(await page.getByLabel('加装电梯').isChecked()).toBe(true);
    await page.getByLabel('标题').fill('7号楼1单元加装电梯');
    await page.getByLabel('保存后马上开始投票').check();
    await page.getByRole('button', { name: '保存并开始投票' }).click();
    await page.getByRole('button', { name: '确认，开始投票' }).click();
    await poll(() => page.url()).toMatch(/\/organizer\/motions\/(?!new)[\w-]+$/);
    const motion = (await motions()).find((m) => m.title === '7号楼1单元加装电梯');
    expect(motion?.status).toBe('open');
    motionId = motion?.id ?? '';
    const voterOf = (room: string) =>
      motion?.electorate.find((v) => v.unitIds.includes(units.get(room) ?? ''))?.id ?? '';

    // Three households vote on their phones (through the API).
    for (const [room, vote] of Object.entries(CAST.direct))
      await command(
        { type: 'ballot.cast', motionId, voterId: voterOf(room), vote },
        await householdToken(room),
      );
    // Five paper forms on the paper screen, keyboard first, each with its printed ballot number.
    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer/motions/${motionId}/paper`);
    await poll(() => page.locator('#room').isVisible()).toBe(true);
    const key = { yes: '1', no: '2' } as const;
    for (const [room, vote] of Object.entries(CAST.paper)) {
      // 402's form is first typed with 401's number (the rooms sit side by side on the pile); 302's
      // with a number of the organizer's own pile, which they enter anyway with a second Enter.
      const printed = ballotNumber(motionId, voterOf(room));
      const typo = { '402': ballotNumber(motionId, voterOf('401')), '302': '20261-20001' }[room];
      await page.locator('#room').fill(room);
      await page.locator('#room').press('Tab');
      await page.keyboard.press(key[vote]);
      await page.locator('#paper-ref').fill(typo ?? printed);
      await page.locator('#paper-ref').press('Enter');
      if (typo) {
        await poll(() => page.locator('#paper-ref-warning').textContent()).toContain(printed);
        expect(await page.locator('#paper-ref-warning').textContent()).toContain(`${room} 室`);
        expect(await focusedId(page)).toBe('paper-ref');
        if (SHOTS)
          await page.screenshot({ path: join(SHOTS, `paper-number-${room}-phone-zh.png`), fullPage: true });
        expect(await page.locator('#done').textContent()).not.toContain(`${room} 室`); // not entered
        if (room === '402') await page.locator('#paper-ref').fill(printed);
        await page.locator('#paper-ref').press('Enter');
      }
      await poll(() => page.locator('#done').textContent()).toContain(room === '302' ? typo : printed);
      expect(await page.locator('#paper-ref-warning').count()).toBe(0);
    }
    // 502's 委托书 names a relative who is no household: the organizer enters the paper they signed.
    await command({
      type: 'proxy.grant',
      motionId,
      voterId: voterOf('502'),
      holder: HOLDER,
      paperRef: 'W-8',
      id: 'p502',
    });
    await page.locator('#room').fill('502');
    await poll(() => page.locator('#signer').textContent()).toContain(HOLDER);
    await page.locator('#room').press('Tab'); // onto "the household of 502"
    await page.keyboard.press('ArrowDown'); // the holder
    expect(await page.getByLabel(`受托人 ${HOLDER} 代投（委托书 W-8）`).isChecked()).toBe(true);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'paper-signer-phone-zh.png'), fullPage: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press(key[CAST.paperProxy['502']]);
    await page.locator('#paper-ref').fill(ballotNumber(motionId, voterOf('502')));
    await page.locator('#paper-ref').press('Enter');
    await poll(() => page.locator('#done').textContent()).toContain(HOLDER);
    expect(await page.locator('#entered-h + p + ol li').first().textContent()).toContain(HOLDER);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'paper-proxy-phone-zh.png'), fullPage: true });
    // A signed 委托书: 501 is represented by household 101, who votes for it.
    const holder = await householdToken('101');
    await command({
      type: 'proxy.grant',
      motionId,
      voterId: voterOf('501'),
      holder: units.get('101'),
      paperRef: 'W-7',
      id: 'p501',
    });
    await command(
      { type: 'ballot.cast', motionId, voterId: voterOf('501'), vote: CAST.proxy['501'], proxyId: 'p501' },
      holder,
    );
    await command({ type: 'motion.close', motionId });

    // The figures, from the ballots above alone.
    const votes = { ...CAST.direct, ...CAST.paper, ...CAST.proxy, ...CAST.paperProxy } as Record<
      string,
      string
    >;
    const voted = Object.keys(votes);
    const yes = voted.filter((r) => votes[r] === 'yes');
    const sum = (rooms: readonly string[]) => rooms.reduce((a, r) => a + AREA(r), 0n);
    const [allArea, votedArea, yesArea] = [sum(ROOMS), sum(voted), sum(yes)];
    const yesHeads = BigInt(yes.length);
    const votedHeads = BigInt(voted.length);
    const needHeads = atLeast(3n, 4n, votedHeads);
    const needArea = atLeast(3n, 4n, votedArea);
    const passed =
      yesHeads >= needHeads && yesArea >= needArea && votedHeads * 3n >= 2n * BigInt(ROOMS.length);

    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer/motions/${motionId}/notice`);
    await poll(() => page.locator('[part=outcome]').textContent()).toContain(passed ? '通过' : '未通过');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'notice-phone-zh.png'), fullPage: true });
    const { text } = pdfText(await page.pdf({ format: 'A4', printBackground: true }), 'notice');
    const has = (figure: string) => expect(text).toContain(figure.replace(/\s+/g, ''));
    has(`${ROOMS.length} 户/位，专有面积 ${m2(allArea)}`);
    has(`${voted.length} / ${ROOMS.length}，专有面积 ${m2(votedArea)}`);
    has(`${yes.length} / ${voted.length}`);
    has(`${m2(yesArea)} / ${m2(votedArea)}`);
    has(m2(needArea));
    has(`+${m2(yesArea - needArea)}`);
    has('≥ 3/4');
    has('≥ 2/3');
    has('民法典第二百七十八条');
    has('7号楼 1单元'); // the scope by name, not by id
    // The roll, by room: every room with its answer.
    for (const room of ROOMS) has(room);
    has('502同意纸质，委托代投');
    has('投票结束时间');
    expect(text).toContain('提前结束'); // closed by the organizer before the scheduled time
    expect(text).not.toContain(HOLDER); // a proxy holder's name is not posted
    expect(text).not.toContain('打印/存为PDF'); // no buttons on paper
  }, 120_000);

  it('prints one paper ballot per household on its own A4 page, with room and ballot number', async () => {
    const page = await openPage({ width: 1280, height: 800 }, { language: 'zh-CN' });
    await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer/motions/${motionId}/ballots`);
    await poll(() => page.locator('linli-ballot-form').count()).toBe(ROOMS.length);
    const { text, pages } = pdfText(await page.pdf({ format: 'A4' }), 'ballots');
    expect(pages).toBe(ROOMS.length);
    const roll = (await motions()).find((m) => m.id === motionId)?.electorate ?? [];
    for (const voter of roll) expect(text).toContain(ballotNumber(motionId, voter.id));
    for (const room of ROOMS) expect(text).toContain(room);
    // The room filter prints only the rooms asked for, reached and typed with the keyboard alone.
    for (let presses = 0; presses < 30 && !(await focusedId(page)).includes('rooms'); presses++)
      await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('rooms');
    await page.keyboard.type('301 302');
    await poll(() => page.locator('linli-ballot-form').count()).toBe(2);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('BUTTON'); // the print button comes next
  }, 60_000);

  it('passes axe, keeps targets ≥ 44 px and text ≥ 16 px on the notice screen: 360×740 and 1280×800 × zh-CN/en × light/dark/large text', async () => {
    const viewports = [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ] as const;
    const looks = [{ theme: 'light' }, { theme: 'dark' }, { theme: 'light', largeText: true }] as const;
    for (const viewport of viewports)
      for (const language of ['zh-CN', 'en'] as const) {
        // One context per size and language; the look changes in place, as the page's settings do.
        const page = await openPage(viewport, { language });
        for (const look of looks) {
          // The first look is the context's own (set before the first page); later ones are set here.
          if (page.url() !== 'about:blank')
            await page.evaluate(
              (prefs) => localStorage.setItem('linli-prefs', prefs),
              JSON.stringify({ language, largeText: false, ...look }),
            );
          await page.goto(`${t.server.base}/c/${COMMUNITY}/organizer/motions/${motionId}/notice`);
          await poll(() => page.locator('[part=outcome]').count()).toBe(1);
          const name = `notice-${viewport.width}-${language}-${look.theme}${'largeText' in look ? '-large' : ''}`;
          expect(await axeViolations(page), name).toEqual([]);
          expect(await layoutProblems(page), name).toEqual([]);
          if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
        }
        await page.context().close();
      }
  }, 60_000);

  it('shows the result on the public page the QR code opens, without signing in', async () => {
    const context = await t.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${t.server.base}/c/${COMMUNITY}/motions/${motionId}/result`);
    await poll(() => page.locator('[part=outcome]').textContent()).toMatch(/通过|未通过/);
    // A resident's phone loads the notice's own small module, never the organizer's console.
    expect(scripts).toEqual(['/app/app.js', '/app/result.js']);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'result-public-phone-zh.png'), fullPage: true });
    await context.close();
  }, 30_000);
});
