import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it, vi } from 'vitest';

// README examples must run exactly as printed, against the built package.
function firstTsBlock(readmePath: string, heading: string): string {
  const text = readFileSync(fileURLToPath(new URL(readmePath, import.meta.url)), 'utf8');
  const section = text.slice(text.indexOf(heading));
  return /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
}

const written: string[] = [];
afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { force: true });
  vi.restoreAllMocks();
});

async function run(example: string): Promise<unknown[][]> {
  expect(example).toContain("from '@linli/core'");
  // A fresh file name per example: the module loader caches by path.
  const file = fileURLToPath(
    new URL(`./readme-example-${written.length}-${Date.now()}.generated.ts`, import.meta.url),
  );
  written.push(file);
  writeFileSync(file, `${example}\nexport {};\n`);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import(/* @vite-ignore */ file);
  return log.mock.calls;
}

it('runs the root README core example and prints what its comments say', async () => {
  expect(await run(firstTsBlock('../../../README.md', '## Using the core'))).toEqual([
    [1, '164.00 m²'],
    ['validation.not_integer', '必须是整数', '/', 'Must be an integer'],
  ]);
});

it('runs the package README reactive facade example', async () => {
  expect(await run(firstTsBlock('../README.md', '## Reactive facade'))).toEqual([[0, 0]]);
});

it('runs the package README voting example', async () => {
  expect(await run(firstTsBlock('../README.md', '## Voting'))).toEqual([
    ['pending', 'needs 1 more owner and 20.00 m² in favour; needs the consent of u101'],
    ['passed'],
  ]);
});

it('runs the package README presets for score and ranked votes example', async () => {
  expect(await run(firstTsBlock('../README.md', '**Score and ranked votes**'))).toEqual([
    [['civilCode278.participation', 'twoThirdsTurnout']],
  ]);
});

it('runs the package README secret ballots example', async () => {
  expect(await run(firstTsBlock('../README.md', '### Secret ballots: what secrecy promises'))).toEqual([
    [1],
    [2],
    ['withheld'],
  ]);
});

it('runs the package README funds example', async () => {
  expect(await run(firstTsBlock('../README.md', '## Funds'))).toEqual([
    ['u201 2250000 2250000 | u301 6750000 3750000'],
  ]);
});

it('runs the package README rotation and roles example', async () => {
  expect(await run(firstTsBlock('../README.md', '## Rotation and roles'))).toEqual([
    ['2026-02-09 u201 | 2026-02-16 春节 | 2026-02-23 春节 | 2026-03-02 u301'],
    [5],
  ]);
});

it('runs the package README housing register example and prints what it says', async () => {
  expect(await run(firstTsBlock('../README.md', '## Housing register'))).toEqual([
    [0, ['96号楼 1单元 301 7532', '96号楼 1单元 302 8868']],
    [2],
    [true],
    ['96号楼,1单元,301,3,75.32,登记,陈老师,陈师母、陈小明,,,'],
  ]);
});

it('runs the participatory budgeting on motions example', async () => {
  // ¥500 over 4 voters is ¥125 each. The lamp's 3 supporters pay ¥100 each; the bench's 2 then hold
  // ¥25 + ¥125 < ¥400, and the rack's one supporter ¥25 < ¥200. Add-one would need shares of ¥250 to
  // buy the bench too, and lamp + bench (¥700) is over the budget, so it keeps the lamp alone; greedy
  // then adds the rack (¥200 fits the ¥200 left). The lamp's ¥120.50 of spending leaves ¥179.50.
  const printed = await run(firstTsBlock('../README.md', '### Participatory budgeting on motions'));
  expect(printed).toEqual([
    [['lamp', 'rack'], 50_000],
    [
      [
        ['lamp', 'planned', 17_950],
        ['rack', 'planned', 20_000],
      ],
    ],
  ]);
});
