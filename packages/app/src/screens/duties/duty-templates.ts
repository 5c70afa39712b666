import type { Locale, RecurrenceRule, Scope, Weekday } from '@linli/core';
import { WEEKDAY_NAMES } from './duties.strings.js';

/** A ready-made duty: its name, when it recurs and how long a turn takes. */
export interface DutyTemplate {
  readonly key: 'elevator' | 'stairwell' | 'rubbish';
  /** RFC 5545 rule, as `duty.define` takes it. */
  readonly rrule: string;
  readonly time: string;
  readonly durationMinutes: number;
  /** Whether the 80+ exemption is ticked at first (work on one's feet, e.g. cleaning). */
  readonly exemptOld: boolean;
}

/** The templates the create form offers, the first chosen at first. */
export const DUTY_TEMPLATES: readonly DutyTemplate[] = [
  { key: 'elevator', rrule: 'FREQ=WEEKLY;BYDAY=MO', time: '08:00', durationMinutes: 60, exemptOld: true },
  { key: 'stairwell', rrule: 'FREQ=WEEKLY;BYDAY=SA', time: '09:00', durationMinutes: 60, exemptOld: true },
  { key: 'rubbish', rrule: 'FREQ=DAILY', time: '18:30', durationMinutes: 120, exemptOld: true },
];

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A rule's days in words: 每天, 每周一、四, every 2 weeks on Monday, monthly. */
function daysOf(rule: Pick<RecurrenceRule, 'freq' | 'interval' | 'byDay'>, l: Locale): string {
  const every = rule.interval > 1 ? String(rule.interval) : '';
  const zh = l === 'zh-CN';
  if (rule.freq === 'DAILY')
    return zh ? `每${every ? ` ${every} ` : ''}天` : every ? `Every ${every} days` : 'Every day';
  if (rule.freq === 'MONTHLY') return zh ? '每月' : 'Monthly';
  const names = (rule.byDay ?? [])
    .map((d) => WEEKDAY_NAMES[l][WEEKDAY_CODES.indexOf(d.weekday)] ?? d.weekday)
    .join(zh ? '、' : ', ');
  if (zh) return every ? `每 ${every} 周的周${names}` : `每周${names}`;
  return every ? `Every ${every} weeks on ${names}` : `Every ${names}`;
}

/** When a duty recurs, in words: "每周一 08:00，1 小时", "Every Mon 08:00, 1 hour". */
export function whenOf(
  duty: { rule: Pick<RecurrenceRule, 'freq' | 'interval' | 'byDay'>; time: string; durationMinutes: number },
  l: Locale,
): string {
  const hours = duty.durationMinutes % 60 === 0 ? duty.durationMinutes / 60 : undefined;
  const length =
    l === 'zh-CN'
      ? hours === undefined
        ? `${duty.durationMinutes} 分钟`
        : `${hours} 小时`
      : hours === undefined
        ? `${duty.durationMinutes} minutes`
        : `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${daysOf(duty.rule, l)} ${duty.time}${l === 'zh-CN' ? '，' : ', '}${length}`;
}

/** A template's rule as {@link whenOf} reads it. */
export function templateRule(template: DutyTemplate): Pick<RecurrenceRule, 'freq' | 'interval' | 'byDay'> {
  const day = (/BYDAY=(\w\w)/.exec(template.rrule)?.[1] ?? 'MO') as Weekday;
  return template.rrule.startsWith('FREQ=DAILY')
    ? { freq: 'DAILY', interval: 1 }
    : { freq: 'WEEKLY', interval: 1, byDay: [{ weekday: day }] };
}

/** The members choice of the create form: `community`, `building:<id>`, `stairwell:<id>` or `units`. */
export type ScopeChoice = string;

/** What typing rooms gave: the scope, or the rooms that name no unit (or several). */
export type RoomsScope =
  | { readonly ok: true; readonly scope: Scope }
  | { readonly ok: false; readonly rooms: string[] };

/**
 * The scope a members choice names. For `units`, each typed room (spaces, commas or 、 between) must
 * name exactly one unit: `roomsOf` lists the units of each room number, and a room shared by two
 * buildings is typed `楼号-室号` (its key there).
 */
export function scopeOf(
  choice: ScopeChoice,
  typed: string,
  roomsOf: (room: string) => readonly string[],
): RoomsScope {
  if (choice === 'community') return { ok: true, scope: { kind: 'community' } };
  const [kind, id] = choice.split(':');
  if ((kind === 'building' || kind === 'stairwell') && id) return { ok: true, scope: { kind, id } };
  const rooms = typed.split(/[\s,，、]+/).filter(Boolean);
  const bad = rooms.filter((room) => roomsOf(room).length !== 1);
  if (bad.length > 0 || rooms.length === 0) return { ok: false, rooms: bad };
  return { ok: true, scope: { kind: 'units', ids: [...new Set(rooms.flatMap(roomsOf))] } };
}

/** The addresses of the duty screens, from a route's params. */
export function dutyPaths(params: Readonly<Record<string, string | undefined>>) {
  const community = encodeURIComponent(params.community ?? '');
  const list = `/c/${community}/organizer/duties`;
  const dutyId = params.duty ?? '';
  const duty = `${list}/${encodeURIComponent(dutyId)}`;
  return { list, dutyId, duty, month: (month: string) => `${duty}/months/${month}` };
}
