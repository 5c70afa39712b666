import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { launchChromium } from '../testing/chromium.js';
import { gbk } from '../testing/gbk.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
/** Set to a folder to keep a screenshot of every step (for a person to look at). */
const SHOTS = process.env.LINLI_SCREENSHOTS;

/**
 * What Excel on a Chinese Windows saves: GBK, title rows, full-width digits, `0101`, `㎡` and `平方米`,
 * co-owners split by `、` `/` `;`, an unsold unit, trailing blank rows — a room column headed 户号,
 * which Linli does not know, and one area that is no number (row 8).
 */
const MESSY = `新福康里9号楼房屋清册,,,,,,
（2026年11月 居委会整理）,,,,,,
楼号,单元,户号,建筑面积(㎡),产权人,共有人,联系电话
９,１,０１０１,75.32㎡,张伟,李娜、王芳,138 0013 8000
9,1,102,88.68平方米,赵敏,,
9,1,0201,７５．３２,钱进/孙丽,,
9,1,202,88.68,开发商,,
9,1,301,75.3.2,周杰;吴昊,,
,,,,,,
`;
const CORRECTED = MESSY.replace('75.3.2', '75.32');

function cli(data: string, args: readonly string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', LINLI_CHECKPOINT_FILE: '', LINLI_DATA: data },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`linli-server ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** A new community with one organizer, made with the CLI as an operator would; its organizer token. */
function community(data: string, id: string): string {
  cli(data, ['community', 'create', id, '--name', `幸福里${id}`]);
  const printed = cli(data, ['organizer', 'add', id, '王阿姨']);
  const token = /token\s+(\S+)/.exec(printed)?.[1];
  if (!token) throw new Error(`no token in: ${printed}`);
  return token;
}

let dir: string;
let server: RunningServer;
let browser: Browser;
const tokens: Record<string, string> = {};
const CASES = [
  { name: 'phone-zh', width: 390, height: 844, lang: 'zh-CN' },
  { name: 'phone-en', width: 390, height: 844, lang: 'en' },
  { name: 'desktop-zh', width: 1280, height: 800, lang: 'zh-CN' },
  { name: 'desktop-en', width: 1280, height: 800, lang: 'en' },
] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-register-screen-'));
  const data = join(dir, 'data');
  for (const id of [...CASES.map((c) => c.name), 'themes']) tokens[id] = community(data, id);
  server = await startServer(data, {}, ['serve']);
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const violations = axeViolations;

/** Waits (on a loaded machine, too) for what the page shows next. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/** The id (or tag) of what has focus, inside the screen's shadow root. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    type Doc = { activeElement: { shadowRoot: Doc | null; id: string; tagName: string } | null };
    let active = (globalThis as unknown as { document: Doc }).document.activeElement;
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

/**
 * Opens the file chooser from the focused file input with the keyboard, and picks `text` as a GBK CSV.
 * Under load Chromium now and then drops the first key press's chooser, so the key is pressed again.
 */
async function chooseWithKeyboard(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, 'file');
  for (let attempt = 1; ; attempt++) {
    const opened = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Space');
    const chooser = await opened.catch((e: unknown) => {
      if (attempt === 3) throw e;
      return undefined;
    });
    if (chooser) return chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(gbk(text)) });
  }
}

/** 户号 (the third column) is the room: chosen in its select with the arrow keys, then previewed again. */
async function mapRoomColumn(page: Page): Promise<void> {
  await tabTo(page, 'map-2');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // ignore → building → stairwell → room
  expect(await page.locator('#map-2').inputValue()).toBe('room');
  await tabTo(page, 'preview-again');
  await page.keyboard.press('Enter');
}

/** The display choices the shell keeps (`linli-prefs`), set before the page loads. */
interface Shown {
  readonly language: 'zh-CN' | 'en';
  readonly theme?: 'light' | 'dark';
  readonly largeText?: boolean;
}

/**
 * Opens the register screen in the page shell as an organizer would: the deep link, the shell's
 * sign-in form standing in front of it, the token typed in with the keyboard, then the screen.
 */
async function openRegister(page: Page, community: string, shown: Shown): Promise<string> {
  await page.addInitScript(
    (prefs) =>
      (
        globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
      ).localStorage.setItem('linli-prefs', prefs),
    JSON.stringify({ theme: 'system', largeText: false, ...shown }),
  );
  const screen = `${server.base}/c/${community}/organizer/register`;
  await page.goto(screen);
  await tabTo(page, 'organizer-input');
  await page.keyboard.type(tokens[community] ?? '');
  await page.keyboard.press('Enter');
  return screen;
}

async function step(page: Page, name: string): Promise<void> {
  expect(await violations(page), name).toEqual([]);
  // Nothing wider than the window: a phone never scrolls sideways.
  const overflow = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow, name).toBeLessThanOrEqual(0);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the register import in Chromium, keyboard only', () => {
  for (const view of CASES)
    it(`${view.name}: a messy GBK register, mapped, a problem shown, corrected, confirmed, exported`, async () => {
      const context = await browser.newContext({ viewport: { width: view.width, height: view.height } });
      const page = await context.newPage();
      const en = view.lang === 'en';
      const screen = await openRegister(page, view.name, { language: view.lang });
      await expect
        .poll(() => page.locator('h1').textContent())
        .toBe(en ? 'Import the housing register' : '导入房屋清册');
      expect(page.url()).toBe(screen); // signed in at the deep link, which stayed where it was
      await step(page, `${view.name}-1-choose`);

      await chooseWithKeyboard(page, '房屋清册.csv', MESSY);
      await poll(() => focused(page)).toBe('summary');
      expect(await page.locator('ol.problems li').textContent()).toContain(en ? 'No header row' : '表头');
      expect(await page.locator('details').evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(
        true,
      );
      await step(page, `${view.name}-2-no-header`);

      await mapRoomColumn(page);
      const where = en ? 'Row 8, column "建筑面积(m2)"' : '第 8 行，“建筑面积(m2)”列';
      const problems = async () =>
        (await page.locator('ol.problems li').allTextContents()).map((p) => p.replace(/\s+/g, ' '));
      await poll(async () => (await problems()).join('|')).toContain(where);
      expect(await problems()).toHaveLength(1);
      expect(await page.locator('#confirm').isDisabled()).toBe(true);
      await step(page, `${view.name}-3-problem`);

      // The corrected file keeps the mapping; nothing has been imported yet.
      const households = async () => {
        const response = await fetch(`${server.base}/c/${view.name}/households`, {
          headers: { authorization: `Bearer ${tokens[view.name]}` },
        });
        return ((await response.json()) as { households: { unitId: string }[] }).households.length;
      };
      expect(await households()).toBe(0);
      await chooseWithKeyboard(page, '房屋清册-改.csv', CORRECTED);
      await poll(() => page.locator('#confirm').isEnabled()).toBe(true);
      expect(await page.locator('ol.problems').count()).toBe(0);
      expect(await page.locator('tbody tr').count()).toBe(5);
      await step(page, `${view.name}-4-preview`);

      await tabTo(page, 'confirm');
      await page.keyboard.press('Enter');
      await poll(() => focused(page)).toBe('done');
      expect(await households()).toBe(5);
      await step(page, `${view.name}-5-done`);

      // The same file again: the preview says there is nothing to import, and offers no button.
      await tabTo(page, 'import-another');
      await page.keyboard.press('Enter');
      await poll(() => focused(page)).toBe('file');
      await chooseWithKeyboard(page, '房屋清册-改.csv', CORRECTED);
      await poll(() => focused(page)).toBe('summary');
      await mapRoomColumn(page); // a new import starts without the last one's mapping
      await expect
        .poll(() => page.locator('#up-to-date').textContent())
        .toBe(en ? 'Already up to date — nothing to import' : '已是最新，无需导入');
      expect(await page.locator('#confirm').count()).toBe(0);
      expect(await households()).toBe(5);

      await tabTo(page, 'export-xlsx');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe(`房屋清册-${view.name}.xlsx`);
      await context.close();
    }, 90_000);

  for (const theme of [
    { name: 'dark-phone-zh', colorScheme: 'dark', large: false, width: 390, height: 844, query: '' },
    {
      name: 'dark-desktop-en',
      colorScheme: 'dark',
      large: false,
      width: 1280,
      height: 800,
      query: 'lang=en',
    },
    { name: 'large-text-phone-zh', colorScheme: 'light', large: true, width: 390, height: 844, query: '' },
    {
      name: 'large-dark-phone-en',
      colorScheme: 'dark',
      large: true,
      width: 390,
      height: 844,
      query: 'lang=en',
    },
  ] as const)
    it(`${theme.name}: the problem and the preview read well (axe, no sideways scroll)`, async () => {
      const context = await browser.newContext({
        viewport: { width: theme.width, height: theme.height },
        colorScheme: theme.colorScheme,
      });
      const page = await context.newPage();
      await openRegister(page, 'themes', {
        language: theme.query === 'lang=en' ? 'en' : 'zh-CN',
        theme: theme.colorScheme,
        largeText: theme.large,
      });
      await chooseWithKeyboard(page, '房屋清册.csv', MESSY);
      await poll(() => focused(page)).toBe('summary');
      await mapRoomColumn(page);
      await poll(() => page.locator('tbody tr').count()).toBe(4);
      type Styles = { getComputedStyle(element: unknown): { fontSize: string } };
      const size = await page
        .locator('td')
        .first()
        .evaluate((td) => (globalThis as unknown as Styles).getComputedStyle(td).fontSize);
      expect(Number.parseFloat(size)).toBe(theme.large ? 20 : 16);
      await step(page, `${theme.name}-problem`);
      await context.close();
    }, 60_000);
});
