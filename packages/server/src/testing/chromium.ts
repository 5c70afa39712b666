import { type Browser, chromium } from 'playwright';

/**
 * The Chromium every page test drives: `LINLI_CHROMIUM`, else Debian's `/usr/bin/chromium` (never a
 * browser Playwright downloads), headless, without the background traffic a test has no use for.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LINLI_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
