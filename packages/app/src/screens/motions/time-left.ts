import type { Locale } from '@linli/core';
import { translator } from '../../shell/strings.js';
import { motionsStrings } from './motions.strings.js';

const t = translator(motionsStrings);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long until `closesAt`, in the largest whole unit (days, then hours, then minutes, at least 1),
 * or undefined once it has passed. Rounded down: an organizer must never read more time than is left.
 */
export function timeLeft(closesAt: string, now: number, locale: Locale): string | undefined {
  const ms = Date.parse(closesAt) - now;
  if (!(ms > 0)) return undefined;
  if (ms >= DAY) return count(locale, Math.floor(ms / DAY), 'day', 'days');
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
