import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, fromDayNumber, weekdayIndex, zonedInstant } from './calendar.js';

describe('calendar arithmetic', () => {
  it('agrees with Date for every day from 1600 to 2400 and round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
        expect(dayNumber(iso)).toBe(n);
      }),
    );
  });

  it('knows weekdays and zone offsets', () => {
    expect(weekdayIndex('2026-11-30' as never)).toBe(0); // a Monday
    expect(new Date(zonedInstant('2026-01-05' as never, '08:00', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-01-05T00:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-07-06' as never, '08:00', 'America/New_York')).toISOString()).toBe(
      '2026-07-06T12:00:00.000Z',
    );
  });

  it('adds months as Date does, a missing day becoming the month’s last', () => {
    expect(addMonths('2026-11-29' as never, -3)).toBe('2026-08-29');
    expect(addMonths('2026-08-31' as never, -6)).toBe('2026-02-28');
    expect(addMonths('2028-03-31' as never, -1)).toBe('2028-02-29');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: -240, max: 240 }), (n, months) => {
        const date = fromDayNumber(n);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
        const expected = new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
        expect(addMonths(date, months)).toBe(expected);
      }),
    );
  });
});
