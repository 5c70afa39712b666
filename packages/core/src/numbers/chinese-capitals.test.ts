import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinliException } from '../errors/linli-error.js';
import { amountInChineseCapitals } from './chinese-capitals.js';

/** The examples of the PBoC rules for filling in bills (《支付结算办法》附件一) and a few edges. */
const KNOWN: readonly (readonly [number, string])[] = [
  [120050, '壹仟贰佰元零伍角'],
  [140950, '壹仟肆佰零玖元伍角'],
  [168032, '壹仟陆佰捌拾元零叁角贰分'],
  [10700053, '壹拾万柒仟元零伍角叁分'],
  [1640902, '壹万陆仟肆佰零玖元零贰分'],
  [32504, '叁佰贰拾伍元零肆分'],
  [0, '零元整'],
  [1, '壹分'],
  [50, '伍角'],
  [55, '伍角伍分'],
  [100, '壹元整'],
  [1000, '壹拾元整'],
  [1500, '壹拾伍元整'],
  [1050, '壹拾元零伍角'],
  [10005, '壹佰元零伍分'],
  [10070000, '壹拾万零柒佰元整'],
  [100000000, '壹佰万元整'],
  [1000001000, '壹仟万零壹拾元整'],
  [10000005000, '壹亿零伍拾元整'],
  [107000000, '壹佰零柒万元整'],
  [1_000_000_000_000, '壹佰亿元整'],
  [-120050, '负壹仟贰佰元零伍角'],
];

const DIGIT = '零壹贰叁肆伍陆柒捌玖';
const PLACE: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** An independent reader: sums digit × place inside each 万/亿 section, the way a cashier reads it back. */
function readBack(text: string): number {
  const negative = text.startsWith('负');
  const body = negative ? text.slice(1) : text;
  const [whole = '', rest = ''] = body.includes('元') ? body.split('元') : ['', body];
  const section = (s: string): bigint => {
    let total = 0n;
    let pending = 0n;
    for (const ch of s) {
      const d = DIGIT.indexOf(ch);
      if (d >= 0) pending = BigInt(d);
      else if (PLACE[ch] !== undefined) {
        total += pending * PLACE[ch];
        pending = 0n;
      }
    }
    return total + pending;
  };
  let yuan = 0n;
  let left = whole;
  for (const [mark, factor] of [
    ['亿', 100_000_000n],
    ['万', 10_000n],
  ] as const) {
    const at = left.indexOf(mark);
    if (at >= 0) {
      yuan += section(left.slice(0, at)) * factor;
      left = left.slice(at + 1);
    }
  }
  yuan += section(left);
  const jiao = /(.)角/.exec(rest)?.[1];
  const fen = /(.)分/.exec(rest)?.[1];
  const cents = (jiao ? DIGIT.indexOf(jiao) * 10 : 0) + (fen ? DIGIT.indexOf(fen) : 0);
  const value = Number(yuan) * 100 + cents;
  return negative ? -value : value;
}

describe('amountInChineseCapitals (人民币大写)', () => {
  it.each(KNOWN)('%i fen → %s', (fen, text) => {
    expect(amountInChineseCapitals(fen)).toBe(text);
  });

  const amounts = fc.oneof(
    fc.integer({ min: 0, max: 1_000_000_000_000 }),
    fc.integer({ min: 0, max: 100_000 }),
    // Amounts full of zeros, where the 零 rules bite.
    fc
      .array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 13 })
      .map((ds) => Number(ds.join(''))),
  );

  it('reads back to the same amount, for every amount up to ¥10 billion', () => {
    fc.assert(fc.property(amounts, (fen) => readBack(amountInChineseCapitals(fen)) === fen));
  });

  it('follows the form rules: 整 exactly for whole yuan, no doubled or trailing 零, no 零 before a unit', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        const text = amountInChineseCapitals(fen);
        expect(text).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(text.endsWith('整')).toBe(fen % 100 === 0);
        expect(text.endsWith('分')).toBe(fen % 10 !== 0);
        if (fen !== 0) expect(text).not.toMatch(/零零|零[元万亿角分整拾佰仟]|^零/);
        // 拾 always carries its digit, so no digit can be slipped in front of it.
        expect(text).not.toMatch(/(^|[万亿零])拾/);
      }),
    );
  });

  it('never gives two amounts the same words', () => {
    fc.assert(
      fc.property(
        amounts,
        amounts,
        (a, b) => a === b || amountInChineseCapitals(a) !== amountInChineseCapitals(b),
      ),
    );
  });

  it('refuses what is not a whole number of fen with the typed error', () => {
    expect(() => amountInChineseCapitals(1.5)).toThrow(LinliException);
    expect(() => amountInChineseCapitals(2 ** 53)).toThrow(LinliException);
  });
});
