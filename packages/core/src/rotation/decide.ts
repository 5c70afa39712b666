import { unitsIn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { DecideContext } from '../governance/context.js';
import { chooseId } from '../governance/ids.js';
import type { ErrorCode } from '../i18n/messages.js';
import { DEFAULT_TIME_ZONE, type LocalDate } from '../time/local-date.js';
import { addDays } from './calendar.js';
import type { RotationCommand } from './commands.js';
import type { Duty } from './duty.js';
import type { RotationEvent } from './events.js';
import { parseRRule } from './recurrence.js';
import { dutyRoster } from './roster.js';
import type { RotationState } from './state.js';

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

/** Decides a validated rotation command. Changes take effect from today on; the past is never rewritten. */
export function decideRotation(
  community: CommunityState,
  state: RotationState,
  command: RotationCommand,
  context: DecideContext,
): Decision {
  if (command.type === 'duty.define') {
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

  const duty = state.duties.get(command.dutyId);
  if (!duty) return fail('entity.not_found', ['dutyId'], { kind: 'duty', id: command.dutyId });
  const member = (id: string, path: (string | number)[]) =>
    duty.members.includes(id) ? null : linliError('rotation.unknown_member', path, { memberId: id });
  const notPast = (date: LocalDate, path: (string | number)[]) =>
    date < context.today ? linliError('rotation.past_edit', path, { date, today: context.today }) : null;
  const roster = (to: LocalDate) => dutyRoster(community, duty, to, context.holidays);
  const slotHolding = (d: Duty, date: LocalDate, memberId: string, path: (string | number)[]) => {
    const slot = roster(date).find((s) => s.date === date);
    if (!slot || slot.skipped) return linliError('rotation.not_a_slot', path, { date, duty: d.name });
    if (!slot.assignees.includes(memberId))
      return linliError('rotation.not_their_turn', path, { date, memberId });
    return null;
  };

  switch (command.type) {
    case 'duty.absence': {
      const problem = member(command.memberId, ['memberId']) ?? notPast(command.from, ['from']);
      if (problem) return err(problem);
      if (command.to < command.from) return fail('rotation.ends_before_start', ['to']);
      const { memberId, from, to, reason } = command;
      return ok([
        {
          type: 'duty.absenceRecorded',
          payload: { dutyId: duty.id, absence: { memberId, from, to, reason } },
        },
      ]);
    }
    case 'duty.proposeSwap': {
      const { first, second } = command;
      if (first.memberId === second.memberId) return fail('rotation.swap_with_self', ['second', 'memberId']);
      const problem =
        member(first.memberId, ['first', 'memberId']) ??
        member(second.memberId, ['second', 'memberId']) ??
        notPast(first.date, ['first', 'date']) ??
        notPast(second.date, ['second', 'date']) ??
        slotHolding(duty, first.date, first.memberId, ['first', 'date']) ??
        slotHolding(duty, second.date, second.memberId, ['second', 'date']);
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
    }
    case 'duty.acceptSwap':
    case 'duty.approveSwap': {
      const swap = duty.swaps.find((s) => s.id === command.swapId);
      if (!swap) return fail('entity.not_found', ['swapId'], { kind: 'swap', id: command.swapId });
      const wanted = command.type === 'duty.acceptSwap' ? 'proposed' : 'agreed';
      if (swap.status !== wanted) return fail('rotation.swap_state', ['swapId'], { status: swap.status });
      if (command.type === 'duty.approveSwap' && !duty.swapNeedsApproval)
        return fail('rotation.swap_state', ['swapId'], { status: swap.status });
      const earliest = [swap.first.date, swap.second.date].sort()[0] as LocalDate;
      const past = notPast(earliest, ['swapId']);
      if (past) return err(past);
      return ok([
        {
          type: command.type === 'duty.acceptSwap' ? 'duty.swapAgreed' : 'duty.swapApproved',
          payload: { dutyId: duty.id, swapId: swap.id },
        },
      ]);
    }
    case 'duty.cover': {
      if (command.memberId === command.coverId) return fail('rotation.swap_with_self', ['coverId']);
      const problem =
        member(command.memberId, ['memberId']) ??
        member(command.coverId, ['coverId']) ??
        notPast(command.date, ['date']) ??
        slotHolding(duty, command.date, command.memberId, ['date']);
      if (problem) return err(problem);
      const { date, memberId, coverId } = command;
      return ok([{ type: 'duty.covered', payload: { dutyId: duty.id, cover: { date, memberId, coverId } } }]);
    }
    case 'duty.override': {
      const past = notPast(command.date, ['date']);
      if (past) return err(past);
      for (const [i, m] of command.assignees.entries()) {
        const problem = member(m, ['assignees', i]);
        if (problem) return err(problem);
      }
      const slot = roster(addDays(command.date, 0)).find((s) => s.date === command.date);
      if (!slot) return fail('rotation.not_a_slot', ['date'], { date: command.date, duty: duty.name });
      const { date, assignees, reason } = command;
      return ok([
        { type: 'duty.overridden', payload: { dutyId: duty.id, date, assignees: [...assignees], reason } },
      ]);
    }
  }
}
