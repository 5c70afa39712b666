import type { Browser, Page } from 'playwright';
import type { ConsoleLook } from './console-page.js';

/**
 * A household's phone signed in to `community` (its session kept in `localStorage`, as the sign-in
 * form keeps it), its display choices preset on the device, collecting console errors but the
 * refusals a test provokes (4xx answers).
 */
export async function householdPage(
  browser: Browser,
  community: string,
  session: { readonly token: string; readonly unitId: string },
  look: ConsoleLook,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: look.viewport, locale: look.language });
  await context.addInitScript(
    ([choices, key, saved]) => {
      localStorage.setItem('linli-prefs', choices);
      localStorage.setItem(key, saved);
    },
    [
      JSON.stringify({
        theme: look.theme ?? 'light',
        largeText: look.largeText ?? false,
        language: look.language,
      }),
      `linli-session:/c/${community}`,
      JSON.stringify({ token: session.token, household: session.unitId }),
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
