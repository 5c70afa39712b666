import type { Governance } from '@linli/core';

/** A household as a paper notice names it: its room and floor, and its building by name. */
export interface HouseholdLabel {
  readonly unitId: string;
  readonly room: string;
  readonly floor: number;
  readonly buildingId: string;
  readonly building: string;
}

/** Every household of the community with its label, in the order the units were added. */
export function householdLabels(gov: Governance): HouseholdLabel[] {
  const community = gov.community.value;
  const names = new Map(community.buildings.map((b) => [b.id, b.name]));
  return community.units.flatMap((unit) => {
    const label = gov.unit(unit.id);
    return label
      ? [{ unitId: unit.id, ...label, building: names.get(label.buildingId) ?? label.buildingId }]
      : [];
  });
}
