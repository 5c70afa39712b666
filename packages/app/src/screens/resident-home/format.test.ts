import type { LocalDate } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { area, coefficient, day, money, month, percent, weekday } from './format.js';

describe('the household home’s formatting (no arithmetic on what anyone owes)', () => {
  it('writes fen, areas, coefficients and basis points exactly', () => {
    expect(money(120_000, 'zh-CN')).toBe('¥1,200.00');
    expect(money(5, 'en')).toBe('¥0.05');
    expect(area(7532)).toBe('75.32');
    expect(area(9000)).toBe('90.00');
    expect(coefficient(70)).toBe('0.70');
    expect(percent(4000)).toBe('40%');
    expect(percent(1250)).toBe('12.5%');
    expect(percent(1205)).toBe('12.05%');
  });

  it('writes days and months in the reader’s language, whatever the device’s zone', () => {
    const d = '2026-12-31' as LocalDate;
    expect(day(d, 'zh-CN')).toBe('2026年12月31日');
    expect(day(d, 'en')).toBe('Dec 31, 2026');
    expect(weekday('2026-12-05' as LocalDate, 'zh-CN')).toBe('2026年12月5日星期六');
    expect(weekday('2026-12-05' as LocalDate, 'en')).toBe('Saturday, December 5, 2026');
    expect(month('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(month('2026-11', 'en')).toBe('November 2026');
  });
});
