import type { LocalDate } from './local-date.js';

/** Tells which days are statutory holidays and which weekend days are make-up workdays (调休). */
export interface HolidayProvider {
  /** A statutory public holiday (not an ordinary weekend). */
  isHoliday(date: LocalDate): boolean;
  /** A working day: a weekday that is not a holiday, or a weekend day made a workday (调休补班). */
  isWorkday(date: LocalDate): boolean;
  /** The holiday's name, when it is one. */
  holidayName(date: LocalDate, locale: 'zh-CN' | 'en'): string | undefined;
}
