import type { LocalDate } from '../time/local-date.js';

// Rosters convert dates millions of times, so these use integer civil-calendar arithmetic (Howard
// Hinnant's days_from_civil / civil_from_days) instead of Date parsing and formatting.

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar arithmetic, no time zone involved). */
export function dayNumber(date: LocalDate | string): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(n: number): LocalDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as LocalDate;
}

/** Adds days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Weekday codes in RFC 5545 order from Monday. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** An RFC 5545 weekday code. */
export type Weekday = (typeof WEEKDAYS)[number];

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: LocalDate): number {
  return (dayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday
}

/** Number of days in a month (1-based). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of `timeZone` at an instant, in minutes east of UTC. */
export function offsetMinutes(timeZone: string, instant: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time `HH:MM` on `date` in `timeZone` (the earlier one if ambiguous). */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const wall = Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000;
  // Two passes settle the offset even next to a DST change.
  let guess = wall - offsetMinutes(timeZone, wall) * 60_000;
  guess = wall - offsetMinutes(timeZone, guess) * 60_000;
  return guess;
}
