import type { LocalDate } from '@linli/core';
import { describe, expect, it } from 'vitest';
import type { HouseholdRow } from './household-list.ts';
import { matches, namesOf, residentsOf } from './household-list.ts';

const row: HouseholdRow = {
  unitId: 'u501',
  room: '501',
  floor: 5,
  owners: [{ id: 'o1', name: '周建国', kind: 'person', developer: false }],
  residents: [{ id: 'r1', unitId: 'u501', name: 'Zhou Lan', movedIn: '2026-10-02' as LocalDate }],
};

describe('the households list helpers', () => {
  it('finds a household by room, owner or resident, ignoring case and spaces around', () => {
    expect(matches(row, '')).toBe(true);
    expect(matches(row, ' 50 ')).toBe(true);
    expect(matches(row, '建国')).toBe(true);
    expect(matches(row, 'zhou')).toBe(true);
    expect(matches(row, '林')).toBe(false);
  });

  it('reads names one a line, and residents with an optional trailing birth year', () => {
    expect(namesOf('周先生\n\n  林女士 \r\n')).toEqual(['周先生', '林女士']);
    expect(residentsOf('周先生\n周奶奶 1941\n1950\nMr Li 1960')).toEqual([
      { name: '周先生' },
      { name: '周奶奶', birthYear: 1941 },
      { birthYear: 1950 },
      { name: 'Mr Li', birthYear: 1960 },
    ]);
  });
});
