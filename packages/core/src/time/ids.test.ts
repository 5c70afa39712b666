import { describe, expect, it } from 'vitest';
import { randomIds, sequentialIds } from './ids.js';

describe('ids', () => {
  it('random ids carry the kind and 128 random bits, and do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomIds('unit')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^unit_[0-9a-f]{32}$/);
  });

  it('sequential ids count per kind', () => {
    const next = sequentialIds('t-');
    expect([next('unit'), next('unit'), next('owner')]).toEqual(['t-unit-1', 't-unit-2', 't-owner-1']);
  });
});
