import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { browserDeps, chromiumBrowser } from '../../scripts/browser.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // Every story is a test in real Chromium, with accessibility violations as errors.
        // `storybook/test` resolves only here (the stories' play functions import it).
        optimizeDeps: { include: [...browserDeps, 'storybook/test'] },
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: { name: 'stories (chromium)', browser: chromiumBrowser },
      },
      {
        test: { name: 'storybook build (node)', include: ['test/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
