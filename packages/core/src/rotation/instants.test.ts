import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalDate } from '../time/local-date.js';
import { addDays, zonedInstant } from './calendar.js';
import { slotInstants } from './instants.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every day from `start`, `days` of them. */
const daily = (start: string, days: number) =>
  Array.from({ length: days }, (_, i) => ({ date: addDays(start as LocalDate, i) }));

describe('slot instants', () => {
  it('a daily duty since 1990 in Asia/Shanghai (daylight saving until 1991) asks Intl only near the changes', () => {
    const slots = daily('1990-01-01', 13_500); // to 2026-12
    const calls = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const instant = slotInstants('08:00', 'Asia/Shanghai', slots);
    for (const s of slots) instant(s.date);
    // Before: two Intl lookups per slot (27,000), half a second of every published view.
    expect(calls.mock.calls.length).toBeLessThan(2_000);
  });

  it('gives every slot exactly the instant a per-slot lookup gives, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'UTC'),
        fc.integer({ min: 0, max: 16_000 }),
        fc.integer({ min: 1, max: 900 }),
        fc.constantFrom('00:30', '02:30', '08:00', '23:59'),
        (zone, offset, days, time) => {
          const slots = daily(addDays('1988-01-01' as LocalDate, offset), days);
          const instant = slotInstants(time, zone, slots);
          for (const s of slots) if (instant(s.date) !== zonedInstant(s.date, time, zone)) return false;
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
