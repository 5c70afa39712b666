import type { GovernanceState, Owner, Resident } from '@linli/core';

/** One household as the list shows it: its unit, current owners, and residents past and present. */
export interface HouseholdRow {
  readonly unitId: string;
  readonly room: string;
  readonly floor: number;
  readonly owners: readonly Owner[];
  /** Everyone who ever lived there, those still there first. */
  readonly residents: readonly Resident[];
}

/** A stairwell of a building, with its households in room order. */
export interface StairwellGroup {
  readonly id: string;
  /** `96号楼 1单元`. */
  readonly label: string;
  readonly households: readonly HouseholdRow[];
}

const byRoom = (a: { room: string }, b: { room: string }) =>
  a.room.localeCompare(b.room, 'zh-CN', { numeric: true });

/** Whether `row` matches what the organizer typed: a room number, or part of an owner's or resident's name. */
export function matches(row: HouseholdRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (row.room.toLowerCase().includes(q)) return true;
  return [...row.owners.map((o) => o.name), ...row.residents.map((r) => r.name ?? '')].some((n) =>
    n.toLowerCase().includes(q),
  );
}

/** Every stairwell's households, by building then stairwell, in the order they were added. */
export function householdGroups(state: Readonly<GovernanceState>): StairwellGroup[] {
  const { community } = state;
  const residents = new Map<string, Resident[]>();
  for (const r of community.residents.values()) {
    const list = residents.get(r.unitId) ?? [];
    list.push(r);
    residents.set(r.unitId, list);
  }
  const rows = new Map<string, HouseholdRow[]>();
  for (const unit of community.units.values()) {
    const ownerIds = unit.ownership.at(-1)?.ownerIds ?? [];
    const lived = (residents.get(unit.id) ?? []).sort(
      (a, b) => Number(a.movedOut !== undefined) - Number(b.movedOut !== undefined),
    );
    const row: HouseholdRow = {
      unitId: unit.id,
      room: unit.room,
      floor: unit.floor,
      owners: ownerIds.flatMap((id) => community.owners.get(id) ?? []),
      residents: lived,
    };
    const list = rows.get(unit.stairwellId) ?? [];
    list.push(row);
    rows.set(unit.stairwellId, list);
  }
  return [...community.stairwells.values()].map((s) => ({
    id: s.id,
    label: `${community.buildings.get(s.buildingId)?.name ?? ''} ${s.name}`.trim(),
    households: (rows.get(s.id) ?? []).sort(byRoom),
  }));
}

/** Lines of names as typed, one a line, blanks dropped. */
export const namesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Residents as typed, one a line, each a name with an optional trailing birth year ("周奶奶 1941");
 * a line that is only a year is a resident with no name given.
 */
export function residentsOf(text: string): { name?: string; birthYear?: number }[] {
  return namesOf(text).map((line) => {
    const match = /^(.*?)\s*(\d{4})$/.exec(line);
    if (!match) return { name: line };
    const name = (match[1] ?? '').trim();
    return { ...(name ? { name } : {}), birthYear: Number(match[2]) };
  });
}
