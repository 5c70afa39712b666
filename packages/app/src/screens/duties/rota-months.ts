import { chineseHolidays, type LocalDate, type Locale, type RosterSlot } from '@linli/core';
import { t, WEEKDAY_NAMES } from './duties.strings.js';

/** A month as `YYYY-MM`. */
export type MonthKey = string;

/** The `n` months from the one `today` is in, as `YYYY-MM`. */
export function monthsFrom(today: LocalDate, n: number): MonthKey[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(year, month + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The last day of `month`. */
export function lastDayOf(month: MonthKey): LocalDate {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) as LocalDate;
}

/** Whether `text` is a month the print route can show (`YYYY-MM`, months 01–12). */
export const isMonth = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** A month's name: 2026年10月, 10/2026. */
export function monthLabel(month: MonthKey, l: Locale): string {
  if (l === 'en') return EN_MONTH.format(new Date(`${month}-01T00:00:00Z`));
  return t(l, 'month', { year: month.slice(0, 4), month: String(Number(month.slice(5, 7))) });
}

const EN_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const EN_DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A date with its weekday: 10月8日（四）, Thu 8 Oct. */
export function dayLabel(date: LocalDate, l: Locale): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (l === 'en') return EN_DAY.format(d).replace(',', '');
  const weekday = WEEKDAY_NAMES[l][(d.getUTCDay() + 6) % 7] ?? '';
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${weekday}）`;
}

/** How a household is named on the rota: its room. */
export type RoomOf = (unitId: string) => string;

/** Who serves a slot, by room, or "nobody can serve" for an unfilled or skipped one. */
export function servedBy(slot: RosterSlot, room: RoomOf, l: Locale): string {
  if (slot.skipped) return '—';
  if (slot.assignees.length === 0) return t(l, 'nobody');
  return slot.assignees.map((m) => t(l, 'room', { room: room(m) })).join(l === 'zh-CN' ? '、' : ', ');
}

/** What changed a slot: a holiday skipped or moved, a swap, a cover or its repayment, an override. */
export function slotNotes(slot: RosterSlot, room: RoomOf, l: Locale): string[] {
  const notes: string[] = [];
  if (slot.skipped) notes.push(t(l, 'skipped', { name: holidayName(slot.date, slot.skipped.name, l) }));
  if (slot.movedFrom)
    notes.push(
      t(l, 'moved', { name: holidayName(slot.movedFrom, '', l), from: dayLabel(slot.movedFrom, l) }),
    );
  if (slot.swap) notes.push(t(l, 'swapped'));
  if (slot.cover && !slot.cover.repayment)
    notes.push(t(l, 'covered', { room: t(l, 'room', { room: room(slot.cover.servedBy) }) }));
  if (slot.cover?.repayment) notes.push(t(l, 'repaid'));
  if (slot.override) notes.push(t(l, 'overridden', { reason: slot.override }));
  if (slot.unfilled && slot.assignees.length > 0) notes.push(t(l, 'nobody'));
  return notes;
}

/** A holiday's name in the page's language (the roster keeps the Chinese one). */
function holidayName(date: LocalDate, recorded: string, l: Locale): string {
  return chineseHolidays.holidayName(date, l) ?? recorded;
}
