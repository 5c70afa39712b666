import type { DecideContext } from '../decide/context.js';
import { type CommandHandler, type CommandHandlers, decideBy } from '../decide/domain-module.js';
import { chooseId } from '../decide/ids.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { centiSquareMetres } from '../numbers/area.js';
import type { CommunityCommand } from './commands.js';
import { compactContact } from './contact.js';
import type { CommunityEvent } from './events.js';
import { addHousehold, bornAfter, transferHousehold } from './households.js';
import { importRegister } from './import-register.js';
import { latestOwnership } from './queries.js';
import { type CommunityState, roomKey } from './state.js';
import type { Contact } from './types.js';

export type { DecideContext } from '../decide/context.js';

type Decision = Result<CommunityEvent[], LinliError>;

function notFound(kind: string, id: string, field: string): Decision {
  return err(linliError('entity.not_found', [field], { kind, id }));
}

/** What community decisions read: the community slice itself. */
export interface CommunityReads {
  readonly community: CommunityState;
}

type Cmd<K extends CommunityCommand['type']> = Extract<CommunityCommand, { type: K }>;
type Founded<C> = (state: CommunityState, command: C, context: DecideContext) => Decision;

/** Every command but founding needs a founded community; this says so before the command's own rules. */
function whenFounded<C extends CommunityCommand>(
  decideOn: Founded<C>,
): CommandHandler<CommunityReads, C, CommunityEvent> {
  return ({ community: state }, command, context) =>
    state.community ? decideOn(state, command, context) : err(linliError('community.not_founded'));
}

function found(
  { community: state }: CommunityReads,
  command: Cmd<'community.found'>,
  context: DecideContext,
): Decision {
  if (state.community)
    return err(linliError('community.already_founded', [], { name: state.community.name }));
  const communityId = command.id ?? context.newId('community');
  return ok([{ type: 'community.founded', payload: { communityId, name: command.name } }]);
}

const addBuilding: Founded<Cmd<'building.add'>> = (state, command, context) => {
  const id = chooseId((id) => state.buildings.has(id), 'building', command.id, context);
  if (!id.ok) return id;
  return ok([{ type: 'building.added', payload: { buildingId: id.value, name: command.name } }]);
};

const addStairwell: Founded<Cmd<'stairwell.add'>> = (state, command, context) => {
  if (!state.buildings.has(command.buildingId)) return notFound('building', command.buildingId, 'buildingId');
  const id = chooseId((id) => state.stairwells.has(id), 'stairwell', command.id, context);
  if (!id.ok) return id;
  return ok([
    {
      type: 'stairwell.added',
      payload: { stairwellId: id.value, buildingId: command.buildingId, name: command.name },
    },
  ]);
};

const addUnit: Founded<Cmd<'unit.add'>> = (state, command, context) => {
  if (!state.stairwells.has(command.stairwellId))
    return notFound('stairwell', command.stairwellId, 'stairwellId');
  if (state.rooms.has(roomKey(command.stairwellId, command.room))) {
    return err(linliError('unit.duplicate_room', ['room'], { room: command.room }));
  }
  const id = chooseId((id) => state.units.has(id), 'unit', command.id, context);
  if (!id.ok) return id;
  const { stairwellId, room, floor, areaSource } = command;
  const area = centiSquareMetres(command.area);
  return ok([
    { type: 'unit.added', payload: { unitId: id.value, stairwellId, room, floor, area, areaSource } },
  ]);
};

const recordArea: Founded<Cmd<'unit.recordArea'>> = (state, command) => {
  if (!state.units.has(command.unitId)) return notFound('unit', command.unitId, 'unitId');
  const area = centiSquareMetres(command.area);
  return ok([
    { type: 'unit.areaRecorded', payload: { unitId: command.unitId, area, areaSource: command.areaSource } },
  ]);
};

const registerOwner: Founded<Cmd<'owner.register'>> = (state, command, context) => {
  const id = chooseId((id) => state.owners.has(id), 'owner', command.id, context);
  if (!id.ok) return id;
  const payload = {
    ownerId: id.value,
    name: command.name,
    kind: command.kind,
    developer: command.developer ?? false,
    ...(command.contact ? { contact: compactContact(command.contact) } : {}),
  };
  return ok([{ type: 'owner.registered', payload }]);
};

const transferUnit: Founded<Cmd<'unit.transfer'>> = (state, command, context) => {
  const unit = state.units.get(command.unitId);
  if (!unit) return notFound('unit', command.unitId, 'unitId');
  const seen = new Set<string>();
  for (const [i, ownerId] of command.ownerIds.entries()) {
    if (seen.has(ownerId))
      return err(linliError('ownership.duplicate_owner', ['ownerIds', i], { id: ownerId }));
    if (!state.owners.has(ownerId)) return notFound('owner', ownerId, 'ownerIds');
    seen.add(ownerId);
  }
  const date = command.date ?? context.today;
  const latest = latestOwnership(unit);
  if (latest && date < latest.from) {
    return err(linliError('ownership.out_of_order', ['date'], { date, latest: latest.from }));
  }
  return ok([
    { type: 'unit.transferred', payload: { unitId: unit.id, ownerIds: [...command.ownerIds], date } },
  ]);
};

const moveIn: Founded<Cmd<'resident.moveIn'>> = (state, command, context) => {
  if (!state.units.has(command.unitId)) return notFound('unit', command.unitId, 'unitId');
  const id = chooseId((id) => state.residents.has(id), 'resident', command.id, context);
  if (!id.ok) return id;
  const payload = {
    residentId: id.value,
    unitId: command.unitId,
    date: command.date ?? context.today,
    ...(command.name === undefined ? {} : { name: command.name }),
    ...(command.birthYear === undefined ? {} : { birthYear: command.birthYear }),
    ...(command.contact === undefined ? {} : { contact: compactContact(command.contact) }),
  };
  return ok([{ type: 'resident.movedIn', payload }]);
};

const moveOut: Founded<Cmd<'resident.moveOut'>> = (state, command, context) => {
  const resident = state.residents.get(command.residentId);
  if (!resident) return notFound('resident', command.residentId, 'residentId');
  if (resident.movedOut) {
    return err(linliError('resident.already_moved_out', ['residentId'], { date: resident.movedOut }));
  }
  const date = command.date ?? context.today;
  if (date < resident.movedIn) {
    return err(linliError('resident.move_out_before_move_in', ['date'], { date, movedIn: resident.movedIn }));
  }
  return ok([{ type: 'resident.movedOut', payload: { residentId: resident.id, date } }]);
};

const sameContact = (a: Contact | undefined, b: Contact): boolean =>
  (a?.phone ?? '') === (b.phone ?? '') && (a?.note ?? '') === (b.note ?? '');

/** The fields of a correction that differ from what is recorded: only those go into the event. */
function changedFields(
  recorded: { readonly name?: string; readonly birthYear?: number; readonly contact?: Contact },
  edit: {
    name?: string | undefined;
    birthYear?: number | undefined;
    contact?: { phone?: string | undefined; note?: string | undefined } | undefined;
  },
): { name?: string; birthYear?: number; contact?: Contact } {
  const contact = edit.contact && compactContact(edit.contact);
  return {
    ...(edit.name !== undefined && edit.name !== recorded.name ? { name: edit.name } : {}),
    ...(edit.birthYear !== undefined && edit.birthYear !== recorded.birthYear
      ? { birthYear: edit.birthYear }
      : {}),
    ...(contact && !sameContact(recorded.contact, contact) ? { contact } : {}),
  };
}

/** A correction that changes nothing is refused, so the log never records an edit that is not one. */
const noChange = (kind: string, id: string): Decision => err(linliError('edit.no_change', [], { kind, id }));

const updateOwner: Founded<Cmd<'owner.update'>> = (state, command) => {
  const owner = state.owners.get(command.ownerId);
  if (!owner) return notFound('owner', command.ownerId, 'ownerId');
  const changed = changedFields(owner, { name: command.name, contact: command.contact });
  if (Object.keys(changed).length === 0) return noChange('owner', owner.id);
  return ok([{ type: 'owner.updated', payload: { ownerId: owner.id, ...changed } }]);
};

const updateResident: Founded<Cmd<'resident.update'>> = (state, command) => {
  const resident = state.residents.get(command.residentId);
  if (!resident) return notFound('resident', command.residentId, 'residentId');
  const tooLate = bornAfter(command.birthYear, resident.movedIn, ['birthYear']);
  if (tooLate) return err(tooLate);
  const changed = changedFields(resident, command);
  if (Object.keys(changed).length === 0) return noChange('resident', resident.id);
  return ok([{ type: 'resident.updated', payload: { residentId: resident.id, ...changed } }]);
};

/** The decision for each community command type; a command type without one does not compile. */
export const communityDeciders = {
  'community.found': found,
  'building.add': whenFounded(addBuilding),
  'stairwell.add': whenFounded(addStairwell),
  'unit.add': whenFounded(addUnit),
  'unit.recordArea': whenFounded(recordArea),
  'owner.register': whenFounded(registerOwner),
  'unit.transfer': whenFounded(transferUnit),
  'resident.moveIn': whenFounded(moveIn),
  'resident.moveOut': whenFounded(moveOut),
  'register.import': whenFounded(importRegister),
  'owner.update': whenFounded(updateOwner),
  'resident.update': whenFounded(updateResident),
  'household.add': whenFounded(addHousehold),
  'household.transfer': whenFounded(transferHousehold),
} satisfies CommandHandlers<CommunityReads, CommunityCommand, CommunityEvent>;

/**
 * Decides a validated community command against the current state: the events it produces, or the
 * rule it breaks. Pure: reads state, never changes it.
 */
export function decideCommunity(
  state: CommunityState,
  command: CommunityCommand,
  context: DecideContext,
): Decision {
  return decideBy(communityDeciders, { community: state }, command, context);
}
