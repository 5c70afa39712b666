import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, weekdayIndex, zonedInstant } from './calendar.js';

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
});
