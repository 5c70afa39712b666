import { LinliException } from '../errors/linli-error.js';
import { checkedInteger } from './integers.js';
import { numberError } from './number-error.js';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a decimal string with at most two places ("1234.5", "-0.07") into integer hundredths
 * without passing through a float, so "0.29" is exactly 29.
 */
export function parseHundredths(text: string): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new LinliException(numberError('number.bad_decimal', [], { value: text }));
  const [, sign, whole = '0', frac = ''] = match;
  const magnitude = checkedInteger(Number(whole) * 100 + Number(frac.padEnd(2, '0')), text);
  return sign === '-' ? -magnitude : magnitude;
}

/** Renders integer hundredths as a plain decimal string with exactly two places: 123456 → "1234.56". */
export function hundredthsToDecimal(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.trunc(abs / 100);
  const frac = abs % 100;
  return `${sign}${whole}.${String(frac).padStart(2, '0')}`;
}
