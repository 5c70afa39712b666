import type { LocalDate, RosterSlot } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { dayLabel, isMonth, lastDayOf, monthLabel, monthsFrom, servedBy, slotNotes } from './rota-months.js';

const slot = (extra: Partial<RosterSlot>): RosterSlot => ({
  date: d('2026-10-08'),
  assignees: ['u302'],
  start: '2026-10-08T00:00:00.000Z',
  end: '2026-10-08T01:00:00.000Z',
  ...extra,
});
const room = (unitId: string) => unitId.slice(1);
/** A date as the roster carries it. */
const d = (text: string) => text as LocalDate;

describe('the rota by month', () => {
  it('names twelve months from today’s, across the year’s end, and their last days', () => {
    expect(monthsFrom(d('2026-11-30'), 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsFrom(d('2026-09-03'), 12).at(-1)).toBe('2027-08');
    expect([lastDayOf('2028-02'), lastDayOf('2027-02'), lastDayOf('2026-12')]).toEqual([
      '2028-02-29',
      '2027-02-28',
      '2026-12-31',
    ]);
    expect([isMonth('2026-10'), isMonth('2026-13'), isMonth('2026-1')]).toEqual([true, false, false]);
  });

  it('labels dates and months in both languages', () => {
    expect(dayLabel(d('2026-10-08'), 'zh-CN')).toBe('10月8日（四）');
    expect(dayLabel(d('2026-10-08'), 'en')).toBe('Thu 8 Oct');
    expect(monthLabel('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(monthLabel('2026-10', 'en')).toBe('October 2026');
  });

  it('says why a slot moved, who covers, and that nobody could serve', () => {
    expect(slotNotes(slot({ movedFrom: d('2026-10-05') }), room, 'zh-CN')).toEqual([
      '国庆节，由 10月5日（一） 顺延',
    ]);
    expect(slotNotes(slot({ movedFrom: d('2026-10-05') }), room, 'en')).toEqual([
      'National Day: moved from Mon 5 Oct',
    ]);
    expect(
      slotNotes(
        slot({ swap: 's', cover: { due: 'u101', servedBy: 'u302', repayment: false } }),
        room,
        'zh-CN',
      ),
    ).toEqual(['已换班', '302室代班']);
    expect(servedBy(slot({ assignees: [] }), room, 'en')).toBe('Nobody can serve');
    expect(servedBy(slot({ skipped: { reason: 'holiday', name: '国庆节' } }), room, 'en')).toBe('—');
  });
});
