// Browser tests need a real Chromium and the server's tests a PostgreSQL installation; fail in one
// clear line each instead of a stack trace deep inside a test run.
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

let missing = false;

const chromium = process.env.LINLI_CHROMIUM || '/usr/bin/chromium';
try {
  accessSync(chromium, constants.X_OK);
} catch {
  console.error(
    `Linli: no Chromium at ${chromium}. Install one with "apt-get install -y chromium" or set LINLI_CHROMIUM to its path.`,
  );
  missing = true;
}

const pgRoot = '/usr/lib/postgresql';
const pgBin =
  process.env.LINLI_PG_BIN ||
  (existsSync(pgRoot)
    ? readdirSync(pgRoot)
        .map((v) => join(pgRoot, v, 'bin'))
        .find((d) => existsSync(join(d, 'initdb')))
    : undefined);
if (!pgBin || !existsSync(join(pgBin, 'initdb'))) {
  console.error(
    'Linli: no PostgreSQL (initdb) found. Install it with "apt-get install -y postgresql" or set LINLI_PG_BIN to its bin directory.',
  );
  missing = true;
}

if (missing) process.exit(1);
