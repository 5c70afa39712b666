// One browser block for every vitest project that runs in Chromium (widgets and stories).
import { playwright } from '@vitest/browser-playwright';

/** Path of the Chromium binary used by browser tests: `LINLI_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath: string = process.env.LINLI_CHROMIUM || '/usr/bin/chromium';

/** The `test.browser` block shared by all browser-mode vitest configs. */
export const chromiumBrowser = {
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
};

/**
 * Dependencies reached through the linked workspace packages, resolvable from every package (a name
 * only one package can resolve, such as Storybook's `storybook/test`, belongs in that package's config:
 * Vite warns in every other browser run that it cannot resolve it). Vite only discovers these mid-run and
 * then reloads the page, which vitest reports as a failed test file; naming them up front avoids it.
 */
export const browserDeps: string[] = [
  '@noble/hashes/sha2.js',
  '@noble/hashes/utils.js',
  '@preact/signals-core',
  'zod/mini',
  'lit',
  'lit/directive.js',
  'lit/directives/class-map.js',
  'lit/directives/style-map.js',
  'chinese-days',
  'fflate',
];
