import type { Locale } from '../i18n/locale.js';
import { offsetMinutes } from './calendar.js';
import type { Duty } from './duty.js';
import type { RosterSlot } from './roster.js';

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

function local(instant: number, offset: number): string {
  return new Date(instant + offset * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function utc(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Options of {@link rosterToICal}. */
export interface ICalOptions {
  readonly locale: Locale;
  /** Only this member's slots (a personal feed). */
  readonly memberId?: string;
  /** How members are named in summaries, e.g. unit id → "302室". */
  readonly memberLabel?: (memberId: string, locale: Locale) => string;
  /** DTSTAMP; pass a fixed instant for reproducible output. */
  readonly stamp: Date;
}

/**
 * An iCalendar (RFC 5545) feed of a roster: one VEVENT per slot with people, a VTIMEZONE for the
 * duty's zone, and UIDs made of the duty id and the slot's date — stable across regenerations, so a
 * subscribed calendar updates events instead of duplicating them. Zones whose offset changes within
 * the feed are written in UTC instead, which every client reads the same.
 */
export function rosterToICal(duty: Duty, roster: readonly RosterSlot[], options: ICalOptions): string {
  const label = options.memberLabel ?? ((id: string) => id);
  const slots = roster.filter(
    (s) =>
      s.assignees.length > 0 && (options.memberId === undefined || s.assignees.includes(options.memberId)),
  );
  const offsets = new Set(slots.map((s) => offsetMinutes(duty.timeZone, Date.parse(s.start))));
  const fixedOffset =
    offsets.size <= 1 ? ([...offsets][0] ?? offsetMinutes(duty.timeZone, options.stamp.getTime())) : null;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Linli//Duty Rotation//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(duty.name)}`,
  ];
  if (fixedOffset !== null) {
    lines.push(
      'BEGIN:VTIMEZONE',
      `TZID:${duty.timeZone}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offsetText(fixedOffset)}`,
      `TZOFFSETTO:${offsetText(fixedOffset)}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    );
  }
  for (const s of slots) {
    const start = Date.parse(s.start);
    const end = Date.parse(s.end);
    const names = s.assignees.map((m) => label(m, options.locale));
    const summary =
      options.locale === 'zh-CN'
        ? `${duty.name}（${names.join('、')}）`
        : `${duty.name} (${names.join(', ')})`;
    const notes: string[] = [];
    if (s.movedFrom)
      notes.push(
        options.locale === 'zh-CN'
          ? `因节假日由 ${s.movedFrom} 顺延`
          : `Moved from ${s.movedFrom} (public holiday)`,
      );
    if (s.swap) notes.push(options.locale === 'zh-CN' ? '已换班' : 'Swapped turn');
    if (s.cover)
      notes.push(
        options.locale === 'zh-CN'
          ? `代班：${label(s.cover.servedBy, options.locale)} 替 ${label(s.cover.due, options.locale)}`
          : `Cover: ${label(s.cover.servedBy, options.locale)} for ${label(s.cover.due, options.locale)}`,
      );
    lines.push(
      'BEGIN:VEVENT',
      `UID:${duty.id}-${s.date.replaceAll('-', '')}@linli`,
      `DTSTAMP:${utc(options.stamp.getTime())}`,
      fixedOffset !== null
        ? `DTSTART;TZID=${duty.timeZone}:${local(start, fixedOffset)}`
        : `DTSTART:${utc(start)}`,
      fixedOffset !== null ? `DTEND;TZID=${duty.timeZone}:${local(end, fixedOffset)}` : `DTEND:${utc(end)}`,
      `SUMMARY:${text(summary)}`,
      ...(notes.length > 0 ? [`DESCRIPTION:${text(notes.join('\n'))}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
