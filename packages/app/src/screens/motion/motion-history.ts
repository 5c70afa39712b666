import type { Locale, MotionHistoryEntry } from '@linli/core';
import { nameOf, type OrganizerPerson, organizerIdOf } from '../../api/organizers.js';
import { t } from './motion.strings.js';

/** When, in the page's language and in China time, as the vote widget and the notice board show it. */
export const formatTime = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));

/**
 * Who did a history entry and what it did, in plain words: the signed-in organizer is "you", a close
 * that fell due is the system's, any other organizer is named by name from `people` (the community's
 * organizers), or by the id its actor (`<office>/<id>`) ends with when the server does not know them.
 */
export function describeHistory(
  entry: MotionHistoryEntry,
  locale: Locale,
  me: { readonly id: string; readonly name: string } | undefined,
  people: readonly OrganizerPerson[] = [],
): { who: string; what: string } {
  const id = organizerIdOf(entry.actor);
  const who =
    entry.actor === 'scheduler'
      ? t(locale, 'scheduler')
      : me && id === me.id
        ? t(locale, 'you', { name: me.name })
        : t(locale, 'organizer', { id: nameOf(entry.actor, people) ?? id });
  return { who, what: action(entry, locale) };
}

function action(entry: MotionHistoryEntry, l: Locale): string {
  switch (entry.action) {
    case 'drafted':
      return t(l, 'hDrafted', { title: entry.title });
    case 'revised':
      return t(l, 'hRevised');
    case 'amendmentProposed':
      return t(l, 'hAmendmentProposed', { id: entry.amendmentId });
    case 'amendmentAccepted':
      return t(l, 'hAmendmentAccepted', { id: entry.amendmentId });
    case 'opened':
      return t(l, 'hOpened', { voters: String(entry.voters) });
    case 'extended':
      return t(l, 'hExtended', {
        previous: formatTime(entry.previous, l),
        time: formatTime(entry.closesAt, l),
      });
    case 'closed':
      return (
        t(l, 'hClosed', { outcome: t(l, entry.outcome) }) +
        (entry.unconfirmedPapers ? t(l, 'hUnconfirmed', { n: String(entry.unconfirmedPapers) }) : '')
      );
    case 'cancelled':
      return t(l, 'hCancelled', {
        reason: entry.reason ? (l === 'zh-CN' ? `：${entry.reason}` : `: ${entry.reason}`) : '',
      });
    case 'proxyGranted':
      return t(l, 'hProxyGranted', { ref: entry.paperRef });
    case 'proxyRevoked':
      return t(l, 'hProxyRevoked');
  }
}
