import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';

const require = createRequire(import.meta.url);

/**
 * axe-core on the page as it is now (it reaches into shadow roots): the WCAG 2.2 A/AA violations,
 * one line each with the elements they concern. axe is evaluated by the browser's debugger, not added
 * as a page script, so pages with a strict CSP (the shell's allows no injected script) are audited too.
 * `include` limits the audit to those selectors' elements.
 */
export async function axeViolations(page: Page, include?: readonly string[]): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (only) => {
    type Axe = {
      run: (
        context: unknown,
        o: unknown,
      ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
    };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    // `include`: only these elements (and their shadow roots), e.g. one widget on a page of several.
    const context = only
      ? { include: only.map((selector) => [selector]) }
      : (globalThis as unknown as { document: unknown }).document;
    const result = await axe.run(context, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    });
    return result.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, include);
}
