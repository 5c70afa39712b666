import { describe, expect, it } from 'vitest';
import { findUnit, type RoomEntry } from '../motion/room-lookup.ts';
import { costOf, emptyDraft, schemeCommand } from './scheme-draft.ts';

const ROOMS: RoomEntry[] = [
  { unitId: 'u201', buildingId: 'b96', room: '201' },
  { unitId: 'u502', buildingId: 'b96', room: '502' },
  { unitId: 'x201', buildingId: 'b97', room: '201' },
];

describe('the new-fund form as a scheme.define command', () => {
  it('converts figures exactly and names exempt units by their doors', () => {
    const draft = {
      ...emptyDraft('stairwell:s1', '2026-12-31'),
      name: '电梯',
      budget: '600,000',
      coefficients: { '1': '0', '2': '0.6', '3': '1.15' },
      subsidyKind: 'percent' as const,
      subsidy: '33.33',
      exemptions: [{ room: '５０２', reason: '低保户' }],
    };
    expect(schemeCommand(draft, ROOMS)).toEqual({
      type: 'scheme.define',
      name: '电梯',
      scope: { kind: 'stairwell', id: 's1' },
      basis: { kind: 'floorCoefficients', coefficients: { '1': 0, '2': 60, '3': 115 } },
      subsidy: { kind: 'percent', basisPoints: 3333 },
      exemptions: [{ unitId: 'u502', reason: '低保户' }],
    });
    expect(costOf(draft)).toBe(60_000_000);
    expect(costOf({ ...draft, cost: '0.07' })).toBe(7);
  });

  it('sends what is not a figure or a room as typed, for the core to refuse at its field', () => {
    const draft = {
      ...emptyDraft('community', '2026-12-31'),
      basis: 'floorCoefficients' as const,
      coefficients: { '2': 'abc' },
      exemptions: [{ room: '999', reason: 'x' }],
    };
    const command = schemeCommand(draft, ROOMS);
    expect(command.basis).toEqual({ kind: 'floorCoefficients', coefficients: { '2': 'abc' } });
    expect(command.exemptions).toEqual([{ unitId: '999', reason: 'x' }]);
    expect(command.scope).toEqual({ kind: 'community' });
    expect(costOf({ ...draft, budget: '1.234' })).toBe('1.234');
  });

  it('finds a unit by room, asking for the building where the number repeats', () => {
    expect(findUnit(ROOMS, '0502')).toEqual({ kind: 'unit', unit: ROOMS[1] });
    expect(findUnit(ROOMS, '201')).toEqual({ kind: 'ambiguous', buildings: ['b96', 'b97'] });
    expect(findUnit(ROOMS, '201', 'b97')).toEqual({ kind: 'unit', unit: ROOMS[2] });
    expect(findUnit(ROOMS, '')).toEqual({ kind: 'none' });
  });
});
