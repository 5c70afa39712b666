import type { Locale } from '../i18n/locale.js';
import { hundredthsToDecimal, parseHundredths } from './hundredths.js';
import { assertSafeInteger, checkedInteger } from './integers.js';

declare const fenBrand: unique symbol;

/**
 * An amount of renminbi in integer fen (分, 1/100 yuan). Branded so that a plain number, an area or a
 * float cannot be passed where money is meant.
 */
export type Money = number & { readonly [fenBrand]: 'fen' };

/** Money from an integer number of fen. Throws `number.not_integer` / `number.unsafe` otherwise. */
export function fen(amount: number): Money {
  assertSafeInteger(amount, 'fen');
  return amount as Money;
}

/** Money from a yuan decimal string with at most two places, parsed exactly: `yuan("12.30")` is 1230 fen. */
export function yuan(amount: string): Money {
  return parseHundredths(amount) as Money;
}

/** Zero fen. */
export const ZERO_MONEY: Money = 0 as Money;

/** a + b, checked to stay a safe integer. */
export function addMoney(a: Money, b: Money): Money {
  return checkedInteger(a + b, 'fen') as Money;
}

/** a − b, checked to stay a safe integer. */
export function subtractMoney(a: Money, b: Money): Money {
  return checkedInteger(a - b, 'fen') as Money;
}

/** −a; refunds and income are negated costs. */
export function negateMoney(a: Money): Money {
  return (a === 0 ? 0 : -a) as Money;
}

/** a × k for an integer k (e.g. 12 monthly charges). Fractions of money go through `allocate`, never here. */
export function multiplyMoney(a: Money, k: number): Money {
  assertSafeInteger(k, 'multiplier');
  return checkedInteger(a * k, 'fen') as Money;
}

/** The sum of many amounts, checked at every step. */
export function sumMoney(amounts: Iterable<Money>): Money {
  let total = 0;
  for (const m of amounts) total = checkedInteger(total + m, 'fen');
  return total as Money;
}

/** The amount as a plain yuan decimal string with two places ("1234.50"), e.g. for CSV. */
export function moneyToDecimal(amount: Money): string {
  return hundredthsToDecimal(amount);
}

const moneyFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * Formats money for people: `¥1,234.50` in both zh-CN and en. The exact decimal string is handed to
 * Intl so no float rounding can creep in.
 */
export function formatMoney(amount: Money, locale: Locale): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    moneyFormats.set(locale, format);
  }
  // Intl accepts exact decimal strings (ECMA-402 NumberFormat v3); the cast bridges older lib typings.
  return format.format(hundredthsToDecimal(amount) as unknown as number);
}
