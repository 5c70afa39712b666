import type { Locale, Motion } from '@linli/core';
import { t } from './motion.strings.js';
import { formatTime } from './motion-history.js';

/**
 * The motion page's line about when voting ends: the scheduled time while it can still change, the
 * logged close instant once closed — with the scheduled time beside it when the organizer closed early.
 */
export function closingLine(m: Pick<Motion, 'closesAt' | 'closedAt' | 'closedEarly'>, l: Locale): string {
  if (m.closedAt === undefined) return t(l, 'closesAt', { time: formatTime(m.closesAt, l) });
  const time = formatTime(m.closedAt, l);
  if (!m.closedEarly) return t(l, 'closedAt', { time });
  return t(l, 'closedEarlyAt', { time, scheduled: formatTime(m.closesAt, l) });
}
