import type { Governance } from '@linli/core';

/**
 * A household as a paper notice names it: its room and floor, its stairwell (单元) and building by
 * name — a building with several stairwells has a 101 in each, so the room alone names none.
 */
export interface HouseholdLabel {
  readonly unitId: string;
  readonly room: string;
  readonly floor: number;
  readonly buildingId: string;
  readonly building: string;
  readonly stairwell: string;
}

/** Every household of the community with its label, in the order the units were added. */
export function householdLabels(gov: Governance): HouseholdLabel[] {
  const community = gov.community.value;
  const names = new Map(community.buildings.map((b) => [b.id, b.name]));
  const stairwells = new Map(community.stairwells.map((s) => [s.id, s.name]));
  return community.units.flatMap((unit) => {
    const label = gov.unit(unit.id);
    if (!label) return [];
    const building = names.get(label.buildingId) ?? label.buildingId;
    return [{ unitId: unit.id, ...label, building, stairwell: stairwells.get(unit.stairwellId) ?? '' }];
  });
}
