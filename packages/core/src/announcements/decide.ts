import type { CommunityState } from '../community/state.js';
import type { DecideContext } from '../decide/context.js';
import type { CommandHandlers } from '../decide/domain-module.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { Announcement } from './announcement.js';
import { unitInScope } from './announcement.js';
import type { AnnouncementsCommand } from './commands.js';
import type { AnnouncementsEvent, AnnouncementsState } from './state.js';

type Decision = Result<AnnouncementsEvent[], LinliError>;

/** What announcement decisions read: the community (buildings, stairwells, units) and their own slice. */
export interface AnnouncementsReads {
  readonly community: CommunityState;
  readonly announcements: AnnouncementsState;
}

type Cmd<K extends AnnouncementsCommand['type']> = Extract<AnnouncementsCommand, { type: K }>;
type Decide<C> = (reads: AnnouncementsReads, command: C, context: DecideContext) => Decision;

function scopeError(community: CommunityState, scope: Cmd<'announcement.post'>['scope']): LinliError | null {
  if (scope.kind === 'building' && !community.buildings.has(scope.id))
    return linliError('entity.not_found', ['scope', 'id'], { kind: 'building', id: scope.id });
  if (scope.kind === 'stairwell' && !community.stairwells.has(scope.id))
    return linliError('entity.not_found', ['scope', 'id'], { kind: 'stairwell', id: scope.id });
  return null;
}

const post: Decide<Cmd<'announcement.post'>> = ({ community, announcements }, command, context) => {
  const scoped = scopeError(community, command.scope);
  if (scoped) return err(scoped);
  if (command.expiresOn !== undefined && command.expiresOn < context.today)
    return err(
      linliError('announcement.expired_on_post', ['expiresOn'], {
        expiresOn: command.expiresOn,
        today: context.today,
      }),
    );
  let id = command.id ?? context.newId('notice');
  if (command.id !== undefined && announcements.announcements.has(id))
    return err(linliError('entity.duplicate_id', ['id'], { kind: 'announcement', id }));
  while (announcements.announcements.has(id)) id = context.newId('notice');
  const payload: Announcement = {
    id,
    title: command.title,
    body: command.body,
    scope: command.scope,
    postedOn: context.today,
    postedAt: context.now.toISOString(),
    ...(command.expiresOn === undefined ? {} : { expiresOn: command.expiresOn }),
    ...(command.attachments === undefined ? {} : { attachments: command.attachments }),
  };
  return ok([{ type: 'announcement.posted', payload }]);
};

function findNotice(state: AnnouncementsState, id: string): Result<Announcement, LinliError> {
  const notice = state.announcements.get(id);
  return notice
    ? ok(notice)
    : err(linliError('entity.not_found', ['announcementId'], { kind: 'announcement', id }));
}

const withdraw: Decide<Cmd<'announcement.withdraw'>> = ({ announcements }, command, context) => {
  const found = findNotice(announcements, command.announcementId);
  if (!found.ok) return found;
  if (found.value.withdrawn)
    return err(linliError('announcement.withdrawn', ['announcementId'], { title: found.value.title }));
  return ok([
    {
      type: 'announcement.withdrawn',
      payload: { announcementId: command.announcementId, on: context.today, reason: command.reason },
    },
  ]);
};

const markRead: Decide<Cmd<'announcement.markRead'>> = ({ community, announcements }, command, context) => {
  const found = findNotice(announcements, command.announcementId);
  if (!found.ok) return found;
  const notice = found.value;
  if (notice.withdrawn)
    return err(linliError('announcement.withdrawn', ['announcementId'], { title: notice.title }));
  if (!community.units.has(command.unitId))
    return err(linliError('entity.not_found', ['unitId'], { kind: 'unit', id: command.unitId }));
  if (!unitInScope(community, notice.scope, command.unitId))
    return err(linliError('announcement.not_in_scope', ['unitId'], { title: notice.title }));
  // Idempotent: a household that already read it records nothing, so a count is of households.
  if (announcements.reads.get(notice.id)?.has(command.unitId)) return ok([]);
  return ok([
    {
      type: 'announcement.read',
      payload: { announcementId: notice.id, unitId: command.unitId, on: context.today },
    },
  ]);
};

const setReadersPolicy: Decide<Cmd<'announcement.setReadersPolicy'>> = ({ announcements }, command) =>
  announcements.showReaders === command.showReaders
    ? ok([])
    : ok([{ type: 'announcement.readersPolicySet', payload: { showReaders: command.showReaders } }]);

/** The decision for each announcements command. */
export const announcementsDeciders = {
  'announcement.post': post,
  'announcement.withdraw': withdraw,
  'announcement.markRead': markRead,
  'announcement.setReadersPolicy': setReadersPolicy,
} satisfies CommandHandlers<AnnouncementsReads, AnnouncementsCommand, AnnouncementsEvent>;
