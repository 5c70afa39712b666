// Browser tests need a real Chromium; fail in one clear line instead of a Playwright stack trace.
import { accessSync, constants } from 'node:fs';

const path = process.env.LINLI_CHROMIUM || '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `Linli: no Chromium at ${path}. Install one with "apt-get install -y chromium" or set LINLI_CHROMIUM to its path.`,
  );
  process.exit(1);
}
