import { LinliException } from '../errors/linli-error.js';
import type { Locale } from '../i18n/locale.js';
import { hundredthsToDecimal, parseHundredths } from './hundredths.js';
import { assertSafeInteger, checkedInteger } from './integers.js';
import { numberError } from './number-error.js';

declare const areaBrand: unique symbol;

/**
 * A floor area in integer hundredths of a square metre (0.01 m²), the precision of a Chinese property
 * certificate. Never negative.
 */
export type Area = number & { readonly [areaBrand]: 'centi-m2' };

function checkArea(value: number): Area {
  assertSafeInteger(value, 'area');
  if (value < 0) throw new LinliException(numberError('number.negative', [], { what: 'area' }));
  return value as Area;
}

/** Area from integer hundredths of m²: `centiSquareMetres(7532)` is 75.32 m². */
export function centiSquareMetres(value: number): Area {
  return checkArea(value);
}

/** Area from a decimal string of m² with at most two places, parsed exactly: `squareMetres("75.32")`. */
export function squareMetres(value: string): Area {
  return checkArea(parseHundredths(value));
}

/** Zero area. */
export const ZERO_AREA: Area = 0 as Area;

/** a + b. */
export function addArea(a: Area, b: Area): Area {
  return checkedInteger(a + b, 'area') as Area;
}

/** The total of many areas, checked at every step. */
export function sumArea(areas: Iterable<Area>): Area {
  let total = 0;
  for (const a of areas) total = checkedInteger(total + a, 'area');
  return total as Area;
}

/** The area as a plain decimal string of m² with two places ("75.32"). */
export function areaToDecimal(area: Area): string {
  return hundredthsToDecimal(area);
}

const areaFormats = new Map<Locale, Intl.NumberFormat>();

/** Formats an area for people: "1,800.00 m²" (the unit symbol is the same in both locales). */
export function formatArea(area: Area, locale: Locale): string {
  let format = areaFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    areaFormats.set(locale, format);
  }
  return `${format.format(hundredthsToDecimal(area) as unknown as number)} m²`;
}
