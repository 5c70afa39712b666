import { type DomainModule, eventTypesOf } from '../decide/domain-module.js';
import { announcementsCommandSchemas } from './commands.js';
import { type AnnouncementsReads, announcementsDeciders } from './decide.js';
import { activeAnnouncements, announcementReads } from './queries.js';
import {
  type AnnouncementsEvent,
  type AnnouncementsState,
  announcementsEvolvers,
  emptyAnnouncementsState,
} from './state.js';

const announcementsQueries = { activeAnnouncements, announcementReads } as const;

/** Notices (公告) in the one shape governance composes: posts, withdrawals, reads and the readers policy. */
export const announcementsModule: DomainModule<
  'announcements',
  AnnouncementsState,
  AnnouncementsReads,
  typeof announcementsCommandSchemas,
  AnnouncementsEvent,
  typeof announcementsQueries
> = {
  key: 'announcements',
  commands: announcementsCommandSchemas,
  events: eventTypesOf(announcementsEvolvers),
  decide: announcementsDeciders,
  evolve: announcementsEvolvers,
  initial: emptyAnnouncementsState,
  queries: announcementsQueries,
};
