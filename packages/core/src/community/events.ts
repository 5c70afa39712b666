import type { Area } from '../numbers/area.js';
import type { LocalDate } from '../time/local-date.js';
import type { AreaSource, Contact } from './types.js';

/** The payload of each community event type. Past tense: these are facts. */
export interface CommunityEventPayloads {
  'community.founded': { communityId: string; name: string };
  'building.added': { buildingId: string; name: string };
  'stairwell.added': { stairwellId: string; buildingId: string; name: string };
  'unit.added': {
    unitId: string;
    stairwellId: string;
    room: string;
    floor: number;
    area: Area;
    areaSource: AreaSource;
  };
  'unit.areaRecorded': { unitId: string; area: Area; areaSource: AreaSource };
  'owner.registered': {
    ownerId: string;
    name: string;
    kind: 'person' | 'organisation';
    developer: boolean;
    contact?: Contact;
  };
  'unit.transferred': { unitId: string; ownerIds: string[]; date: LocalDate };
  'resident.movedIn': {
    residentId: string;
    unitId: string;
    name?: string;
    birthYear?: number;
    contact?: Contact;
    date: LocalDate;
  };
  'resident.movedOut': { residentId: string; date: LocalDate };
  /** Corrected fields of an owner; absent fields are unchanged. */
  'owner.updated': { ownerId: string; name?: string; contact?: Contact };
  /** Corrected fields of a resident; absent fields are unchanged. */
  'resident.updated': { residentId: string; name?: string; birthYear?: number; contact?: Contact };
}

/** A community event type. */
export type CommunityEventType = keyof CommunityEventPayloads;

/** A community event body (type and payload), as decided from a command. */
export type CommunityEvent = {
  [K in CommunityEventType]: { readonly type: K; readonly payload: CommunityEventPayloads[K] };
}[CommunityEventType];
