// Fails when a tracked text file still holds a merge's conflict markers (`npm test` runs this).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { conflictMarkers } from './conflict-markers.mjs';

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((f) => /\.(md|ts|mts|js|mjs|json|css|html|yml|yaml|sh)$/.test(f));
const bad = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed but deleted in the work tree
  }
  for (const line of conflictMarkers(text)) bad.push(`${file}:${line}`);
}
if (bad.length > 0) {
  console.error(`Unresolved merge conflict markers:\n${bad.join('\n')}`);
  process.exit(1);
}
console.log(`Conflict markers: ${files.length} files, none.`);
