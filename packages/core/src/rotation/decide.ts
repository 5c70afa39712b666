import { unitsIn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import type { DecideContext } from '../decide/context.js';
import {
  type CommandHandler,
  type CommandHandlers,
  decideBy,
  type EntityHandler,
} from '../decide/domain-module.js';
import { chooseId } from '../decide/ids.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { ErrorCode } from '../i18n/messages.js';
import { DEFAULT_TIME_ZONE, type LocalDate } from '../time/local-date.js';
import { addDays } from './calendar.js';
import type { RotationCommand } from './commands.js';
import type { Duty } from './duty.js';
import type { RotationEvent } from './events.js';
import { parseRRule } from './recurrence.js';
import { dutyRoster } from './roster.js';
import type { RotationState } from './state.js';
import { type SwapStage, swapStage } from './swaps.js';

type Decision = Result<RotationEvent[], LinliError>;

const fail = (code: ErrorCode, path: (string | number)[] = [], params = {}): Decision =>
  err(linliError(code, path, params));

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What rotation decisions read: the community (for scopes and ages) and the rotation slice. */
export interface RotationReads {
  readonly community: CommunityState;
  readonly rotation: RotationState;
}

type Cmd<K extends RotationCommand['type']> = Extract<RotationCommand, { type: K }>;
type DutyCommand = Exclude<RotationCommand, { type: 'duty.define' }>;
type OnDuty<C extends DutyCommand> = EntityHandler<Duty, RotationReads, C, RotationEvent>;

/** Every command but defining a duty names an existing duty; this finds it before the command's own rules. */
function onDuty<C extends DutyCommand>(decideOn: OnDuty<C>): CommandHandler<RotationReads, C, RotationEvent> {
  return (reads, command, context) => {
    const duty = reads.rotation.duties.get(command.dutyId);
    if (!duty) return fail('entity.not_found', ['dutyId'], { kind: 'duty', id: command.dutyId });
    return decideOn(duty, reads, command, context);
  };
}

function member(duty: Duty, id: string, path: (string | number)[]): LinliError | null {
  return duty.members.includes(id) ? null : linliError('rotation.unknown_member', path, { memberId: id });
}

/** Changes take effect from today on: a date before today is the past, which is never rewritten. */
function notPast(date: LocalDate, path: (string | number)[], context: DecideContext): LinliError | null {
  return date < context.today ? linliError('rotation.past_edit', path, { date, today: context.today }) : null;
}

function slotOn(community: CommunityState, duty: Duty, date: LocalDate, context: DecideContext) {
  // A swap trades two turns only when the roster reaches both: computed to `date` alone, a turn a swap
  // moved from a later date would still read as its old holder's.
  let to = date;
  for (const swap of duty.swaps)
    for (const turn of [swap.first.date, swap.second.date]) if (turn > to) to = turn;
  return dutyRoster(community, duty, to, context.holidays).find((s) => s.date === date);
}

/** `memberId` holds the slot on `date`, or the error that says why not. */
function slotHolding(
  { community }: RotationReads,
  duty: Duty,
  at: { readonly date: LocalDate; readonly memberId: string },
  path: (string | number)[],
  context: DecideContext,
): LinliError | null {
  const { date, memberId } = at;
  const slot = slotOn(community, duty, date, context);
  if (!slot || slot.skipped) return linliError('rotation.not_a_slot', path, { date, duty: duty.name });
  if (!slot.assignees.includes(memberId))
    return linliError('rotation.not_their_turn', path, { date, memberId });
  return null;
}

function defineDuty(
  { community, rotation: state }: RotationReads,
  command: Cmd<'duty.define'>,
  context: DecideContext,
): Decision {
  const rule = parseRRule(command.rrule);
  if (!rule.ok) return rule;
  const timeZone = command.timeZone ?? DEFAULT_TIME_ZONE;
  if (!validZone(timeZone)) return fail('rotation.bad_time_zone', ['timeZone'], { zone: timeZone });
  const chosen = chooseId((x) => state.duties.has(x), 'duty', command.id, context);
  if (!chosen.ok) return chosen;
  const id = chosen.value;
  const members = unitsIn(community, command.scope).map((u) => u.id);
  if (members.length === 0) return fail('rotation.no_members', ['scope']);
  const duty = {
    id,
    name: command.name,
    recurrence: {
      rule: rule.value,
      start: command.start,
      ...(command.exdates ? { exdates: command.exdates } : {}),
      ...(command.rdates ? { rdates: command.rdates } : {}),
    },
    time: command.time,
    durationMinutes: command.durationMinutes,
    timeZone,
    teamSize: command.teamSize ?? 1,
    holidays: command.holidays ?? 'skip',
    policy: command.policy ?? 'leastServed',
    reentry: command.reentry ?? 'catchUp',
    scope: command.scope,
    swapNeedsApproval: command.swapNeedsApproval ?? false,
    members,
    ...(command.exemptAge === undefined ? {} : { exemptAge: command.exemptAge }),
  };
  return ok([{ type: 'duty.defined', payload: duty }]);
}

const recordAbsence: OnDuty<Cmd<'duty.absence'>> = (duty, _reads, command, context) => {
  const problem = member(duty, command.memberId, ['memberId']) ?? notPast(command.from, ['from'], context);
  if (problem) return err(problem);
  if (command.to < command.from) return fail('rotation.ends_before_start', ['to']);
  const { memberId, from, to, reason } = command;
  return ok([
    { type: 'duty.absenceRecorded', payload: { dutyId: duty.id, absence: { memberId, from, to, reason } } },
  ]);
};

const proposeSwap: OnDuty<Cmd<'duty.proposeSwap'>> = (duty, reads, command, context) => {
  const { first, second } = command;
  if (first.memberId === second.memberId) return fail('rotation.swap_with_self', ['second', 'memberId']);
  const problem =
    member(duty, first.memberId, ['first', 'memberId']) ??
    member(duty, second.memberId, ['second', 'memberId']) ??
    notPast(first.date, ['first', 'date'], context) ??
    notPast(second.date, ['second', 'date'], context) ??
    slotHolding(reads, duty, first, ['first', 'date'], context) ??
    slotHolding(reads, duty, second, ['second', 'date'], context);
  if (problem) return err(problem);
  const chosen = chooseId((x) => duty.swaps.some((s) => s.id === x), 'swap', command.id, context);
  if (!chosen.ok) return chosen;
  const id = chosen.value;
  return ok([
    {
      type: 'duty.swapProposed',
      payload: { dutyId: duty.id, swap: { id, first, second, status: 'proposed' } },
    },
  ]);
};

/** The stage each swap step needs, by command: accepting answers a request, approving an agreed swap. */
const stepFrom: Record<SwapStep['type'], readonly SwapStage[]> = {
  'duty.acceptSwap': ['acceptance'],
  'duty.approveSwap': ['approval'],
  // Saying no or taking it back ends a swap that still waits; a swap in effect stays (a cover or an
  // override changes a turn after that).
  'duty.declineSwap': ['acceptance', 'approval'],
  'duty.withdrawSwap': ['acceptance', 'approval'],
};

const eventOf = {
  'duty.acceptSwap': 'duty.swapAgreed',
  'duty.approveSwap': 'duty.swapApproved',
  'duty.declineSwap': 'duty.swapDeclined',
  'duty.withdrawSwap': 'duty.swapWithdrawn',
} as const satisfies Record<SwapStep['type'], RotationEvent['type']>;

type SwapStep = Cmd<'duty.acceptSwap' | 'duty.approveSwap' | 'duty.declineSwap' | 'duty.withdrawSwap'>;

/**
 * One step of a swap (accept, approve, decline, withdraw), allowed only from the stages
 * {@link stepFrom} names; a step that would change the past (a traded turn already gone) is refused
 * unless it only ends the swap.
 */
const settleSwap: OnDuty<SwapStep> = (duty, _reads, command, context) => {
  const swap = duty.swaps.find((s) => s.id === command.swapId);
  if (!swap) return fail('entity.not_found', ['swapId'], { kind: 'swap', id: command.swapId });
  if (!stepFrom[command.type].includes(swapStage(duty, swap)))
    return fail('rotation.swap_state', ['swapId'], { status: swap.status });
  const ends = command.type === 'duty.declineSwap' || command.type === 'duty.withdrawSwap';
  const earliest = [swap.first.date, swap.second.date].sort()[0] as LocalDate;
  const past = ends ? null : notPast(earliest, ['swapId'], context);
  if (past) return err(past);
  return ok([{ type: eventOf[command.type], payload: { dutyId: duty.id, swapId: swap.id } }]);
};

const cover: OnDuty<Cmd<'duty.cover'>> = (duty, reads, command, context) => {
  if (command.memberId === command.coverId) return fail('rotation.swap_with_self', ['coverId']);
  const problem =
    member(duty, command.memberId, ['memberId']) ??
    member(duty, command.coverId, ['coverId']) ??
    notPast(command.date, ['date'], context) ??
    slotHolding(reads, duty, command, ['date'], context);
  if (problem) return err(problem);
  const { date, memberId, coverId } = command;
  return ok([{ type: 'duty.covered', payload: { dutyId: duty.id, cover: { date, memberId, coverId } } }]);
};

const override: OnDuty<Cmd<'duty.override'>> = (duty, { community }, command, context) => {
  const past = notPast(command.date, ['date'], context);
  if (past) return err(past);
  for (const [i, m] of command.assignees.entries()) {
    const problem = member(duty, m, ['assignees', i]);
    if (problem) return err(problem);
  }
  const slot = dutyRoster(community, duty, addDays(command.date, 0), context.holidays).find(
    (s) => s.date === command.date,
  );
  if (!slot) return fail('rotation.not_a_slot', ['date'], { date: command.date, duty: duty.name });
  const { date, assignees, reason } = command;
  return ok([
    { type: 'duty.overridden', payload: { dutyId: duty.id, date, assignees: [...assignees], reason } },
  ]);
};

/** The decision for each rotation command type; a command type without one does not compile. */
export const rotationDeciders = {
  'duty.define': defineDuty,
  'duty.absence': onDuty(recordAbsence),
  'duty.proposeSwap': onDuty(proposeSwap),
  'duty.acceptSwap': onDuty(settleSwap),
  'duty.approveSwap': onDuty(settleSwap),
  'duty.declineSwap': onDuty(settleSwap),
  'duty.withdrawSwap': onDuty(settleSwap),
  'duty.cover': onDuty(cover),
  'duty.override': onDuty(override),
} satisfies CommandHandlers<RotationReads, RotationCommand, RotationEvent>;

/** Decides a validated rotation command. Changes take effect from today on; the past is never rewritten. */
export function decideRotation(
  community: CommunityState,
  state: RotationState,
  command: RotationCommand,
  context: DecideContext,
): Decision {
  return decideBy(rotationDeciders, { community, rotation: state }, command, context);
}
