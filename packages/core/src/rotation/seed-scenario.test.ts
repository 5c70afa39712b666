import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import type { LocalDate } from '../time/local-date.js';
import { rosterToICal } from './ical.js';
import { memberStats } from './roster.js';

const yearEnd = '2026-12-31' as LocalDate;
const label = (id: string, locale: string) =>
  locale === 'zh-CN' ? `${id.slice(1)}室` : `Room ${id.slice(1)}`;

async function building96Rota() {
  const setup = await building96('2026-01-01T00:00:00Z');
  const { governance } = setup;
  for (let floor = 1; floor <= 6; floor++) {
    for (const s of ['01', '02']) {
      const unitId = `u${floor}${s}`;
      // 102 and 202 are households of people aged 80 and over.
      const years = unitId === 'u102' ? [1940, 1943] : unitId === 'u202' ? [1944] : [1975, 1978];
      for (const [k, birthYear] of years.entries()) {
        await must(governance, {
          type: 'resident.moveIn',
          unitId,
          id: `r${floor}${s}-${k}`,
          birthYear,
          date: '2015-03-01',
        });
      }
    }
  }
  await must(governance, {
    type: 'duty.define',
    id: 'lift-clean',
    name: '清洁电梯',
    scope: { kind: 'stairwell', id: 's1' },
    rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231',
    start: '2026-01-05',
    time: '08:00',
    durationMinutes: 60,
    holidays: 'skip',
    policy: 'leastServed',
    reentry: 'catchUp',
    exemptAge: 80,
  });
  return setup;
}

describe("Building 96's Monday 08:00 elevator cleaning, over 2026", () => {
  it('skips the Spring Festival, exempts the over-80s, makes up a month away, honours a swap, and exports iCal', async () => {
    const { governance } = await building96Rota();
    // 301 is away in March.
    await must(governance, {
      type: 'duty.absence',
      dutyId: 'lift-clean',
      memberId: 'u301',
      from: '2026-03-01',
      to: '2026-03-31',
      reason: '探亲',
    });
    const roster = governance.roster('lift-clean', yearEnd);
    expect(roster).toHaveLength(52);
    const skipped = roster.filter((s) => s.skipped);
    // The Mondays that fall in 2026's statutory holidays (State Council notice, via chinese-days).
    expect(skipped.map((s) => [s.date, s.skipped?.name])).toEqual([
      ['2026-02-16', '春节'],
      ['2026-02-23', '春节'],
      ['2026-04-06', '清明'],
      ['2026-05-04', '劳动节'],
      ['2026-10-05', '国庆节'],
    ]);
    expect(skipped.every((s) => s.assignees.length === 0 && s.skipped?.reason === 'holiday')).toBe(true);
    // Nobody over 80 serves; 301 serves nothing in March.
    expect(roster.some((s) => s.assignees.includes('u102') || s.assignees.includes('u202'))).toBe(false);
    expect(roster.filter((s) => s.date.startsWith('2026-03')).some((s) => s.assignees.includes('u301'))).toBe(
      false,
    );
    // Every Monday at 08:00 Beijing time is 00:00 UTC.
    expect(roster[0]).toMatchObject({
      date: '2026-01-05',
      start: '2026-01-05T00:00:00.000Z',
      end: '2026-01-05T01:00:00.000Z',
    });

    // 401 and 402 trade their first turns; both agree.
    const first401 = roster.find((s) => s.assignees.includes('u401'))?.date as string;
    const first402 = roster.find((s) => s.assignees.includes('u402'))?.date as string;
    await must(
      governance,
      {
        type: 'duty.proposeSwap',
        dutyId: 'lift-clean',
        id: 'sw1',
        first: { date: first401, memberId: 'u401' },
        second: { date: first402, memberId: 'u402' },
      },
      { type: 'duty.acceptSwap', dutyId: 'lift-clean', swapId: 'sw1' },
    );
    const swapped = governance.roster('lift-clean', yearEnd);
    const changed = swapped
      .filter((s, i) => JSON.stringify(s.assignees) !== JSON.stringify(roster[i]?.assignees))
      .map((s) => s.date);
    expect(changed.sort()).toEqual([first401, first402].sort()); // G4: exactly two slots change

    const stats = memberStats(
      governance.read((s) => s.community),
      governance.read((s) => s.rotation.duties.get('lift-clean')) as never,
      swapped,
      '2026-01-01' as LocalDate,
      yearEnd,
    );
    const served = Object.fromEntries(stats.map((s) => [s.memberId, s.served]));
    expect(served).toMatchObject({ u102: 0, u202: 0 });
    const workers = stats.filter((s) => s.memberId !== 'u102' && s.memberId !== 'u202').map((s) => s.served);
    expect(workers.reduce((a, b) => a + b, 0)).toBe(52 - skipped.length);
    expect(Math.max(...workers) - Math.min(...workers)).toBeLessThanOrEqual(1); // 301 caught up after March
    expect(stats.find((s) => s.memberId === 'u301')?.awayDays).toBe(31);
    expect(stats.find((s) => s.memberId === 'u102')?.exemptDays).toBe(365);

    // The feed: one event per Monday someone cleans, stable UIDs, instants that parse back exactly.
    const duty = governance.read((s) => s.rotation.duties.get('lift-clean'));
    if (!duty) throw new Error('missing duty');
    const stamp = new Date('2026-01-01T00:00:00Z');
    const ics = rosterToICal(duty, swapped, { locale: 'zh-CN', memberLabel: label, stamp });
    expect(rosterToICal(duty, swapped, { locale: 'zh-CN', memberLabel: label, stamp })).toBe(ics);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const filled = swapped.filter((s) => s.assignees.length > 0);
    expect(events).toHaveLength(filled.length);
    events.forEach((event, i) => {
      const slot = filled[i];
      expect(event.uid).toBe(`lift-clean-${slot?.date.replaceAll('-', '')}@linli`);
      expect(event.startDate.toJSDate().toISOString()).toBe(slot?.start);
      expect(event.endDate.toJSDate().toISOString()).toBe(slot?.end);
    });
    expect(events[0]?.summary).toMatch(/^清洁电梯（\d{3}室）$/);
    // A personal feed holds only that household's turns, with the same UIDs.
    const mine = rosterToICal(duty, swapped, { locale: 'en', memberId: 'u301', memberLabel: label, stamp });
    const mineEvents = new ICAL.Component(ICAL.parse(mine)).getAllSubcomponents('vevent');
    expect(mineEvents).toHaveLength(served.u301 as number);
    expect(String(mineEvents[0]?.getFirstPropertyValue('summary'))).toBe('清洁电梯 (Room 301)');
  });
});
