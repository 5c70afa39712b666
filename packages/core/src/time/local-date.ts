declare const localDateBrand: unique symbol;

/** A calendar date with no time or zone, `YYYY-MM-DD`, as used for moves and transfers. Compares as a string. */
export type LocalDate = string & { readonly [localDateBrand]: 'LocalDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date in `YYYY-MM-DD` form (2026-02-29 is not). */
export function isLocalDate(value: string): value is LocalDate {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** The default zone of every Linli date: China Standard Time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of `instant` in an IANA `timeZone` (default Asia/Shanghai). */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant) as LocalDate;
}
