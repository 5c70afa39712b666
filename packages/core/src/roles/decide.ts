import type { CommunityState } from '../community/state.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { DecideContext } from '../governance/context.js';
import type { ErrorCode } from '../i18n/messages.js';
import type { LocalDate } from '../time/local-date.js';
import type { VotingState } from '../voting/state.js';
import type { RolesCommand } from './commands.js';
import { addMonths, oneHeadFiveSpecialists, type RoleDefinition, type Term, termActiveOn } from './roles.js';
import type { RolesEvent, RolesState } from './state.js';

type Decision = Result<RolesEvent[], LinliError>;
const fail = (code: ErrorCode, path: (string | number)[] = [], params = {}): Decision =>
  err(linliError(code, path, params));

/** How many terms in a row `holder` has held `role` up to a new term starting `from`. */
function consecutiveTerms(state: RolesState, role: RoleDefinition, holder: string, from: LocalDate): number {
  const mine = [...state.terms.values()]
    .filter((t) => t.roleId === role.id && t.holder === holder && t.from < from)
    .sort((a, b) => (a.from < b.from ? 1 : -1));
  let count = 0;
  let next = from;
  for (const t of mine) {
    // Consecutive: the earlier term ran up to (or into) the start of the next one.
    if ((t.endedOn ?? t.until) < next) break;
    count++;
    next = t.from;
  }
  return count;
}

function startTerms(
  state: RolesState,
  role: RoleDefinition,
  holders: readonly string[],
  from: LocalDate,
  source: Term['source'],
  newId: () => string,
): Decision {
  const active = [...state.terms.values()].filter((t) => t.roleId === role.id && termActiveOn(t, from));
  if (active.length + holders.length > role.seats)
    return fail('role.no_vacancy', ['roleId'], { role: role.name['zh-CN'], seats: role.seats });
  const events: RolesEvent[] = [];
  for (const holder of holders) {
    if (active.some((t) => t.holder === holder)) return fail('role.already_holds', ['holder'], { holder });
    if (role.termLimit !== undefined && consecutiveTerms(state, role, holder, from) >= role.termLimit) {
      return fail('role.term_limit', ['holder'], { holder, limit: role.termLimit });
    }
    events.push({
      type: 'role.termStarted',
      payload: {
        id: newId(),
        roleId: role.id,
        holder,
        from,
        until: addMonths(from, role.termMonths),
        source,
      },
    });
  }
  return ok(events);
}

/** Decides a validated roles command. */
export function decideRoles(
  community: CommunityState,
  state: RolesState,
  voting: VotingState,
  command: RolesCommand,
  context: DecideContext,
): Decision {
  const newId = () => {
    let id = context.newId('term');
    while (state.terms.has(id)) id = context.newId('term');
    return id;
  };
  switch (command.type) {
    case 'role.define':
    case 'role.defineStandard': {
      if (!community.buildings.has(command.buildingId))
        return fail('entity.not_found', ['buildingId'], { kind: 'building', id: command.buildingId });
      const defs: RoleDefinition[] =
        command.type === 'role.define'
          ? [
              {
                id: command.id ?? freshRoleId(state, context),
                buildingId: command.buildingId,
                name: command.name,
                termMonths: command.termMonths,
                seats: command.seats ?? 1,
                ...(command.termLimit === undefined ? {} : { termLimit: command.termLimit }),
              },
            ]
          : oneHeadFiveSpecialists.map((r) => ({
              id: `${command.buildingId}-${r.key}`,
              buildingId: command.buildingId,
              name: r.name,
              termMonths: command.termMonths,
              seats: 1,
              ...(command.termLimit === undefined ? {} : { termLimit: command.termLimit }),
            }));
      for (const d of defs)
        if (state.roles.has(d.id)) return fail('entity.duplicate_id', ['id'], { kind: 'role', id: d.id });
      return ok(defs.map((payload) => ({ type: 'role.defined', payload })));
    }
    case 'role.appoint': {
      const role = state.roles.get(command.roleId);
      if (!role) return fail('entity.not_found', ['roleId'], { kind: 'role', id: command.roleId });
      const id = command.id;
      return startTerms(
        state,
        role,
        [command.holder],
        command.from ?? context.today,
        { kind: 'appointment', reason: command.reason },
        id ? () => id : newId,
      );
    }
    case 'role.appointFromMotion': {
      const role = state.roles.get(command.roleId);
      if (!role) return fail('entity.not_found', ['roleId'], { kind: 'role', id: command.roleId });
      const motion = voting.motions.get(command.motionId)?.motion;
      if (!motion) return fail('entity.not_found', ['motionId'], { kind: 'motion', id: command.motionId });
      if (motion.status !== 'closed' || motion.result?.outcome !== 'passed') {
        return fail('role.motion_not_decided', ['motionId'], {
          outcome: motion.result?.outcome ?? motion.status,
        });
      }
      const labels = new Map(motion.options.map((o) => [o.id, o.label]));
      const winners = motion.result.winners.map((w) => labels.get(w) ?? w);
      return startTerms(
        state,
        role,
        winners.slice(0, role.seats),
        command.from ?? context.today,
        { kind: 'motion', motionId: motion.id },
        newId,
      );
    }
    case 'role.resign': {
      const term = state.terms.get(command.termId);
      if (!term) return fail('entity.not_found', ['termId'], { kind: 'term', id: command.termId });
      const date = command.date ?? context.today;
      if (!termActiveOn(term, date)) return fail('role.term_not_active', ['termId'], { date });
      return ok([
        { type: 'role.termEnded', payload: { termId: term.id, endedOn: date, reason: command.reason } },
      ]);
    }
  }
}

function freshRoleId(state: RolesState, context: DecideContext): string {
  let id = context.newId('role');
  while (state.roles.has(id)) id = context.newId('role');
  return id;
}
