/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions this test evaluates in Chromium use the page's DOM; the build excludes tests.)
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe.js';
import { useConsoleCommunity } from '../testing/console-community.js';
import { type ConsoleLook, focusedId, signedInPage, tabTo, textOf } from '../testing/console-page.js';
import { layoutProblems } from '../testing/layout.js';

// The residents' app's sign-in screen, whose household form is the widgets' <linli-sign-in> (issue #19):
// one element for the app and for community websites.

/** Screenshots to look at (not compared): `LINLI_SCREENSHOTS`, else a temporary folder. */
const SHOTS = process.env.LINLI_SCREENSHOTS ?? join(tmpdir(), 'linli-sign-in-shots');
const COMMUNITY = 'lane8';
const SIGN_IN = `/c/${COMMUNITY}/sign-in`;
const REGISTER = '楼号,单元,室号,面积,产权人\n8,1,101,75.32,业主101\n8,1,102,88.68,业主102\n';
const t = useConsoleCommunity({
  id: COMMUNITY,
  name: '长乐里',
  register: REGISTER,
  organizers: ['赵阿姨'],
  shots: SHOTS,
});
const poll = expect.poll;

/** A printed invite code for `room`, as the organizer's notice carries it. */
async function inviteCode(room: string): Promise<string> {
  const { invites } = await t.api<{ invites: { code: string }[] }>('/invites', {
    units: [t.units.get(room)],
  });
  return invites[0]?.code ?? '';
}

const field = (page: Page) => page.locator('linli-sign-in input[name=code]');

describe("the app's sign-in screen: the household's form is <linli-sign-in>", () => {
  const sizes = [
    ['phone', { width: 360, height: 740 }],
    ['desktop', { width: 1280, height: 800 }],
  ] as const;
  const themes = [
    ['light', { theme: 'light' }],
    ['dark', { theme: 'dark' }],
    ['large', { theme: 'light', largeText: true }],
  ] as const;
  for (const [size, viewport] of sizes)
    for (const language of ['zh-CN', 'en'] as const)
      for (const [themeName, theme] of themes)
        it(`follows the shell's ${language} ${themeName} page on a ${size}, its refusal inline, axe clean`, async () => {
          const look: ConsoleLook = { viewport, language, ...theme };
          const { page, errors } = await signedInPage(t.browser, COMMUNITY, undefined, look);
          await page.goto(`${t.server.base}${SIGN_IN}`);
          await poll(() => field(page).count()).toBe(1);
          const label = await textOf(page, 'linli-sign-in label');
          expect(label).toBe(language === 'zh-CN' ? '入户邀请码' : 'Invite code');
          // The shell's colours reach inside the element: its field is the theme's surface.
          const surface = await field(page).evaluate((el) => getComputedStyle(el).backgroundColor);
          expect(surface).toBe(themeName === 'dark' ? 'rgb(22, 27, 34)' : 'rgb(246, 248, 250)');
          const size16 = Number.parseFloat(await field(page).evaluate((el) => getComputedStyle(el).fontSize));
          expect(size16).toBe(themeName === 'large' ? 20 : 16);
          // Sent empty: told inline, in the page's language, focus back in the field.
          await page.locator('linli-sign-in [part~=submit]').click();
          await poll(() => page.locator('linli-sign-in [part~=error]').count()).toBe(1);
          expect(await textOf(page, 'linli-sign-in [part~=error]')).toBe(
            language === 'zh-CN' ? '请填写入户邀请码。' : 'Please enter your invite code.',
          );
          await poll(() => focusedId(page)).toBe('code');
          expect(await axeViolations(page)).toEqual([]);
          expect(await layoutProblems(page)).toEqual([]);
          await page.screenshot({
            path: join(SHOTS, `sign-in-${size}-${language}-${themeName}.png`),
            fullPage: true,
          });
          expect(errors).toEqual([]);
          await page.context().close();
        }, 30_000);

  it("refuses a wrong code in the server's words, then signs in by keyboard alone and goes home", async () => {
    const { page, errors } = await signedInPage(t.browser, COMMUNITY, undefined, {
      viewport: { width: 390, height: 844 },
      language: 'en',
      theme: 'dark',
    });
    await page.goto(`${t.server.base}${SIGN_IN}`);
    await poll(() => field(page).count()).toBe(1);
    await tabTo(page, 'code');
    await page.keyboard.type('ZZZZZ-ZZZZZ');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('linli-sign-in [part~=error]').count()).toBe(1);
    expect(await textOf(page, 'linli-sign-in [part~=error]')).not.toBe('');
    expect(await textOf(page, 'linli-sign-in [part~=error]')).not.toMatch(/[\u4e00-\u9fff]/);
    await poll(() => focusedId(page)).toBe('code');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'sign-in-refused-en-dark.png'), fullPage: true });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(await inviteCode('102'));
    await page.keyboard.press('Enter');
    // The shell learns who from the server, and the household is at its home, named by its room.
    await poll(() => page.url()).toBe(`${t.server.base}/c/${COMMUNITY}/home`);
    await poll(() => textOf(page, 'linli-app header .who')).toContain('Room 102');
    // The session is the widgets' one: kept under their key, with its household.
    const kept = await page.evaluate((key) => localStorage.getItem(key), `linli-session:/c/${COMMUNITY}`);
    expect(JSON.parse(kept ?? '{}').household).toBe(t.units.get('102'));
    // Signing out in the app (its devices screen, no page load) leaves no element holding the session:
    // the form is back, not "signed in" — though the element that signed in is another build's copy.
    await page.getByRole('link', { name: 'My devices / sign out' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out anyway' }).click();
    await poll(() => page.url()).toBe(`${t.server.base}${SIGN_IN}`);
    await poll(() => field(page).count()).toBe(1);
    expect(await page.locator('linli-sign-in [part~=signed-in]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
