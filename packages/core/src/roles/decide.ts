import type { CommunityState } from '../community/state.js';
import type { DecideContext } from '../decide/context.js';
import { type CommandHandlers, decideBy } from '../decide/domain-module.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
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
  contact?: string,
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
        ...(contact === undefined ? {} : { sharedContact: contact }),
      },
    });
  }
  return ok(events);
}

/** What roles decisions read: the community (for buildings), voting (for elections) and the roles slice. */
export interface RolesReads {
  readonly community: CommunityState;
  readonly voting: VotingState;
  readonly roles: RolesState;
}

type Cmd<K extends RolesCommand['type']> = Extract<RolesCommand, { type: K }>;
type Decide<C> = (reads: RolesReads, command: C, context: DecideContext) => Decision;

/** A term id no term has yet. */
function termIds(state: RolesState, context: DecideContext): () => string {
  return () => {
    let id = context.newId('term');
    while (state.terms.has(id)) id = context.newId('term');
    return id;
  };
}

function findRole(state: RolesState, roleId: string): Result<RoleDefinition, LinliError> {
  const role = state.roles.get(roleId);
  return role ? ok(role) : err(linliError('entity.not_found', ['roleId'], { kind: 'role', id: roleId }));
}

const defineRoles: Decide<Cmd<'role.define' | 'role.defineStandard'>> = (
  { community, roles: state },
  command,
  context,
) => {
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
};

const appoint: Decide<Cmd<'role.appoint'>> = ({ roles: state }, command, context) => {
  const role = findRole(state, command.roleId);
  if (!role.ok) return role;
  const id = command.id;
  const from = command.from ?? context.today;
  const source = { kind: 'appointment', reason: command.reason } as const;
  return startTerms(
    state,
    role.value,
    [command.holder],
    from,
    source,
    id ? () => id : termIds(state, context),
    command.contact,
  );
};

/** The roles state as it is once `term` has ended on `date`: what the incoming holder's term is checked against. */
function withTermEnded(state: RolesState, term: Term, date: LocalDate): RolesState {
  const terms = new Map(state.terms);
  terms.set(term.id, { ...term, endedOn: date });
  return { roles: state.roles, terms };
}

const handover: Decide<Cmd<'role.handover'>> = ({ roles: state }, command, context) => {
  const term = state.terms.get(command.termId);
  if (!term) return fail('entity.not_found', ['termId'], { kind: 'term', id: command.termId });
  const role = findRole(state, term.roleId);
  if (!role.ok) return role;
  const date = command.date ?? context.today;
  if (!termActiveOn(term, date)) return fail('role.term_not_active', ['termId'], { date });
  if (term.holder === command.holder)
    return fail('role.already_holds', ['holder'], { holder: command.holder });
  const after = withTermEnded(state, term, date);
  const id = command.id;
  const started = startTerms(
    after,
    role.value,
    [command.holder],
    date,
    { kind: 'handover', fromTermId: term.id, reason: command.reason },
    id ? () => id : termIds(state, context),
    command.contact,
  );
  if (!started.ok) return started;
  return ok([
    { type: 'role.termEnded', payload: { termId: term.id, endedOn: date, reason: command.reason } },
    ...started.value,
  ]);
};

const contactConsent: Decide<Cmd<'role.shareContact' | 'role.withdrawContact'>> = (
  { roles: state },
  command,
  context,
) => {
  const term = state.terms.get(command.termId);
  if (!term) return fail('entity.not_found', ['termId'], { kind: 'term', id: command.termId });
  // A past holder's contact is never given out again, so consent to share it is refused.
  if (command.type === 'role.shareContact' && (term.endedOn ?? term.until) <= context.today)
    return fail('role.term_not_active', ['termId'], { date: context.today });
  return ok([
    command.type === 'role.shareContact'
      ? { type: 'role.contactShared', payload: { termId: term.id, contact: command.contact } }
      : { type: 'role.contactWithdrawn', payload: { termId: term.id } },
  ]);
};

const appointFromMotion: Decide<Cmd<'role.appointFromMotion'>> = (
  { voting, roles: state },
  command,
  context,
) => {
  const role = findRole(state, command.roleId);
  if (!role.ok) return role;
  const motion = voting.motions.get(command.motionId)?.motion;
  if (!motion) return fail('entity.not_found', ['motionId'], { kind: 'motion', id: command.motionId });
  // An election drafted for one role cannot seat its winners in another (its voters chose for that one).
  if (motion.electsRole !== undefined && motion.electsRole !== role.value.id) {
    const elected = state.roles.get(motion.electsRole);
    return fail('role.motion_for_other_role', ['roleId'], {
      role: elected?.name['zh-CN'] ?? motion.electsRole,
    });
  }
  if (motion.status !== 'closed' || motion.result?.outcome !== 'passed') {
    return fail('role.motion_not_decided', ['motionId'], {
      outcome: motion.result?.outcome ?? motion.status,
    });
  }
  const labels = new Map(motion.options.map((o) => [o.id, o.label]));
  const winners = motion.result.winners.map((w) => labels.get(w) ?? w);
  const from = command.from ?? context.today;
  const source = { kind: 'motion', motionId: motion.id } as const;
  return startTerms(
    state,
    role.value,
    winners.slice(0, role.value.seats),
    from,
    source,
    termIds(state, context),
  );
};

const resign: Decide<Cmd<'role.resign'>> = ({ roles: state }, command, context) => {
  const term = state.terms.get(command.termId);
  if (!term) return fail('entity.not_found', ['termId'], { kind: 'term', id: command.termId });
  const date = command.date ?? context.today;
  if (!termActiveOn(term, date)) return fail('role.term_not_active', ['termId'], { date });
  return ok([
    { type: 'role.termEnded', payload: { termId: term.id, endedOn: date, reason: command.reason } },
  ]);
};

/** The decision for each roles command type; a command type without one does not compile. */
export const rolesDeciders = {
  'role.define': defineRoles,
  'role.defineStandard': defineRoles,
  'role.appoint': appoint,
  'role.appointFromMotion': appointFromMotion,
  'role.resign': resign,
  'role.handover': handover,
  'role.shareContact': contactConsent,
  'role.withdrawContact': contactConsent,
} satisfies CommandHandlers<RolesReads, RolesCommand, RolesEvent>;

/** Decides a validated roles command. */
export function decideRoles(
  community: CommunityState,
  state: RolesState,
  voting: VotingState,
  command: RolesCommand,
  context: DecideContext,
): Decision {
  return decideBy(rolesDeciders, { community, voting, roles: state }, command, context);
}

function freshRoleId(state: RolesState, context: DecideContext): string {
  let id = context.newId('role');
  while (state.roles.has(id)) id = context.newId('role');
  return id;
}
