import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedCli } from '../testing/readme-block.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/housing-register.xlsx', import.meta.url));
let dir: string;
let bin: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-pipe-'));
  bin = installedCli(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('linli-server into a pipe that closes early', () => {
  it('stops quietly when `head` has read enough, with no stack trace', () => {
    const run = spawnSync(
      'bash',
      [
        '-eo',
        'pipefail',
        '-c',
        `linli-server community create lane9 --name 幸福里9号 >/dev/null
         linli-server import lane9 "${EXAMPLE}" --apply >/dev/null
         linli-server invites lane9 | head -1`,
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          LINLI_DATA: join(dir, 'data'),
          DATABASE_URL: '',
        },
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^invite\s/);
    expect(run.status).toBe(0);
  });
});
