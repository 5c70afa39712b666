import { defineConfig } from 'vitest/config';
import { browserDeps, chromiumBrowser } from '../../scripts/browser.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core (node)',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup.ts'],
          // 1,000-run property tests take seconds on a busy 2-core machine.
          testTimeout: 60_000,
        },
      },
      {
        // Browser-only code (IndexedDB, BroadcastChannel) is tested in real Chromium.
        optimizeDeps: { include: browserDeps },
        test: {
          name: 'core (chromium)',
          include: ['src/**/*.browser.test.ts'],
          setupFiles: ['test/setup.ts'],
          browser: chromiumBrowser,
        },
      },
    ],
  },
});
