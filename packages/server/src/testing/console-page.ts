/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (Evaluated in Chromium on the page's DOM; `tsconfig.build.json` leaves this file out, so server code still cannot use the DOM.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));

/** Runs the built `linli-server` on the data folder `data` (no PostgreSQL, no checkpoint file); its output. */
export function cli(data: string, args: readonly string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', LINLI_CHECKPOINT_FILE: '', LINLI_DATA: data },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`linli-server ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** The id (or tag) of what has focus, through every shadow root. */
export const focusedId = (page: Page): Promise<string> =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.id || active.tagName.toLowerCase() : '';
  });

/** Presses Tab (only the keyboard) until the element with `id` has focus. */
export async function tabTo(page: Page, id: string, limit = 150): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The text of the deep element `selector` finds (Playwright's locators pierce shadow roots), spaces collapsed. */
export const textOf = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** How an organizer's page looks: its size, language and display choices. */
export interface ConsoleLook {
  readonly viewport: { width: number; height: number };
  readonly language: 'zh-CN' | 'en';
  readonly theme?: 'light' | 'dark';
  readonly largeText?: boolean;
}

/** Who a test page is signed in as: an organizer (its tab's token) or a household (its device's session). */
export type PageSession =
  | { readonly kind: 'organizer'; readonly token: string }
  | { readonly kind: 'household'; readonly token: string; readonly household: string };

/**
 * A page signed in to `community` with `token` (none: the sign-in form shows), its display choices
 * preset on the device, collecting console errors but the refusals a test provokes (4xx answers).
 */
export function consolePage(
  browser: Browser,
  community: string,
  token: string,
  look: ConsoleLook,
): Promise<{ page: Page; errors: string[] }> {
  return signedInPage(browser, community, token ? { kind: 'organizer', token } : undefined, look);
}

/**
 * A page of `community` signed in as `session` (an organizer's token kept in the tab, a household's
 * session on the device, as the sign-in form keeps them; none: nobody), its display choices preset,
 * collecting console errors but the refusals a test provokes (4xx answers).
 */
export async function signedInPage(
  browser: Browser,
  community: string,
  session: PageSession | undefined,
  look: ConsoleLook,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: look.viewport, locale: look.language });
  await context.addInitScript(
    ([choices, kind, key, saved]) => {
      localStorage.setItem('linli-prefs', choices);
      if (kind === 'organizer') sessionStorage.setItem(key, saved);
      if (kind === 'household') localStorage.setItem(key, saved);
    },
    [
      JSON.stringify({
        theme: look.theme ?? 'light',
        largeText: look.largeText ?? false,
        language: look.language,
      }),
      session?.kind ?? '',
      session?.kind === 'household' ? `linli-session:/c/${community}` : `linli-organizer:/c/${community}`,
      session === undefined
        ? ''
        : session.kind === 'household'
          ? JSON.stringify({ token: session.token, household: session.household })
          : session.token,
    ] as const,
  );
  return watchedPage(context);
}

/** A new page of `context` with its console errors collected, but the refusals a test provokes (4xx). */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (400|401|403|409|429)\b/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/**
 * A household's phone signed in to `community` with the session `token` of `unit` (kept on the
 * device, as the sign-in form keeps it), its display choices preset, collecting console errors but
 * the refusals a test provokes (4xx answers).
 */
export function householdPage(
  browser: Browser,
  community: string,
  session: { readonly token: string; readonly unit: string },
  look: ConsoleLook,
): Promise<{ page: Page; errors: string[] }> {
  return signedInPage(
    browser,
    community,
    { kind: 'household', token: session.token, household: session.unit },
    look,
  );
}
