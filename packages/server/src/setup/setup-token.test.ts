import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SetupToken } from './setup-token.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-setup-token-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SetupToken', () => {
  it('keeps only the hash, readable by the server’s user alone', () => {
    const setup = new SetupToken(join(dir, 'setup-token.json'));
    const token = setup.issue(new Date('2026-11-30T08:00:00Z'));
    const kept = readFileSync(setup.file, 'utf8');
    expect(kept).not.toContain(token);
    expect(JSON.parse(kept)).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      issuedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(statSync(setup.file).mode & 0o077).toBe(0);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(setup.matches(token)).toBe(true);
  });

  it('a new issue replaces the old token; consuming ends it; a damaged file opens nothing', () => {
    const setup = new SetupToken(join(dir, 'setup-token.json'));
    const first = setup.issue();
    const second = setup.issue();
    expect(setup.matches(first)).toBe(false);
    expect(setup.matches(second)).toBe(true);
    setup.consume();
    expect(setup.waiting).toBe(false);
    expect(setup.matches(second)).toBe(false);
    setup.consume(); // twice is fine
    expect(new SetupToken(join(dir, 'missing', 'x.json')).matches('')).toBe(false);
  });
});
