import type { DecideContext } from '../decide/context.js';
import { chooseId } from '../decide/ids.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { centiSquareMetres } from '../numbers/area.js';
import type { LocalDate } from '../time/local-date.js';
import type { CommunityCommand } from './commands.js';
import { compactContact } from './contact.js';
import type { CommunityEvent } from './events.js';
import { latestOwnership } from './queries.js';
import { type CommunityState, roomKey } from './state.js';

type Decision = Result<CommunityEvent[], LinliError>;
type Cmd<K extends CommunityCommand['type']> = Extract<CommunityCommand, { type: K }>;
type OwnerRef = Cmd<'household.add'>['owners'][number];

/** Ids drawn for one command's new entities: never one the state or an earlier draw holds. */
function idSource(context: DecideContext) {
  const drawn = new Set<string>();
  return (kind: string, taken: (id: string) => boolean): string => {
    let id = context.newId(kind);
    while (taken(id) || drawn.has(id)) id = context.newId(kind);
    drawn.add(id);
    return id;
  };
}

/**
 * The owner ids of a household form, registering the new ones: the `owner.registered` events go into
 * `events`. An unknown or repeated id is the first refusal found, with its path under `owners`.
 */
function resolveOwners(
  state: CommunityState,
  owners: readonly OwnerRef[],
  newId: ReturnType<typeof idSource>,
  events: CommunityEvent[],
): Result<string[], LinliError> {
  const ids: string[] = [];
  for (const [i, ref] of owners.entries()) {
    if ('ownerId' in ref) {
      if (!state.owners.has(ref.ownerId))
        return err(
          linliError('entity.not_found', ['owners', i, 'ownerId'], { kind: 'owner', id: ref.ownerId }),
        );
      if (ids.includes(ref.ownerId))
        return err(linliError('ownership.duplicate_owner', ['owners', i], { id: ref.ownerId }));
      ids.push(ref.ownerId);
      continue;
    }
    const ownerId = newId('owner', (id) => state.owners.has(id));
    const contact = ref.contact && compactContact(ref.contact);
    events.push({
      type: 'owner.registered',
      payload: {
        ownerId,
        name: ref.name,
        kind: ref.kind ?? 'person',
        developer: false,
        ...(contact && Object.keys(contact).length > 0 ? { contact } : {}),
      },
    });
    ids.push(ownerId);
  }
  return ok(ids);
}

/** A birth year after the move-in is a typo the rota's age rules would act on: refused. */
export function bornAfter(
  birthYear: number | undefined,
  movedIn: LocalDate,
  path: (string | number)[],
): LinliError | null {
  return birthYear !== undefined && birthYear > Number(movedIn.slice(0, 4))
    ? linliError('resident.born_after_move_in', path, { birthYear, movedIn })
    : null;
}

/** Decides `household.add`: the unit, its new owners, the transfer to them and the move-ins, as one batch. */
export function addHousehold(
  state: CommunityState,
  command: Cmd<'household.add'>,
  context: DecideContext,
): Decision {
  if (!state.stairwells.has(command.stairwellId))
    return err(
      linliError('entity.not_found', ['stairwellId'], { kind: 'stairwell', id: command.stairwellId }),
    );
  if (state.rooms.has(roomKey(command.stairwellId, command.room)))
    return err(linliError('unit.duplicate_room', ['room'], { room: command.room }));
  const ownedFrom = command.ownedFrom ?? context.today;
  const movedIn = command.movedIn ?? ownedFrom;
  const residents = command.residents ?? [];
  for (const [i, r] of residents.entries()) {
    const problem = bornAfter(r.birthYear, movedIn, ['residents', i, 'birthYear']);
    if (problem) return err(problem);
  }
  const unitId = chooseId((id) => state.units.has(id), 'unit', command.id, context);
  if (!unitId.ok) return unitId;
  const newId = idSource(context);
  const { stairwellId, room, floor } = command;
  const events: CommunityEvent[] = [
    {
      type: 'unit.added',
      payload: {
        unitId: unitId.value,
        stairwellId,
        room,
        floor,
        area: centiSquareMetres(command.area),
        areaSource: command.areaSource ?? 'registered',
      },
    },
  ];
  const ownerIds = resolveOwners(state, command.owners, newId, events);
  if (!ownerIds.ok) return ownerIds;
  events.push({
    type: 'unit.transferred',
    payload: { unitId: unitId.value, ownerIds: ownerIds.value, date: ownedFrom },
  });
  for (const r of residents) {
    const contact = r.contact && compactContact(r.contact);
    events.push({
      type: 'resident.movedIn',
      payload: {
        residentId: newId('resident', (id) => state.residents.has(id)),
        unitId: unitId.value,
        date: movedIn,
        ...(r.name === undefined ? {} : { name: r.name }),
        ...(r.birthYear === undefined ? {} : { birthYear: r.birthYear }),
        ...(contact && Object.keys(contact).length > 0 ? { contact } : {}),
      },
    });
  }
  return ok(events);
}

/** Decides `household.transfer`: new owners registered and the unit transferred to all of them, or nothing. */
export function transferHousehold(
  state: CommunityState,
  command: Cmd<'household.transfer'>,
  context: DecideContext,
): Decision {
  const unit = state.units.get(command.unitId);
  if (!unit) return err(linliError('entity.not_found', ['unitId'], { kind: 'unit', id: command.unitId }));
  const date = command.date ?? context.today;
  const latest = latestOwnership(unit);
  if (latest && date < latest.from)
    return err(linliError('ownership.out_of_order', ['date'], { date, latest: latest.from }));
  const events: CommunityEvent[] = [];
  const ownerIds = resolveOwners(state, command.owners, idSource(context), events);
  if (!ownerIds.ok) return ownerIds;
  events.push({ type: 'unit.transferred', payload: { unitId: unit.id, ownerIds: ownerIds.value, date } });
  return ok(events);
}
