// `npm test` step: fails, listing each offender, when a function in packages/*/src (tests aside) spans
// more than 120 lines. Long functions are split into named parts instead (see docs/architecture.md).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { longFunctions, MAX_FUNCTION_LINES } from './function-length.mjs';

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'packages/*/src/**.ts'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((file) => file && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'));

let failed = false;
for (const file of files) {
  for (const { name, line, lines } of longFunctions(readFileSync(file, 'utf8'), file)) {
    console.error(
      `${file}:${line} ${name} spans ${lines} lines (at most ${MAX_FUNCTION_LINES}); split it into named parts.`,
    );
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(`Function length: ${files.length} files, none over ${MAX_FUNCTION_LINES} lines.`);
