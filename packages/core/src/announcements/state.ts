import { type EventHandlers, type EventOf, evolveBy } from '../decide/domain-module.js';
import type { LocalDate } from '../time/local-date.js';
import type { Announcement } from './announcement.js';

/** The announcements slice of governance state. */
export interface AnnouncementsState {
  readonly announcements: Map<string, Announcement>;
  /** Per notice, the households (unit ids) that opened it and the day each first did. */
  readonly reads: Map<string, Map<string, LocalDate>>;
  /** Whether organizers may see which households read a notice; counts only until the community says so. */
  showReaders: boolean;
}

/** An empty announcements state: no notices, counts only. */
export function emptyAnnouncementsState(): AnnouncementsState {
  return { announcements: new Map(), reads: new Map(), showReaders: false };
}

/** The payload of each announcements event type. */
export interface AnnouncementsEventPayloads {
  'announcement.posted': Announcement;
  'announcement.withdrawn': { announcementId: string; on: LocalDate; reason: string };
  'announcement.read': { announcementId: string; unitId: string; on: LocalDate };
  'announcement.readersPolicySet': { showReaders: boolean };
}

/** An announcements event body. */
export type AnnouncementsEvent = EventOf<AnnouncementsEventPayloads>;

type Evt<K extends AnnouncementsEvent['type']> = Extract<AnnouncementsEvent, { type: K }>;

/** How each announcements event changes the state, in place. */
export const announcementsEvolvers = {
  'announcement.posted': (state: AnnouncementsState, event: Evt<'announcement.posted'>) => {
    state.announcements.set(event.payload.id, event.payload);
  },
  'announcement.withdrawn': (state: AnnouncementsState, event: Evt<'announcement.withdrawn'>) => {
    const { announcementId, on, reason } = event.payload;
    const notice = state.announcements.get(announcementId);
    if (notice) state.announcements.set(announcementId, { ...notice, withdrawn: { on, reason } });
  },
  'announcement.read': (state: AnnouncementsState, event: Evt<'announcement.read'>) => {
    const { announcementId, unitId, on } = event.payload;
    let readers = state.reads.get(announcementId);
    if (!readers) {
      readers = new Map();
      state.reads.set(announcementId, readers);
    }
    // The first read stands: a replayed or repeated event never moves the day.
    if (!readers.has(unitId)) readers.set(unitId, on);
  },
  'announcement.readersPolicySet': (
    state: AnnouncementsState,
    event: Evt<'announcement.readersPolicySet'>,
  ) => {
    state.showReaders = event.payload.showReaders;
  },
} satisfies EventHandlers<AnnouncementsState, AnnouncementsEvent>;

/** Applies one announcements event, in place. */
export function evolveAnnouncements(state: AnnouncementsState, event: AnnouncementsEvent): void {
  evolveBy(announcementsEvolvers, state, event);
}
