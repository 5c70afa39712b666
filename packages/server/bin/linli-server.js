#!/usr/bin/env node
// The `linli-server` command. A committed file rather than `dist/cli/start.js` itself, so that
// `npm ci` in a fresh clone links the command before anything is built; it then runs the build.
import { existsSync } from 'node:fs';

const start = new URL('../dist/cli/start.js', import.meta.url);
if (!existsSync(start)) {
  console.error('linli-server is not built yet: run `npm run build:server` in the repository first');
  process.exit(1);
}
await import(start.href);
