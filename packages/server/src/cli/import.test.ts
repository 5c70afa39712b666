import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
/** The GB18030 register the core's parser is tested on: title rows, full-width digits, ㎡, co-owners. */
const GBK_REGISTER = fileURLToPath(
  new URL('../../../core/src/register/fixtures/register-gbk.csv', import.meta.url),
);

let dir: string;
let bin: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-import-'));
  bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'linli-server'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'linli-server'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, cwd: string) {
  return spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      DATABASE_URL: '',
      LINLI_DATA: '',
      LINLI_CHECKPOINT_FILE: '',
    },
    encoding: 'utf8',
  });
}

describe('linli-server import (the README block, as written)', () => {
  it('previews, imports all or nothing, and changes nothing the second time', () => {
    const cwd = join(dir, 'readme');
    mkdirSync(cwd);
    copyFileSync(GBK_REGISTER, join(cwd, '房屋清册.csv'));
    const text = readFileSync(README, 'utf8');
    const block = /```sh\n([\s\S]*?)```/.exec(
      text.slice(text.indexOf('### Importing the housing register')),
    )?.[1];
    if (!block) throw new Error('no sh block under "Importing the housing register"');
    const done = run(block, cwd);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    const [preview, applied, again] = done.stdout.split('Read ').slice(1);
    expect(preview).toMatch(/^6 households from 房屋清册\.csv \(header on row 3\)/);
    expect(preview).toContain('新增房屋 Units added: 6');
    expect(preview).toContain('Preview only');
    expect(applied).toMatch(/Imported: 23 changes, written together \(all or nothing\)\./);
    expect(again).toContain('Nothing to change');
    // Every imported household got a code: 96号楼 101 … 302.
    for (const room of ['101', '102', '201', '202', '301', '302'])
      expect(done.stdout).toMatch(
        new RegExp(`invite {2}[2-9A-Z]{5}-[2-9A-Z]{5} {2}\\S+ {2}96号楼 \\S+ ${room}\n`),
      );
  });

  it('lists every problem by row and column and imports nothing', () => {
    const cwd = join(dir, 'problems');
    mkdirSync(cwd);
    writeFileSync(
      join(cwd, 'bad.csv'),
      '\ufeff楼号,单元,室号,楼层,建筑面积,产权人\n96,1,101,1,75.32,张伟\n96,1,102,1,八十八,赵敏\n96,1,,2,75.32,钱进\n',
    );
    const done = run(
      'linli-server community create c1 --name 测试 >/dev/null && linli-server import c1 bad.csv --apply',
      cwd,
    );
    expect(done.status).toBe(1);
    expect(done.stdout).toMatch(/row 3, column 建筑面积: .+ \/ .+/);
    expect(done.stdout).toMatch(/row 4, column 室号: .+ \/ .+/);
    expect(done.stderr.trim()).toBe('linli: import: 2 problem(s) above; nothing was imported');
    const after = run('linli-server import c1 bad.csv', cwd);
    expect(after.stdout).not.toContain('Nothing to change');
  });

  it('answers a wrong argument with one line and exit code 2', () => {
    const cwd = join(dir, 'usage');
    mkdirSync(cwd);
    for (const args of [
      'import c1',
      'import c1 missing.csv',
      'import c1 x.csv --date 2026-13-01',
      'import c1 x.csv --role x',
    ]) {
      const done = run(
        `linli-server community create c1 --name 测试 >/dev/null 2>&1 || true; linli-server ${args}`,
        cwd,
      );
      expect(done.status, args).toBe(2);
      expect(done.stderr.trim().split('\n'), args).toHaveLength(1);
    }
  });
});
