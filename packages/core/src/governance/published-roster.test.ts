import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyDuty, must, workedExample } from '../../test/fixtures.js';
import { addDays } from '../rotation/calendar.js';
import type { LocalDate } from '../time/local-date.js';
import { publishView } from './published-view.js';

const asOf = '2026-11-29' as LocalDate;

async function viewOfDailyDuty(start: string, rosterUntil = '2099-12-31' as LocalDate) {
  const { governance } = await workedExample();
  await must(governance, dailyDuty(start));
  return publishView(governance, { asOf, rosterUntil });
}

describe('a published view’s rosters cover 3 months back to 12 months ahead of its day', () => {
  it('publishes a daily duty started in 1990 only within the window', async () => {
    const view = await viewOfDailyDuty('1990-01-01');
    const roster = view.rosters.d ?? [];
    expect(roster[0]?.date).toBe('2026-08-29');
    expect(roster.at(-1)?.date).toBe('2027-11-29');
    expect(roster.length).toBe(458);
  });

  it('keeps an earlier `rosterUntil`', async () => {
    const roster = (await viewOfDailyDuty('2026-01-01', '2026-12-31' as LocalDate)).rosters.d ?? [];
    expect(roster.at(-1)?.date).toBe('2026-12-31');
  });

  it('as a property: the view’s size does not depend on how far back the duty started', async () => {
    const size = async (start: string) => JSON.stringify(await viewOfDailyDuty(start)).length;
    const windowStart = await size('2026-08-29');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 13_000 }), async (daysBack) => {
        expect(await size(addDays('2026-08-29' as LocalDate, -daysBack))).toBe(windowStart);
      }),
      { numRuns: 25 },
    );
  });
});
