import { describe, expect, it, vi } from 'vitest';
import type { LocalDate } from '../time/local-date.js';
import { addDays } from './calendar.js';
import { chineseHolidays } from './holidays.js';

const asked = vi.hoisted(() => ({ count: 0 }));
vi.mock('chinese-days', async (importOriginal) => {
  const actual = (await importOriginal()) as { getDayDetail(date: string): unknown; default?: unknown };
  const real = (actual.getDayDetail ?? (actual.default as typeof actual).getDayDetail).bind(actual);
  const getDayDetail = (date: string) => {
    asked.count++;
    return real(date);
  };
  return { getDayDetail, default: { getDayDetail } };
});

describe('chineseHolidays', () => {
  it('knows 国庆节 and a 调休 make-up Sunday', () => {
    expect(chineseHolidays.isHoliday('2026-10-01' as LocalDate)).toBe(true);
    expect(chineseHolidays.holidayName('2026-10-01' as LocalDate, 'zh-CN')).toBe('国庆节');
    expect(chineseHolidays.isWorkday('2026-09-20' as LocalDate)).toBe(true);
  });

  it('asks chinese-days once per date, however often a roster or a view asks again', () => {
    const dates = Array.from({ length: 400 }, (_, i) => addDays('2025-01-01' as LocalDate, i));
    const before = asked.count;
    for (let round = 0; round < 3; round++)
      for (const date of dates) {
        chineseHolidays.isHoliday(date);
        chineseHolidays.isWorkday(date);
      }
    expect(asked.count - before).toBe(dates.length);
  });
});
