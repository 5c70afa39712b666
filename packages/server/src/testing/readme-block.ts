import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The first shell block under `heading` in the server README, as written. */
export function readmeBlock(heading: string): string {
  const text = readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`no sh block under ${heading}`);
  return block;
}

/** A folder holding a `linli-server` that runs the built CLI, to put first on PATH as an install would. */
export function installedCli(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'linli-server'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'linli-server'), 0o755);
  return bin;
}
