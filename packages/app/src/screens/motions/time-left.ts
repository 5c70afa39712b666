import type { Locale } from '@linli/core';
import { translator } from '../../shell/strings.js';
import { motionsStrings } from './motions.strings.js';

const t = translator(motionsStrings);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long until `closesAt`, in the largest whole unit (days, then hours, then minutes, at least 1),
 * or undefined once it has passed. Days are counted from the time left rounded to the nearest hour: a
 * deadline set a week out a minute ago (the wizard's times are whole minutes) reads "7 days", not "6",
 * and days never read more than half an hour over; hours and minutes are rounded down.
 */
export function timeLeft(closesAt: string, now: number, locale: Locale): string | undefined {
  const ms = Date.parse(closesAt) - now;
  if (!(ms > 0)) return undefined;
  const hours = Math.round(ms / HOUR);
  if (hours >= 24) return count(locale, Math.floor(hours / 24), 'day', 'days');
  if (ms >= HOUR) return count(locale, Math.floor(ms / HOUR), 'hour', 'hours');
  return count(locale, Math.max(1, Math.floor(ms / MINUTE)), 'minute', 'minutes');
}

const count = (
  locale: Locale,
  n: number,
  one: 'day' | 'hour' | 'minute',
  many: 'days' | 'hours' | 'minutes',
): string => (n === 1 ? t(locale, one) : t(locale, many, { n: String(n) }));

/** An instant as the reader's clock shows it, in the page's language. */
export function localTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
