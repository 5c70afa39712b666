import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

// The API report check that `npm test` runs, against a copy of the committed reports.
const packageFolder = fileURLToPath(new URL('..', import.meta.url));
const script = fileURLToPath(new URL('../../../scripts/api-report.mjs', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'linli-api-'));
cpSync(join(packageFolder, 'api'), copy, { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function check(): Promise<{ code: number; stderr: string }> {
  return promisify(execFile)(process.execPath, [script], {
    cwd: packageFolder,
    env: { ...process.env, LINLI_API_REPORTS: copy },
  }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

it('passes while the build matches the reports, and fails naming the entry point and `npm run api` when not', async () => {
  expect(await check()).toEqual({ code: 0, stderr: '' });
  const seedReport = join(copy, 'core-seed.api.md');
  writeFileSync(seedReport, readFileSync(seedReport, 'utf8').replace('seededGovernance', 'seededGovernment'));
  const failed = await check();
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain(
    'The public API of @linli/core (core-seed) differs from api/core-seed.api.md',
  );
  expect(failed.stderr).toContain('run `npm run api`');
}, 180_000);
