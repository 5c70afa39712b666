import { formatMoney, type LocalDate, type Locale, type Money } from '@linli/core';

// How the household's home writes the figures the server computed: formatting only, no arithmetic on
// what anyone owes.

/** Fen as money for people (`¥1,234.50`). */
export const money = (fen: number, l: Locale): string => formatMoney(fen as Money, l);

/** Hundredths of m² as the register writes them (`75.32`). */
export const area = (hundredths: number): string =>
  `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;

/** A coefficient in hundredths as printed on the 公示 (`0.70`). */
export const coefficient = (hundredths: number): string => area(hundredths);

/** Basis points as a percentage (`40%`, `12.5%`). */
export const percent = (basisPoints: number): string =>
  `${Math.floor(basisPoints / 100)}${
    basisPoints % 100 === 0
      ? ''
      : `.${String(basisPoints % 100)
          .padStart(2, '0')
          .replace(/0$/, '')}`
  }%`;

const dates = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\n${JSON.stringify(options)}`;
  let f = dates.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dates.set(key, f);
  }
  return f;
}

/** A day as the reader's language writes it (`2026年12月31日`, `Dec 31, 2026`). */
export const day = (date: LocalDate, l: Locale): string =>
  format(l, { dateStyle: 'medium' }).format(new Date(`${date}T00:00:00Z`));

/** A day with its weekday, for turns (`2026年12月7日星期一`, `Monday, December 7, 2026`). */
export const weekday = (date: LocalDate, l: Locale): string =>
  format(l, { dateStyle: 'full' }).format(new Date(`${date}T00:00:00Z`));

/** A month `YYYY-MM` as words (`2026年11月`, `November 2026`). */
export const month = (yearMonth: string, l: Locale): string =>
  format(l, { year: 'numeric', month: 'long' }).format(new Date(`${yearMonth}-01T00:00:00Z`));
