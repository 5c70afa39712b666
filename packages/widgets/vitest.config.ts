import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../../scripts/browser.ts';

export default defineConfig({
  test: {
    name: 'widgets (chromium)',
    include: ['src/**/*.test.ts'],
    browser: chromiumBrowser,
  },
});
