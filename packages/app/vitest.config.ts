import { defineConfig } from 'vitest/config';
import { browserDeps, chromiumBrowser } from '../../scripts/browser.ts';

export default defineConfig({
  optimizeDeps: { include: browserDeps },
  test: {
    name: 'app (chromium)',
    include: ['src/**/*.test.ts'],
    browser: chromiumBrowser,
  },
});
