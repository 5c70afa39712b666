import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinliException } from '../errors/linli-error.js';
import {
  addMoney,
  fen,
  formatMoney,
  moneyToDecimal,
  multiplyMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
  yuan,
} from './money.js';

describe('Money', () => {
  it('parses yuan strings exactly, where floats would drift', () => {
    expect(yuan('0.29')).toBe(29); // 0.29 * 100 === 28.999999999999996 in floats
    expect(yuan('1234.5')).toBe(123450);
    expect(yuan('-0.07')).toBe(-7);
    expect(yuan('  12 ')).toBe(1200);
  });

  it('rejects malformed amounts with a typed error in both languages', () => {
    for (const bad of ['1.234', 'abc', '', '1e3', '¥12', '1,000.00']) {
      try {
        yuan(bad);
        expect.unreachable(`accepted ${bad}`);
      } catch (e) {
        expect(e).toBeInstanceOf(LinliException);
        const error = (e as LinliException).error;
        expect(error.code).toBe('number.bad_decimal');
        expect(error.message['zh-CN']).toContain('两位小数');
        expect(error.message.en).toContain('two decimal places');
      }
    }
  });

  it('refuses fractional and unsafe fen', () => {
    expect(() => fen(1.5)).toThrowError(/number.not_integer/);
    expect(() => fen(2 ** 53)).toThrowError(/number.unsafe/);
    expect(() => addMoney(fen(Number.MAX_SAFE_INTEGER), fen(1))).toThrowError(/number.unsafe/);
    expect(() => multiplyMoney(fen(3), 0.5)).toThrowError(/number.not_integer/);
  });

  it('does integer arithmetic', () => {
    expect(addMoney(fen(150), fen(-50))).toBe(100);
    expect(subtractMoney(fen(150), fen(200))).toBe(-50);
    expect(multiplyMoney(fen(12345), 12)).toBe(148140);
    expect(sumMoney([fen(1), fen(2), fen(3)])).toBe(6);
    expect(Object.is(negateMoney(fen(0)), 0)).toBe(true);
  });

  it('round-trips through its decimal form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(yuan(moneyToDecimal(fen(n)))).toBe(n);
      }),
    );
  });

  it('formats per locale without float rounding', () => {
    expect(formatMoney(fen(123456), 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(fen(123456), 'en')).toBe('¥1,234.56');
    expect(formatMoney(fen(-5), 'en')).toBe('-¥0.05');
    // 2^53 - 1 fen still prints every digit.
    expect(formatMoney(fen(Number.MAX_SAFE_INTEGER), 'zh-CN')).toBe('¥90,071,992,547,409.91');
  });
});
