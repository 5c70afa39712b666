import fc from 'fast-check';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { addDays } from './calendar.js';
import type { Duty } from './duty.js';
import { noHolidays } from './holidays.js';
import { rosterToICal } from './ical.js';
import { parseRRule } from './recurrence.js';
import { dutyRoster } from './roster.js';

let community: CommunityState;

beforeAll(async () => {
  const { governance } = await building96('2026-01-01T00:00:00Z');
  for (let floor = 1; floor <= 6; floor++) {
    for (const s of ['01', '02'])
      await must(governance, { type: 'resident.moveIn', unitId: `u${floor}${s}`, date: '2015-03-01' });
  }
  community = governance.read((s) => s.community);
});

const members = [1, 2, 3, 4, 5, 6].flatMap((f) => [`u${f}01`, `u${f}02`]);

function duty(overrides: Partial<Duty> & { rrule: string; start: LocalDate }): Duty {
  const rule = parseRRule(overrides.rrule);
  if (!rule.ok) throw new Error(overrides.rrule);
  const { rrule: _r, start, ...rest } = overrides;
  return {
    id: 'd',
    name: '清洁电梯',
    recurrence: { rule: rule.value, start },
    time: '08:00',
    durationMinutes: 60,
    timeZone: 'Asia/Shanghai',
    teamSize: 1,
    holidays: 'ignore',
    policy: 'leastServed',
    reentry: 'catchUp',
    scope: { kind: 'stairwell', id: 's1' },
    swapNeedsApproval: false,
    members,
    absences: [],
    swaps: [],
    covers: [],
    overrides: [],
    ...rest,
  };
}

const dutyArb = fc.record({
  start: fc.integer({ min: 0, max: 300 }).map((d) => addDays('2026-01-01' as LocalDate, d)),
  rrule: fc.constantFrom(
    'FREQ=WEEKLY;BYDAY=MO',
    'FREQ=WEEKLY;BYDAY=SA,SU',
    'FREQ=DAILY;INTERVAL=3',
    'FREQ=MONTHLY;BYDAY=1MO,-1FR',
  ),
  teamSize: fc.integer({ min: 1, max: 3 }),
  policy: fc.constantFrom('fixedOrder' as const, 'leastServed' as const, 'weighted' as const),
});

describe('rosters', () => {
  it('G4 conservation: an agreed swap changes exactly its two slots and nobody’s count', () => {
    fc.assert(
      fc.property(dutyArb, fc.nat(), fc.nat(), (d, x, y) => {
        const plain = duty(d);
        const to = '2027-06-30' as LocalDate;
        const before = dutyRoster(community, plain, to, noHolidays);
        const filled = before.filter((s) => s.assignees.length > 0);
        fc.pre(filled.length >= 2);
        const a = filled[x % filled.length] as (typeof filled)[number];
        const b = filled[y % filled.length] as (typeof filled)[number];
        const ma = a.assignees[0] as string;
        const mb = b.assignees.find((m) => m !== ma && !a.assignees.includes(m));
        fc.pre(a.date !== b.date && mb !== undefined && !b.assignees.includes(ma));
        const swapped = dutyRoster(
          community,
          {
            ...plain,
            swaps: [
              {
                id: 's',
                first: { date: a.date, memberId: ma },
                second: { date: b.date, memberId: mb as string },
                status: 'agreed',
              },
            ],
          },
          to,
          noHolidays,
        );
        const count = (r: typeof before, m: string) => r.filter((s) => s.assignees.includes(m)).length;
        for (const m of members) expect(count(swapped, m)).toBe(count(before, m));
        const changed = swapped
          .filter((s, i) => JSON.stringify(s.assignees) !== JSON.stringify(before[i]?.assignees))
          .map((s) => s.date);
        expect(changed.sort()).toEqual([a.date, b.date].sort());
      }),
      { numRuns: 1000, maxSkipsPerRun: 1000 },
    );
  });

  it('G7 time: iCal output re-parses (ical.js) to the same instants, in any zone, DST included', () => {
    fc.assert(
      fc.property(
        dutyArb,
        fc.constantFrom(
          'Asia/Shanghai',
          'Asia/Urumqi',
          'America/New_York',
          'Europe/London',
          'Australia/Lord_Howe',
        ),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (d, timeZone, h, m, locale) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const plain = duty({ ...d, timeZone, time });
          const roster = dutyRoster(community, plain, addDays(d.start, 120), noHolidays);
          const ics = rosterToICal(plain, roster, { locale, stamp: new Date('2026-01-01T00:00:00Z') });
          const events = new ICAL.Component(ICAL.parse(ics))
            .getAllSubcomponents('vevent')
            .map((v) => new ICAL.Event(v));
          const filled = roster.filter((s) => s.assignees.length > 0);
          expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(filled.map((s) => s.start));
          expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
        },
      ),
    );
  });

  it('repays a cover at the coverer’s next turn, recording the debt until then', () => {
    const plain = duty({
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2026-01-05' as LocalDate,
      policy: 'fixedOrder',
    });
    const before = dutyRoster(community, plain, '2026-06-30' as LocalDate, noHolidays);
    const [first, second] = before;
    const due = first?.assignees[0] as string;
    const coverer = second?.assignees[0] as string;
    const after = dutyRoster(
      community,
      { ...plain, covers: [{ date: first?.date as LocalDate, memberId: due, coverId: coverer }] },
      '2026-06-30' as LocalDate,
      noHolidays,
    );
    expect(after[0]).toMatchObject({
      assignees: [coverer],
      cover: { due, servedBy: coverer, repayment: false },
    });
    expect(after[1]).toMatchObject({
      assignees: [due],
      cover: { due: coverer, servedBy: due, repayment: true },
    });
  });

  it('moves a holiday slot to the next workday, make-up Saturdays (调休) included', () => {
    const holidays = {
      isHoliday: (date: LocalDate) => date === '2026-02-16',
      isWorkday: (date: LocalDate) =>
        date === '2026-02-14' || !['2026-02-16', '2026-02-21', '2026-02-22'].includes(date),
      holidayName: () => '春节',
    };
    const plain = duty({
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8',
      start: '2026-02-02' as LocalDate,
      holidays: 'nextWorkday',
    });
    const dates = dutyRoster(community, plain, '2026-12-31' as LocalDate, holidays).map((s) => [
      s.date,
      s.movedFrom,
    ]);
    expect(dates[2]).toEqual(['2026-02-17', '2026-02-16']);
  });
});
