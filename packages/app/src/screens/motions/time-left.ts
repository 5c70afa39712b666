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
  if (ms >= DAY) return t(locale, 'days', { n: String(Math.floor(ms / DAY)) });
  if (ms >= HOUR) return t(locale, 'hours', { n: String(Math.floor(ms / HOUR)) });
  return t(locale, 'minutes', { n: String(Math.max(1, Math.floor(ms / MINUTE))) });
}

/** An instant as the reader's clock shows it, in the page's language. */
export function localTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
