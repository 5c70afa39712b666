/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (Evaluated in Chromium on the page's DOM; `tsconfig.build.json` leaves this file out, so server code still cannot use the DOM.)
import type { Page } from 'playwright';

/** The id (or tag) of what has focus, through every shadow root. */
export const focusedId = (page: Page): Promise<string> =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.id || active.tagName.toLowerCase() : '';
  });

/** Presses Tab (only the keyboard) until the element with `id` has focus. */
export async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The text of the first deep element `selector` finds (Playwright's locators pierce shadow roots), spaces collapsed. */
export const deepText = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
