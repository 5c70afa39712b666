import { type Governance, type LinliError, linliError, type Motion, type Voter } from '@linli/core';

/** A unit as the paper form finds it: its id, building and the room written on the door. */
export interface RoomEntry {
  readonly unitId: string;
  readonly buildingId: string;
  readonly room: string;
}

/** What a typed room number names on a motion's paper form. */
export type RoomMatch =
  | { readonly kind: 'none' }
  /** The room exists in several buildings and no building is chosen yet. */
  | { readonly kind: 'ambiguous'; readonly buildings: readonly string[] }
  /** One unit; `voter` is the roll's voter that holds it, absent when the unit is not on the roll. */
  | { readonly kind: 'unit'; readonly unit: RoomEntry; readonly voter?: Voter };

/** Room numbers as typed on paper: full-width digits and stray spaces are common, `0602` is `602`. */
export function normalizeRoom(typed: string): string {
  const halfWidth = typed.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return halfWidth.replace(/\s+/g, '').replace(/^0+(?=\d)/, '');
}

/** Whether the same room number is on more than one building's doors (then a building is chosen first). */
export function roomsRepeat(units: readonly RoomEntry[]): boolean {
  const seen = new Map<string, string>();
  for (const u of units) {
    const room = normalizeRoom(u.room);
    const first = seen.get(room);
    if (first !== undefined && first !== u.buildingId) return true;
    seen.set(room, u.buildingId);
  }
  return false;
}

/**
 * The unit a typed room names (in `building` when one is chosen) and the voter of `motion`'s frozen
 * roll that holds it. Which voter holds a unit is the roll's answer (`unitIds`), never recomputed here.
 */
export function findRoom(
  units: readonly RoomEntry[],
  motion: Pick<Motion, 'electorate'>,
  typed: string,
  building?: string,
): RoomMatch {
  const match = findUnit(units, typed, building);
  if (match.kind !== 'unit') return match;
  const voter = motion.electorate.find((v) => v.unitIds.includes(match.unit.unitId));
  return voter ? { ...match, voter } : match;
}

/** The unit a typed room names (in `building` when one is chosen), as any form that takes a room looks it up. */
export function findUnit(units: readonly RoomEntry[], typed: string, building?: string): RoomMatch {
  const room = normalizeRoom(typed);
  if (room === '') return { kind: 'none' };
  const found = units.filter(
    (u) => normalizeRoom(u.room) === room && (building === undefined || u.buildingId === building),
  );
  const [unit] = found;
  if (!unit) return { kind: 'none' };
  if (found.length > 1) return { kind: 'ambiguous', buildings: [...new Set(found.map((u) => u.buildingId))] };
  return { kind: 'unit', unit };
}

/** Every unit of the replica's community, as the paper forms look rooms up. */
export function roomsOf(gov: Pick<Governance, 'read'>): RoomEntry[] {
  return gov.read((s) =>
    [...s.community.units.values()].map((u) => ({
      unitId: u.id,
      buildingId: s.community.stairwells.get(u.stairwellId)?.buildingId ?? '',
      room: u.room,
    })),
  );
}

/** The buildings of the replica's community, by id, with the names residents use. */
export function buildingsOf(gov: Pick<Governance, 'read'>): { id: string; name: string }[] {
  return gov.read((s) => [...s.community.buildings.values()].map((b) => ({ id: b.id, name: b.name })));
}

/** A unit as the forms name it: `9号楼 602` when the community has several buildings, else `602`. */
export function roomLabel(gov: Pick<Governance, 'read'>, unitId: string): string {
  return gov.read((s) => {
    const unit = s.community.units.get(unitId);
    if (!unit) return unitId;
    if (s.community.buildings.size < 2) return unit.room;
    const building = s.community.buildings.get(
      s.community.stairwells.get(unit.stairwellId)?.buildingId ?? '',
    );
    return building ? `${building.name} ${unit.room}` : unit.room;
  });
}

/**
 * The core's refusal with the units and voters it names as rooms (`u…` → `101室` / `Room 101`): the same
 * typed error re-rendered from its code and params, so the words stay the core's and only the names
 * are the ones on the doors.
 */
export function withRoomNames(
  error: LinliError,
  gov: Pick<Governance, 'read'>,
  motion: Pick<Motion, 'electorate'>,
): LinliError {
  const unitOf = (id: string): string | undefined => {
    if (gov.read((s) => s.community.units.has(id))) return id;
    return motion.electorate.find((v) => v.id === id)?.unitIds[0];
  };
  let renamed = false;
  const params: Record<string, string | number> = { ...error.params };
  for (const key of ['holder', 'voterId']) {
    const value = params[key];
    const unit = typeof value === 'string' ? unitOf(value) : undefined;
    if (unit === undefined) continue;
    params[key] = roomLabel(gov, unit);
    renamed = true;
  }
  return renamed ? linliError(error.code, [...error.path], params) : error;
}
