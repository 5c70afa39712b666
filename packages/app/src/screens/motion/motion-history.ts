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
 * How the page names what the log names by id: a unit by its room, an amendment by its number, an
 * organizer by name. Whatever is missing is shown by its id.
 */
export interface HistoryNames {
  readonly room?: (unitId: string) => string;
  readonly amendment?: (amendmentId: string) => string;
  readonly people?: readonly OrganizerPerson[];
}

type Me = { readonly id: string; readonly name: string } | undefined;

/**
 * Who an actor is, in plain words: the signed-in organizer is "you", a close that fell due is the
 * system's, a household (`household:<unit>`) is its room, any other organizer is named by name from
 * `names.people` (the community's organizers), or by the id its actor (`<office>/<id>`) ends with when
 * the server does not know them.
 */
export function actorName(actor: string, locale: Locale, me: Me, names: HistoryNames = {}): string {
  if (actor === 'scheduler') return t(locale, 'scheduler');
  if (actor.startsWith('household:')) {
    const unit = actor.slice('household:'.length);
    return t(locale, 'room', { room: names.room?.(unit) ?? unit });
  }
  const id = organizerIdOf(actor);
  return me && id === me.id
    ? t(locale, 'you', { name: me.name })
    : t(locale, 'organizer', { id: nameOf(actor, names.people ?? []) ?? id });
}

/** Who did a history entry ({@link actorName}) and what it did, in plain words. */
export function describeHistory(
  entry: MotionHistoryEntry,
  locale: Locale,
  me: Me,
  names: HistoryNames = {},
): { who: string; what: string } {
  return { who: actorName(entry.actor, locale, me, names), what: action(entry, locale, names) };
}

function action(entry: MotionHistoryEntry, l: Locale, names: HistoryNames): string {
  switch (entry.action) {
    case 'drafted':
      return t(l, 'hDrafted', { title: entry.title });
    case 'revised':
      return t(l, 'hRevised');
    case 'amendmentProposed':
      return t(l, 'hAmendmentProposed', { id: names.amendment?.(entry.amendmentId) ?? entry.amendmentId });
    case 'amendmentAccepted':
      return t(l, 'hAmendmentAccepted', { id: names.amendment?.(entry.amendmentId) ?? entry.amendmentId });
    case 'amendmentRejected':
      return t(l, 'hAmendmentRejected', {
        id: names.amendment?.(entry.amendmentId) ?? entry.amendmentId,
        reason: entry.reason ? (l === 'zh-CN' ? `：${entry.reason}` : `: ${entry.reason}`) : '',
      });
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
