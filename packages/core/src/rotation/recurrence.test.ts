import fc from 'fast-check';
import rrulePkg from 'rrule';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../time/local-date.js';
import { addDays } from './calendar.js';
import { formatRRule, occurrences, parseRRule } from './recurrence.js';

const { RRule } = rrulePkg;

/** Random rules in the supported subset, written as RRULE text. */
const ruleText = fc.oneof(
  fc
    .record({ interval: fc.integer({ min: 1, max: 4 }), count: fc.integer({ min: 1, max: 40 }) })
    .map(({ interval, count }) => `FREQ=DAILY;INTERVAL=${interval};COUNT=${count}`),
  fc
    .record({
      interval: fc.integer({ min: 1, max: 3 }),
      days: fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 }),
      count: fc.integer({ min: 1, max: 60 }),
    })
    .map(
      ({ interval, days, count }) =>
        `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${days.join(',')};COUNT=${count}`,
    ),
  fc
    .record({
      interval: fc.integer({ min: 1, max: 3 }),
      days: fc.uniqueArray(
        fc.integer({ min: -3, max: 31 }).filter((d) => d !== 0),
        { minLength: 1, maxLength: 3 },
      ),
      until: fc.integer({ min: 30, max: 900 }),
    })
    .map(
      ({ interval, days, until }) =>
        `FREQ=MONTHLY;INTERVAL=${interval};BYMONTHDAY=${days.join(',')};UNTIL=${addDays('2026-01-01' as LocalDate, until).replaceAll('-', '')}`,
    ),
  fc
    .record({
      ordinal: fc.constantFrom(1, 2, 3, 4, -1, -2),
      day: fc.constantFrom('MO', 'FR', 'SU'),
      count: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ ordinal, day, count }) => `FREQ=MONTHLY;BYDAY=${ordinal}${day};COUNT=${count}`),
);

describe('recurrence: an RFC 5545 subset, cross-checked against rrule', () => {
  it('expands to the same dates as rrule', () => {
    fc.assert(
      fc.property(ruleText, fc.integer({ min: 0, max: 400 }), (text, offset) => {
        const start = addDays('2026-01-01' as LocalDate, offset);
        const parsed = parseRRule(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const ours = occurrences({ rule: parsed.value, start }, '2030-12-31' as LocalDate);
        const theirs = new RRule({
          ...RRule.parseString(text),
          dtstart: new Date(`${start}T00:00:00Z`),
          wkst: RRule.MO,
        })
          .between(new Date(`${start}T00:00:00Z`), new Date('2030-12-31T23:59:59Z'), true)
          .map((d) => d.toISOString().slice(0, 10));
        expect(ours).toEqual(theirs);
      }),
    );
  });

  it('applies EXDATE and RDATE', () => {
    const rule = parseRRule('FREQ=WEEKLY;BYDAY=MO;COUNT=4');
    if (!rule.ok) throw new Error('parse');
    const dates = occurrences(
      {
        rule: rule.value,
        start: '2026-01-05' as LocalDate,
        exdates: ['2026-01-12' as LocalDate],
        rdates: ['2026-01-14' as LocalDate],
      },
      '2026-12-31' as LocalDate,
    );
    expect(dates).toEqual(['2026-01-05', '2026-01-14', '2026-01-19', '2026-01-26']);
  });

  it('round-trips through RRULE text', () => {
    fc.assert(
      fc.property(ruleText, (text) => {
        const parsed = parseRRule(text);
        if (!parsed.ok) throw new Error(text);
        expect(parseRRule(formatRRule(parsed.value))).toEqual(parsed);
      }),
    );
  });

  it.each([
    ['FREQ=YEARLY', 'freq'],
    ['FREQ=WEEKLY;BYHOUR=8', 'unsupported'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'byday'],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101', 'count-and-until'],
    ['FREQ=DAILY;INTERVAL=0', 'interval'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'bymonthday'],
  ])('refuses %s with a typed error', (text, reason) => {
    const parsed = parseRRule(text);
    expect(parsed.ok || parsed.error).toMatchObject({ code: 'rotation.bad_rrule', params: { reason } });
    if (!parsed.ok) expect(parsed.error.message['zh-CN']).toContain('重复规则');
  });
});
