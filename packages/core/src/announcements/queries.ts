import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { type Announcement, householdsInScope, isActiveOn } from './announcement.js';
import type { AnnouncementsState } from './state.js';

/** The notices up on `date` (not withdrawn, not expired), newest first: what the published view carries. */
export function activeAnnouncements(state: AnnouncementsState, date: LocalDate): Announcement[] {
  // Newest first; notices posted in the same instant keep the log's order, the later one first.
  return [...state.announcements.values()]
    .reverse()
    .filter((n) => isActiveOn(n, date))
    .sort((a, b) => (a.postedAt === b.postedAt ? 0 : a.postedAt < b.postedAt ? 1 : -1));
}

/** A household that read a notice, as organizers see it where the community allows. */
export interface NoticeReader {
  readonly unitId: string;
  readonly room: string;
  readonly buildingId: string;
  /** The day it first opened the notice. */
  readonly on: LocalDate;
}

/** How far a notice has reached: for organizers only, never published. */
export interface NoticeReads {
  readonly announcementId: string;
  readonly title: string;
  /** Households the notice is for (units in its scope today). */
  readonly households: number;
  /** Households that opened it, each counted once. */
  readonly read: number;
  /** Which households, only when the community lets organizers see them; absent otherwise. */
  readonly readers?: readonly NoticeReader[];
}

/**
 * Every notice's read count (and readers, when `state.showReaders`), in posting order. A pure query
 * over the state for the organizers' console; the published view never carries any of it.
 */
export function announcementReads(community: CommunityState, state: AnnouncementsState): NoticeReads[] {
  return [...state.announcements.values()].map((notice) => {
    const reads = state.reads.get(notice.id) ?? new Map<string, LocalDate>();
    const base = {
      announcementId: notice.id,
      title: notice.title,
      households: householdsInScope(community, notice.scope),
      read: reads.size,
    };
    if (!state.showReaders) return base;
    const readers = [...reads].map(([unitId, on]) => {
      const unit = community.units.get(unitId);
      const buildingId = (unit && community.stairwells.get(unit.stairwellId)?.buildingId) ?? '';
      return { unitId, room: unit?.room ?? unitId, buildingId, on };
    });
    return { ...base, readers };
  });
}
