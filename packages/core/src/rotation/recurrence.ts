import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import { dayNumber, daysInMonth, fromDayNumber, WEEKDAYS, type Weekday, weekdayIndex } from './calendar.js';

/** A BYDAY entry: a weekday, with an ordinal for monthly rules (1MO = first Monday, -1FR = last Friday). */
export interface ByDay {
  readonly weekday: Weekday;
  readonly ordinal?: number;
}

/** The supported subset of an RFC 5545 RRULE, on local dates. */
export interface RecurrenceRule {
  readonly freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  readonly interval: number;
  readonly byDay?: readonly ByDay[];
  readonly byMonthDay?: readonly number[];
  readonly count?: number;
  readonly until?: LocalDate;
}

/** A rule with its first date and the extra and removed dates (RDATE, EXDATE). */
export interface Recurrence {
  readonly rule: RecurrenceRule;
  /** DTSTART's date. */
  readonly start: LocalDate;
  readonly exdates?: readonly LocalDate[];
  readonly rdates?: readonly LocalDate[];
}

function bad(reason: string, value: string): Result<never, LinliError> {
  return err(linliError('rotation.bad_rrule', ['recurrence', 'rrule'], { reason, value }));
}

/**
 * Parses `FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=52` style rules. Supported: FREQ (DAILY, WEEKLY,
 * MONTHLY), INTERVAL, BYDAY (with ordinals for MONTHLY), BYMONTHDAY, COUNT, UNTIL (a date, or a
 * date-time whose date is used). Anything else is refused with `rotation.bad_rrule`, never ignored.
 */
export function parseRRule(text: string): Result<RecurrenceRule, LinliError> {
  const body = text.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined || value === '') return bad('part', part);
    const k = key.toUpperCase();
    if (parts.has(k)) return bad('repeated', k);
    parts.set(k, value.toUpperCase());
  }
  const allowed = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST']);
  for (const k of parts.keys()) if (!allowed.has(k)) return bad('unsupported', k);
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') return bad('freq', freq ?? '');
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1 || interval > 1000)
    return bad('interval', String(parts.get('INTERVAL')));
  let rule: { -readonly [K in keyof RecurrenceRule]: RecurrenceRule[K] } = { freq, interval };
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) {
    const days: ByDay[] = [];
    for (const item of byDay.split(',')) {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
      if (!m) return bad('byday', item);
      const ordinal = m[1] === undefined ? undefined : Number(m[1]);
      if (ordinal !== undefined && (freq !== 'MONTHLY' || ordinal === 0 || Math.abs(ordinal) > 5))
        return bad('byday', item);
      days.push(ordinal === undefined ? { weekday: m[2] as Weekday } : { weekday: m[2] as Weekday, ordinal });
    }
    rule = { ...rule, byDay: days };
  }
  const byMonthDay = parts.get('BYMONTHDAY');
  if (byMonthDay !== undefined) {
    if (freq !== 'MONTHLY') return bad('bymonthday', byMonthDay);
    const days = byMonthDay.split(',').map(Number);
    if (days.some((d) => !Number.isInteger(d) || d === 0 || Math.abs(d) > 31))
      return bad('bymonthday', byMonthDay);
    rule = { ...rule, byMonthDay: days };
  }
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count !== undefined && until !== undefined) return bad('count-and-until', body);
  if (count !== undefined) {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) return bad('count', count);
    rule = { ...rule, count: n };
  }
  if (until !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(until);
    const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
    if (!isLocalDate(date)) return bad('until', until);
    rule = { ...rule, until: date as LocalDate };
  }
  return ok(rule);
}

/** Writes a rule back as RRULE text (for iCal). */
export function formatRRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal ?? ''}${d.weekday}`).join(',')}`);
  if (rule.byMonthDay) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until) parts.push(`UNTIL=${rule.until.replaceAll('-', '')}`);
  return parts.join(';');
}

/** The dates a monthly rule selects in one month, ascending. */
function monthDates(rule: RecurrenceRule, year: number, month: number, startDay: number): number[] {
  const last = daysInMonth(year, month);
  const first = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  const picked = new Set<number>();
  if (rule.byMonthDay) {
    for (const d of rule.byMonthDay) {
      const day = d > 0 ? d : last + 1 + d;
      if (day >= 1 && day <= last) picked.add(first + day - 1);
    }
  }
  if (rule.byDay) {
    for (const { weekday, ordinal } of rule.byDay) {
      const wd = WEEKDAYS.indexOf(weekday);
      const matches: number[] = [];
      for (let i = 0; i < last; i++) if ((first + i + 3) % 7 === wd) matches.push(first + i);
      if (ordinal === undefined) for (const m of matches) picked.add(m);
      else {
        const m = ordinal > 0 ? matches[ordinal - 1] : matches[matches.length + ordinal];
        if (m !== undefined) picked.add(m);
      }
    }
  }
  if (!rule.byMonthDay && !rule.byDay && startDay <= last) picked.add(first + startDay - 1);
  return [...picked].sort((a, b) => a - b);
}

/**
 * Every occurrence date from the start up to `to` (inclusive), in order: the rule's dates (COUNT and
 * UNTIL applied to them), minus EXDATEs, plus RDATEs.
 */
export function occurrences(recurrence: Recurrence, to: LocalDate): LocalDate[] {
  const { rule, start } = recurrence;
  const startN = dayNumber(start);
  const end = Math.min(dayNumber(to), rule.until ? dayNumber(rule.until) : Number.POSITIVE_INFINITY);
  const out: number[] = [];
  const limit = rule.count ?? Number.POSITIVE_INFINITY;
  const push = (n: number) => {
    if (n >= startN && n <= end && out.length < limit) out.push(n);
  };
  if (rule.freq === 'DAILY') {
    for (let n = startN; n <= end && out.length < limit; n += rule.interval) push(n);
  } else if (rule.freq === 'WEEKLY') {
    const weekdays = (rule.byDay?.map((d) => WEEKDAYS.indexOf(d.weekday)) ?? [weekdayIndex(start)]).sort(
      (a, b) => a - b,
    );
    const monday = startN - weekdayIndex(start);
    for (let week = monday; week <= end && out.length < limit; week += 7 * rule.interval) {
      for (const wd of weekdays) push(week + wd);
    }
  } else {
    const [y0, m0, d0] = start.split('-').map(Number) as [number, number, number];
    for (let k = 0; out.length < limit; k += rule.interval) {
      const year = y0 + Math.floor((m0 - 1 + k) / 12);
      const month = ((m0 - 1 + k) % 12) + 1;
      if (dayNumber(`${year}-${String(month).padStart(2, '0')}-01`) > end) break;
      for (const n of monthDates(rule, year, month, d0)) push(n);
    }
  }
  const removed = new Set((recurrence.exdates ?? []).map(dayNumber));
  const dates = new Set(out.filter((n) => !removed.has(n)));
  for (const r of recurrence.rdates ?? []) {
    const n = dayNumber(r);
    if (n >= startN && n <= dayNumber(to)) dates.add(n);
  }
  return [...dates].sort((a, b) => a - b).map(fromDayNumber);
}
