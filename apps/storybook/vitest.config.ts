import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { browserDeps, chromiumBrowser } from '../../scripts/browser.ts';

export default defineConfig({
  optimizeDeps: { include: browserDeps },
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
  test: {
    name: 'stories (chromium)',
    browser: chromiumBrowser,
  },
});
