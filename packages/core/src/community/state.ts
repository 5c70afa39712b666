import { type EventHandlers, evolveBy } from '../decide/domain-module.js';
import type { Area } from '../numbers/area.js';
import type { CommunityEvent } from './events.js';
import type { AreaSource, Building, Community, Owner, Resident, Stairwell, Unit } from './types.js';

/**
 * The community slice of governance state. Maps keep replay of a million events linear; the entity
 * objects inside are immutable and replaced on change, so a reader holding one never sees it move.
 */
export interface CommunityState {
  community: Community | null;
  readonly buildings: Map<string, Building>;
  readonly stairwells: Map<string, Stairwell>;
  readonly units: Map<string, Unit>;
  readonly owners: Map<string, Owner>;
  readonly residents: Map<string, Resident>;
  /** `stairwellId␟room` of every unit, for the duplicate-room rule. */
  readonly rooms: Set<string>;
}

/** An empty community state. */
export function emptyCommunityState(): CommunityState {
  return {
    community: null,
    buildings: new Map(),
    stairwells: new Map(),
    units: new Map(),
    owners: new Map(),
    residents: new Map(),
    rooms: new Set(),
  };
}

/** The key of a room within its stairwell. */
export function roomKey(stairwellId: string, room: string): string {
  return `${stairwellId}\u241f${room}`;
}

/** A one-source area record; a literal per source keeps object shapes stable for the JIT. */
function areaRecord(source: AreaSource, area: Area): Unit['areas'] {
  switch (source) {
    case 'registered':
      return { registered: area };
    case 'surveyed':
      return { surveyed: area };
    case 'contract':
      return { contract: area };
  }
}

const NO_OWNERSHIP: Unit['ownership'] = Object.freeze([]) as Unit['ownership'];

/**
 * A unit with new areas or ownership, as one object literal: a spread (`{ ...unit, ownership }`)
 * gave each of a million units a slow, dictionary-like copy about twice the size.
 */
function withUnit(unit: Unit, areas: Unit['areas'], ownership: Unit['ownership'] = unit.ownership): Unit {
  return {
    id: unit.id,
    stairwellId: unit.stairwellId,
    room: unit.room,
    floor: unit.floor,
    areas,
    ownership,
  };
}

function withContact<T extends object>(base: T, contact: Owner['contact']): T {
  return contact ? { ...base, contact } : base;
}

type Evt<K extends CommunityEvent['type']> = Extract<CommunityEvent, { type: K }>;

function unitAdded(state: CommunityState, event: Evt<'unit.added'>): void {
  const { unitId, room, floor, area, areaSource } = event.payload;
  // The stairwell's own id string: one copy per stairwell, not one per unit read from the log.
  const stairwellId = state.stairwells.get(event.payload.stairwellId)?.id ?? event.payload.stairwellId;
  state.units.set(unitId, {
    id: unitId,
    stairwellId,
    room,
    floor,
    areas: areaRecord(areaSource, area),
    ownership: NO_OWNERSHIP,
  });
  state.rooms.add(roomKey(stairwellId, room));
}

function unitTransferred(state: CommunityState, event: Evt<'unit.transferred'>): void {
  const unit = state.units.get(event.payload.unitId);
  if (!unit) return;
  // Owner ids are the owners' own strings, so a million units do not hold a million copies.
  const ownerIds = event.payload.ownerIds.map((id) => state.owners.get(id)?.id ?? id);
  const period = { ownerIds, from: event.payload.date };
  // concat, not [...ownership, period]: a spread leaves room for 16 more periods in every unit.
  state.units.set(unit.id, withUnit(unit, unit.areas, unit.ownership.concat([period])));
}

function residentMovedIn(state: CommunityState, event: Evt<'resident.movedIn'>): void {
  const { residentId, unitId, name, birthYear, contact, date } = event.payload;
  // The unit's own id string is kept, not the log's copy. Plain assignments, not conditional spreads: replay of a million events is this loop.
  const resident: { -readonly [K in keyof Resident]: Resident[K] } = {
    id: residentId,
    unitId: state.units.get(unitId)?.id ?? unitId,
    movedIn: date,
  };
  if (name !== undefined) resident.name = name;
  if (birthYear !== undefined) resident.birthYear = birthYear;
  if (contact !== undefined) resident.contact = contact;
  state.residents.set(residentId, resident);
}

function residentMovedOut(state: CommunityState, event: Evt<'resident.movedOut'>): void {
  const resident = state.residents.get(event.payload.residentId);
  if (!resident) return;
  const moved: { -readonly [K in keyof Resident]: Resident[K] } = {
    id: resident.id,
    unitId: resident.unitId,
    movedIn: resident.movedIn,
  };
  if (resident.name !== undefined) moved.name = resident.name;
  if (resident.birthYear !== undefined) moved.birthYear = resident.birthYear;
  if (resident.contact !== undefined) moved.contact = resident.contact;
  moved.movedOut = event.payload.date;
  state.residents.set(resident.id, moved);
}

function ownerUpdated(state: CommunityState, event: Evt<'owner.updated'>): void {
  const owner = state.owners.get(event.payload.ownerId);
  if (!owner) return;
  const { name, contact } = event.payload;
  const base = { id: owner.id, name: name ?? owner.name, kind: owner.kind, developer: owner.developer };
  state.owners.set(owner.id, withContact(base, contact ?? owner.contact));
}

function residentUpdated(state: CommunityState, event: Evt<'resident.updated'>): void {
  const resident = state.residents.get(event.payload.residentId);
  if (!resident) return;
  const { name, birthYear, contact } = event.payload;
  const updated: { -readonly [K in keyof Resident]: Resident[K] } = {
    id: resident.id,
    unitId: resident.unitId,
    movedIn: resident.movedIn,
  };
  const newName = name ?? resident.name;
  const newBirthYear = birthYear ?? resident.birthYear;
  const newContact = contact ?? resident.contact;
  if (newName !== undefined) updated.name = newName;
  if (newBirthYear !== undefined) updated.birthYear = newBirthYear;
  if (newContact !== undefined) updated.contact = newContact;
  if (resident.movedOut !== undefined) updated.movedOut = resident.movedOut;
  state.residents.set(resident.id, updated);
}

/**
 * How each community event changes the state, in place. Events are facts already checked by
 * `decide`, so nothing here can fail; an event for an unknown entity (impossible in a verified log)
 * is ignored. An event type without its handler does not compile.
 */
export const communityEvolvers = {
  'community.founded': (state: CommunityState, event: Evt<'community.founded'>) => {
    state.community = { id: event.payload.communityId, name: event.payload.name };
  },
  'building.added': (state: CommunityState, event: Evt<'building.added'>) => {
    state.buildings.set(event.payload.buildingId, { id: event.payload.buildingId, name: event.payload.name });
  },
  'stairwell.added': (state: CommunityState, event: Evt<'stairwell.added'>) => {
    const { stairwellId, buildingId, name } = event.payload;
    state.stairwells.set(stairwellId, { id: stairwellId, buildingId, name });
  },
  'unit.added': unitAdded,
  'unit.areaRecorded': (state: CommunityState, event: Evt<'unit.areaRecorded'>) => {
    const unit = state.units.get(event.payload.unitId);
    if (unit)
      state.units.set(
        unit.id,
        withUnit(unit, { ...unit.areas, [event.payload.areaSource]: event.payload.area }),
      );
  },
  'owner.registered': (state: CommunityState, event: Evt<'owner.registered'>) => {
    const { ownerId, name, kind, developer, contact } = event.payload;
    state.owners.set(ownerId, withContact({ id: ownerId, name, kind, developer }, contact));
  },
  'unit.transferred': unitTransferred,
  'resident.movedIn': residentMovedIn,
  'resident.movedOut': residentMovedOut,
  'owner.updated': ownerUpdated,
  'resident.updated': residentUpdated,
} satisfies EventHandlers<CommunityState, CommunityEvent>;

/** Applies one community event to the state, in place (see {@link communityEvolvers}). */
export function evolveCommunity(state: CommunityState, event: CommunityEvent): void {
  evolveBy(communityEvolvers, state, event);
}
