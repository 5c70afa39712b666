import type { Area } from '../numbers/area.js';
import type { LocalDate } from '../time/local-date.js';
import type { CommunityState } from './state.js';
import {
  AREA_SOURCE_PRIORITY,
  type AreaSource,
  type OwnershipPeriod,
  type Resident,
  type Unit,
} from './types.js';

/** Which units a question is about: the whole community, one building, one stairwell, or named units. */
export type Scope =
  | { readonly kind: 'community' }
  | { readonly kind: 'building'; readonly id: string }
  | { readonly kind: 'stairwell'; readonly id: string }
  | { readonly kind: 'units'; readonly ids: readonly string[] };

/** The most recent ownership period of a unit, if any. */
export function latestOwnership(unit: Unit): OwnershipPeriod | undefined {
  return unit.ownership.at(-1);
}

/** The owners of `unit` on `date` (or now, when omitted): the last period that started on or before it. */
export function ownersOn(unit: Unit, date?: LocalDate): readonly string[] {
  if (date === undefined) return latestOwnership(unit)?.ownerIds ?? [];
  for (let i = unit.ownership.length - 1; i >= 0; i--) {
    const period = unit.ownership[i] as OwnershipPeriod;
    if (period.from <= date) return period.ownerIds;
  }
  return [];
}

/**
 * The unit's exclusive area in law: the registered figure, else the surveyed one, else the one in
 * the sale contract (SPC interpretation on building ownership, Art. 8).
 */
export function effectiveArea(unit: Unit): { readonly area: Area; readonly source: AreaSource } {
  for (const source of AREA_SOURCE_PRIORITY) {
    const area = unit.areas[source];
    if (area !== undefined) return { area, source };
  }
  // unit.added always records one figure, so this is unreachable for units from a log.
  throw new Error(`unit ${unit.id} has no area`);
}

/** The units in `scope`, in the order they were added. */
export function unitsIn(state: CommunityState, scope: Scope): Unit[] {
  const all = [...state.units.values()];
  switch (scope.kind) {
    case 'community':
      return all;
    case 'stairwell':
      return all.filter((u) => u.stairwellId === scope.id);
    case 'building':
      return all.filter((u) => state.stairwells.get(u.stairwellId)?.buildingId === scope.id);
    case 'units': {
      const wanted = new Set(scope.ids);
      return all.filter((u) => wanted.has(u.id));
    }
  }
}

/** Whether a resident lived in their unit on `date` (moved in on or before it, not yet moved out). */
export function livesThereOn(resident: Resident, date: LocalDate): boolean {
  return resident.movedIn <= date && (resident.movedOut === undefined || resident.movedOut > date);
}

/** The residents of `unitId` on `date`. */
export function residentsOn(state: CommunityState, unitId: string, date: LocalDate): Resident[] {
  const out: Resident[] = [];
  for (const r of state.residents.values()) if (r.unitId === unitId && livesThereOn(r, date)) out.push(r);
  return out;
}

/** The households (户) of `scope` on `date`: units with at least one resident, with those residents. */
export function householdsOn(
  state: CommunityState,
  scope: Scope,
  date: LocalDate,
): { readonly unit: Unit; readonly residents: readonly Resident[] }[] {
  const byUnit = new Map<string, Resident[]>();
  for (const r of state.residents.values()) {
    if (!livesThereOn(r, date)) continue;
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  return unitsIn(state, scope).flatMap((unit) => {
    const residents = byUnit.get(unit.id);
    return residents ? [{ unit, residents }] : [];
  });
}
