/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (Evaluated in Chromium on the page's DOM; `tsconfig.build.json` leaves this file out, so server code still cannot use the DOM.)
import type { Page } from 'playwright';

/** What a phone user must never meet: sideways scrolling, text under 16 px, targets under 44 × 44 px. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px`);
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    for (const el of all) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const tag = el.tagName.toLowerCase();
      const hidden = el.closest('.visually-hidden, .skip');
      const isTarget =
        ['a', 'button', 'select'].includes(tag) ||
        (tag === 'input' && !['radio', 'checkbox'].includes((el as HTMLInputElement).type)) ||
        (tag === 'label' && el.querySelector('input[type=radio], input[type=checkbox]'));
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
