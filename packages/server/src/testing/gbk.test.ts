import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gbk } from './gbk.js';

describe('gbk', () => {
  it('writes the bytes Chinese Excel wrote for the core fixture', () => {
    const saved = readFileSync(
      new URL('../../../core/src/register/fixtures/register-gbk.csv', import.meta.url),
    );
    const text = new TextDecoder('gb18030').decode(saved);
    expect(Buffer.from(gbk(text)).equals(saved)).toBe(true);
  });

  it('refuses a character GBK has no two-byte code for', () => {
    expect(() => gbk('😀')).toThrow(/no GBK code/);
  });
});
