import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { storeConformance } from '../../test/conformance.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore (a real file, WAL, durable commits)', () => {
  storeConformance(async () => {
    const file = join(dir, `log-${n++}.sqlite`);
    return async () => SqliteStore.open(file, 'xfkl');
  });
});
