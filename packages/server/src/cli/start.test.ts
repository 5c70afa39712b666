import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@linli/core';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../testing/chromium.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

const require = createRequire(import.meta.url);

/** What the page's globals look like from here (this package's types have no DOM). */
type Browserish = { localStorage: { getItem(key: string): string | null } };

let dir: string;
const running: RunningServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-start-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('seeds 新福康里 on first run, prints a token and codes, and keeps everything on restart', async () => {
    const data = join(dir, 'restart');
    const first = await startServer(data);
    running.push(first);
    expect(first.output).toContain('(created and seeded)');
    expect(first.organizer).toMatch(/^[\w-]{43}$/);
    expect(Object.keys(first.codes)).toEqual(['u102', 'u602', 'u501']);
    const page = await fetch(`${first.base}/`);
    expect(await page.text()).toContain('<linli-vote endpoint="/c/xfkl" motion="lift">');
    expect((await fetch(`${first.base}/cdn/linli.js`)).headers.get('content-type')).toContain('javascript');
    const seeded = await first.log();
    await first.stop();

    const second = await startServer(data);
    running.push(second);
    expect(second.output).toContain(`(${seeded.length} events kept from earlier runs)`);
    expect(await second.log()).toEqual(seeded);
  });

  it('restores a backed-up log into an empty data folder with the very same hashes, and only there', async () => {
    const first = await startServer(join(dir, 'backup-a'));
    running.push(first);
    const vote = await fetch(`${first.base}/c/xfkl/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.organizer}` },
      body: JSON.stringify({
        command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'yes', paperRef: 'P-102' },
      }),
    });
    expect(vote.status).toBe(200);
    const log = await first.log();
    const backup = join(dir, 'backup.json');
    const body = await fetch(`${first.base}/c/xfkl/events`, {
      headers: { authorization: `Bearer ${first.organizer}` },
    });
    writeFileSync(backup, await body.text()); // the events and the checkpoint this server signed
    const publicKey = /signing\s+([0-9a-f]{64})/.exec(first.output)?.[1] ?? '';

    // Another machine checks the backup against the first server's public key.
    const second = await startServer(join(dir, 'backup-b'), {
      LINLI_RESTORE: backup,
      LINLI_PUBLIC_KEY: publicKey,
    });
    running.push(second);
    expect(second.output).toContain(`Restored ${log.length} events`);
    expect(second.output).not.toContain('created and seeded');
    expect(await second.log()).toEqual(log);
    await second.stop();
    // The folder now holds a log: restoring over it is refused, and the server does not start.
    await expect(
      startServer(join(dir, 'backup-b'), { LINLI_RESTORE: backup, LINLI_PUBLIC_KEY: publicKey }),
    ).rejects.toThrow(/cannot restore/);
  });

  it('survives being killed during a burst of writes: no torn, lost or duplicated events', async () => {
    const data = join(dir, 'crash');
    const server = await startServer(data);
    running.push(server);
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i += 1) {
        const id = `crash-${w}-${i}`;
        const response = await fetch(`${server.base}/c/xfkl/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
          body: JSON.stringify({
            command: { type: 'owner.register', name: `业主${w}-${i}`, kind: 'person', id },
          }),
        }).catch(() => undefined);
        if (response?.ok) acknowledged.push(id);
        else return;
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(200);
    server.process.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);

    const again = await startServer(data);
    running.push(again);
    const log = await again.log();
    expect(verify(log)).toMatchObject({ ok: true });
    const registered = log
      .filter((e) => e.type === 'owner.registered')
      .map((e) => (e.payload as { ownerId?: string }).ownerId ?? '')
      .filter((id) => id.startsWith('crash-'));
    expect(new Set(registered).size).toBe(registered.length);
    for (const id of acknowledged) expect(registered).toContain(id);
  });
});

describe('the demo page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (base: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('linli-vote [part="tally"]').count()).toBe(1);
    return page;
  };
  /** axe-core on the page as it is now: no WCAG 2.2 A/AA violation. */
  const audit = async (page: Page) => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string }[] }> } }
      ).axe;
      const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  };

  const turnout = (page: Page) => page.locator('linli-vote [part="turnout"]').textContent();
  const signIn = async (page: Page, code: string, room: string) => {
    await page.getByLabel('入户邀请码').fill(code);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe(`已登录：${room}室`);
  };
  const vote = async (page: Page, choice: '同意' | '反对') => {
    await page.locator('linli-vote').getByRole('radio', { name: choice }).check();
    await page.locator('linli-vote').getByRole('button', { name: '投票' }).click();
  };

  it('two households vote from their own browsers and both see the tally move live; a third without a session is refused', async () => {
    const server = await startServer(join(dir, 'browser'));
    running.push(server);
    const ground = await open(server.base);
    const developer = await open(server.base);
    const stranger = await open(server.base);
    expect(await turnout(ground)).toBe('已投票 9 / 11');

    await signIn(ground, server.codes.u102 ?? '', '102');
    await vote(ground, '同意');
    await expect.poll(() => turnout(ground)).toBe('已投票 10 / 11');
    await expect.poll(() => turnout(developer)).toBe('已投票 10 / 11'); // no reload: the stream

    await signIn(developer, (server.codes.u602 ?? '').toLowerCase(), '602');
    await vote(developer, '反对');
    await expect.poll(() => turnout(ground)).toBe('已投票 11 / 11');

    const before = (await server.log()).length;
    await stranger.locator('linli-vote').evaluate((el) => el.setAttribute('voter', 'o302'));
    await vote(stranger, '反对');
    await expect
      .poll(() => stranger.locator('linli-vote [part="error"]').textContent())
      .toContain('请先登录');
    expect((await server.log()).length).toBe(before);
    await expect.poll(() => turnout(stranger)).toBe('已投票 11 / 11');
  });

  it('keeps a household signed in across a reload, and signing out ends the session on the server', async () => {
    const server = await startServer(join(dir, 'reload'));
    running.push(server);
    const page = await open(server.base);
    await signIn(page, server.codes.u602 ?? '', '602');
    const saved = await page.evaluate(() =>
      (globalThis as unknown as Browserish).localStorage.getItem('linli-session:/c/xfkl'),
    );
    const token = (JSON.parse(saved ?? '{}') as { token?: string }).token ?? '';
    // The code is spent; after a reload the saved session still votes.
    await page.reload();
    await expect.poll(() => page.locator('#status').textContent()).toBe('已登录：602室');
    await expect
      .poll(() => page.locator('linli-vote').evaluate((el) => (el as unknown as { voter: string }).voter))
      .toBe('developer');
    await vote(page, '反对');
    await expect.poll(() => turnout(page)).toBe('已投票 10 / 11');
    // Signing out ends it on the server too: the old token is refused, and the sign-in form is back.
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.getByLabel('入户邀请码').isVisible()).toBe(true);
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as Browserish).localStorage.getItem('linli-session:/c/xfkl'),
      ),
    ).toBeNull();
    const check = await fetch(`${server.base}/c/xfkl/session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(check.status).toBe(401);
  });

  it('lets an organizer print invite notices for chosen households, and each code signs one in', async () => {
    const server = await startServer(join(dir, 'organizer'));
    running.push(server);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.base}/organizer`);
    // A wrong token is refused in words, and nothing opens.
    await page.getByLabel('组织者令牌').fill('not-the-token');
    await page.getByRole('button', { name: '打开' }).click();
    await expect.poll(() => page.locator('#status').textContent()).not.toBe('');
    expect(await page.locator('#households').isVisible()).toBe(false);
    await page.getByLabel('组织者令牌').fill(server.organizer);
    await page.getByRole('button', { name: '打开' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^已打开：新福康里，\d+ 户$/);
    // Whose token this tab holds is on the page.
    await expect
      .poll(() => page.locator('#signed-in-as .zh').textContent())
      .toBe('已登录：居委会（演示） demo organizer（居委会干部）');
    await page.getByRole('group', { name: '96号楼' }).getByLabel('301室', { exact: true }).check();
    await page.getByRole('group', { name: '福泰大厦' }).getByLabel('101室', { exact: true }).check();
    await page.getByRole('button', { name: '生成邀请码' }).click();
    await expect.poll(() => page.locator('.notice').count()).toBe(2);
    expect(await page.locator('.notice h3').allTextContents()).toEqual([
      '新福康里 · 96号楼 1单元 301室',
      '新福康里 · 福泰大厦 A座 101室',
    ]);
    const codes = await page.locator('.notice .code').allTextContents();
    for (const code of codes) {
      const redeemed = await fetch(`${server.base}/c/xfkl/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(redeemed.status).toBe(200);
    }
    await audit(page);
  });

  it('is accessible (axe, WCAG 2.2 A/AA) in both languages, signed out and signed in', async () => {
    const server = await startServer(join(dir, 'axe'));
    running.push(server);
    const page = await open(server.base);
    await audit(page);
    await signIn(page, server.codes.u501 ?? '', '501');
    await audit(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Signed in: flat 501');
    await expect.poll(() => turnout(page)).toContain('have voted');
    await audit(page);
  });
});
