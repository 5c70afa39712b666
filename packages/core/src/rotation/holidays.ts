import * as chineseDaysModule from 'chinese-days';
import type { HolidayProvider } from '../time/holiday-provider.js';
import { weekdayIndex } from './calendar.js';

// The provider's shape lives with time, below the domains, because every decision's context carries one.
export type { HolidayProvider } from '../time/holiday-provider.js';

interface ChineseDays {
  getDayDetail(date: string): { work: boolean; name: string; date: string };
}

// chinese-days ships CommonJS for Node (names under `default`) and an ES build with named exports.
const ns = chineseDaysModule as unknown as Partial<ChineseDays> & { default?: ChineseDays };
const chineseDays: ChineseDays = ns.getDayDetail ? (ns as ChineseDays) : (ns.default as ChineseDays);

// Every roster asks about every one of its dates, and a published view is rebuilt on every change:
// answers are kept. Commands name dates from 1990 to 10 years ahead, so this holds at most ~17,000.
const details = new Map<string, { work: boolean; name: string }>();
function dayDetail(date: string): { work: boolean; name: string } {
  let detail = details.get(date);
  if (!detail) {
    const { work, name } = chineseDays.getDayDetail(date);
    detail = { work, name };
    details.set(date, detail);
  }
  return detail;
}

/**
 * China's statutory holidays and 调休 make-up workdays from the maintained `chinese-days` package
 * (State Council notices). A year the State Council has not yet published has no holidays: only
 * weekends are days off.
 */
export const chineseHolidays: HolidayProvider = {
  isHoliday(date) {
    const detail = dayDetail(date);
    // Festival days are named "English,中文,days"; plain weekends are named after the weekday.
    return !detail.work && detail.name.includes(',');
  },
  isWorkday(date) {
    return dayDetail(date).work;
  },
  holidayName(date, locale) {
    const detail = dayDetail(date);
    if (detail.work || !detail.name.includes(',')) return undefined;
    const [en, zh] = detail.name.split(',');
    return locale === 'zh-CN' ? zh : en;
  },
};

/** A provider with no holidays: Monday to Friday are workdays. */
export const noHolidays: HolidayProvider = {
  isHoliday: () => false,
  isWorkday: (date) => weekdayIndex(date) < 5,
  holidayName: () => undefined,
};
