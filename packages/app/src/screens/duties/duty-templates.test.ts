import { describe, expect, it } from 'vitest';
import { DUTY_TEMPLATES, dutyPaths, scopeOf, templateRule, whenOf } from './duty-templates.js';

const units: Record<string, string[]> = { '101': ['u101'], '102': ['u102'], '201': ['a201', 'b201'] };
const roomsOf = (room: string) => units[room] ?? [];

describe('the create form’s members and templates', () => {
  it('names a building, a stairwell or the community by its choice', () => {
    expect(scopeOf('building:b96', '', roomsOf)).toEqual({
      ok: true,
      scope: { kind: 'building', id: 'b96' },
    });
    expect(scopeOf('stairwell:s1', '101', roomsOf)).toEqual({
      ok: true,
      scope: { kind: 'stairwell', id: 's1' },
    });
    expect(scopeOf('community', '', roomsOf)).toEqual({ ok: true, scope: { kind: 'community' } });
  });

  it('takes typed rooms that each name one unit, and lists the others', () => {
    expect(scopeOf('units', '101，102 101', roomsOf)).toEqual({
      ok: true,
      scope: { kind: 'units', ids: ['u101', 'u102'] },
    });
    expect(scopeOf('units', '101 201 999', roomsOf)).toEqual({ ok: false, rooms: ['201', '999'] });
    expect(scopeOf('units', '  ', roomsOf)).toEqual({ ok: false, rooms: [] });
  });

  it('reads a template’s rule back in words, and the paths of a duty', () => {
    const [elevator, , rubbish] = DUTY_TEMPLATES.map((x) => ({ ...x, rule: templateRule(x) }));
    expect(elevator && whenOf(elevator, 'zh-CN')).toBe('每周一 08:00，1 小时');
    expect(rubbish && whenOf(rubbish, 'en')).toBe('Every day 18:30, 2 hours');
    const fortnightly = {
      freq: 'WEEKLY',
      interval: 2,
      byDay: [{ weekday: 'TU' }, { weekday: 'FR' }],
    } as const;
    expect(whenOf({ rule: fortnightly, time: '07:00', durationMinutes: 45 }, 'zh-CN')).toBe(
      '每 2 周的周二、五 07:00，45 分钟',
    );
    expect(dutyPaths({ community: 'xfkl', duty: 'd 1' }).month('2026-10')).toBe(
      '/c/xfkl/organizer/duties/d%201/months/2026-10',
    );
  });
});
