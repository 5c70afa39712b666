import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { browserDeps, chromiumBrowser } from '../../scripts/browser.ts';

/** Switches Chromium's `prefers-color-scheme` for the page under test (see `onDarkPage` in test/fixtures.ts). */
const colorScheme: BrowserCommand<['light' | 'dark']> = async (context, scheme) => {
  if (context.provider.name !== 'playwright') throw new Error('colorScheme needs the playwright provider');
  await (
    context as unknown as { page: { emulateMedia(o: { colorScheme: string }): Promise<void> } }
  ).page.emulateMedia({
    colorScheme: scheme,
  });
};

export default defineConfig({
  optimizeDeps: { include: browserDeps },
  test: {
    name: 'widgets (chromium)',
    include: ['src/**/*.test.ts'],
    browser: { ...chromiumBrowser, commands: { colorScheme } },
  },
});
