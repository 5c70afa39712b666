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
import type { BudgetSelection } from '../funds/participatory.js';
import { checkFunding, resolveFunding, selectProjects } from './budget-selection.js';
import type { VotingCommand } from './commands.js';
import { drawDecides } from './early-close.js';
import { freezeElectorate } from './electorate.js';
import type { VotingEvent } from './events.js';
import { drawLotterySecret, lotterySeed } from './lottery.js';
import { checkMethodDefinition, readBallot } from './methods/registry.js';
import {
  type Amendment,
  amendmentStatus,
  type Ballot,
  type Motion,
  type MotionDefinition,
} from './motion.js';
import { actsForOrganizer } from './office.js';
import { checkCaster, voterNamed, voterOnRoll } from './roll.js';
import { checkRuleFits } from './rule-fit.js';
import { type DecisionRule, rulePresets } from './rules.js';
import { MIN_SECRET_ROLL, measureSecrecy } from './secrecy.js';
import type { MotionState, VotingState } from './state.js';
import { type Tally, tallyMotion } from './tally.js';

type Decision = Result<VotingEvent[], LinliError>;
type DraftCommand = Extract<VotingCommand, { type: 'motion.draft' }>;
type CastCommand = Extract<VotingCommand, { type: 'ballot.cast' }>;

const fail = (
  code: Parameters<typeof linliError>[0],
  path: (string | number)[] = [],
  params = {},
): Decision => err(linliError(code, path, params));

type DraftInput = Omit<DraftCommand, 'type' | 'id'>;

function resolveRule(rule: DraftInput['rule']): Result<DecisionRule, LinliError> {
  if (typeof rule !== 'string') {
    const { noBlock, ...rest } = rule;
    return ok(noBlock === undefined ? rest : { ...rest, noBlock });
  }
  const preset = (rulePresets as Record<string, DecisionRule>)[rule];
  return preset ? ok(preset) : err(linliError('motion.unknown_rule', ['rule'], { rule }));
}

/** Builds a definition from a draft command, or from a draft and a revision. */
function definitionFrom(input: DraftInput): Result<MotionDefinition, LinliError> {
  const rule = resolveRule(input.rule);
  if (!rule.ok) return rule;
  const body = input.body ?? '';
  const definition: MotionDefinition = {
    title: input.title,
    body,
    kind: input.kind,
    options: (input.options ?? []).map(({ id, label, cost }) =>
      cost === undefined ? { id, label } : { id, label, cost },
    ),
    allowBlock: input.allowBlock ?? false,
    scope: input.scope,
    basis: input.basis,
    rule: rule.value,
    mustConsent: input.mustConsent ?? [],
    secrecy: input.secrecy ?? 'public',
    showVoters: input.showVoters ?? true,
    allowChange: input.allowChange ?? true,
    proxyCap: input.proxyCap ?? 3,
    tieBreak: input.tieBreak ?? 'report',
    closesAt: input.closesAt,
    ...(input.method === undefined ? {} : { method: input.method }),
    ...(input.minChoices === undefined ? {} : { minChoices: input.minChoices }),
    ...(input.maxChoices === undefined ? {} : { maxChoices: input.maxChoices }),
    ...(input.seats === undefined ? {} : { seats: input.seats }),
    ...(input.budget === undefined ? {} : { budget: input.budget }),
    ...(input.funding === undefined ? {} : { funding: resolveFunding(input.funding) }),
    ...(input.minAge === undefined ? {} : { minAge: input.minAge }),
    ...(input.customWeights === undefined ? {} : { customWeights: input.customWeights }),
    ...(input.opensAt === undefined ? {} : { opensAt: input.opensAt }),
    ...(input.paperCheck === 'twoPerson' ? { paperCheck: input.paperCheck } : {}),
    ...(input.amendableBy === undefined ? {} : { amendableBy: input.amendableBy }),
    ...(input.electsRole === undefined ? {} : { electsRole: input.electsRole }),
  };
  return ok(definition);
}

/** The structural rules every definition must meet, whatever the state. */
function checkDefinition(d: MotionDefinition, community: CommunityState): LinliError | null {
  const k = d.options.length;
  if (d.kind === 'proposal' && k > 0) return linliError('motion.options_not_allowed', ['options']);
  if (d.kind !== 'proposal' && k < 2) return linliError('motion.options_required', ['options']);
  const seen = new Set<string>();
  for (const [i, o] of d.options.entries()) {
    if (seen.has(o.id)) return linliError('motion.duplicate_option', ['options', i, 'id'], { id: o.id });
    seen.add(o.id);
  }
  const methodError = checkMethodDefinition(d) ?? checkFunding(d);
  if (methodError) return methodError;
  const ruleError = checkRuleFits(d);
  if (ruleError) return ruleError;
  // Whether a named unit consented is its owner's ballot: no secret motion can publish that.
  if (d.secrecy === 'secret' && d.mustConsent.length > 0)
    return linliError('motion.secret_with_consent', ['secrecy']);
  if (d.mustConsent.length > 0) {
    const inScope = new Set(unitsIn(community, d.scope).map((u) => u.id));
    for (const [i, unitId] of d.mustConsent.entries()) {
      if (!inScope.has(unitId))
        return linliError('motion.consent_unit_not_in_scope', ['mustConsent', i], { unitId });
    }
  }
  if (d.opensAt !== undefined && Date.parse(d.opensAt) >= Date.parse(d.closesAt)) {
    return linliError('motion.closes_before_opens', ['closesAt']);
  }
  return null;
}

function findMotion(voting: VotingState, motionId: string): Result<MotionState, LinliError> {
  const entry = voting.motions.get(motionId);
  return entry
    ? ok(entry)
    : err(linliError('entity.not_found', ['motionId'], { kind: 'motion', id: motionId }));
}

/** Voting is possible: the motion is open and its deadline has not passed. */
function checkOpen(m: Motion, now: Date): LinliError | null {
  if (m.status !== 'open') return linliError('motion.not_open', ['motionId'], { status: m.status });
  if (now.getTime() >= Date.parse(m.closesAt))
    return linliError('motion.past_deadline', ['motionId'], { closesAt: m.closesAt });
  return null;
}

/** What voting decisions read: the community (for scopes and rolls) and the voting slice. */
export interface VotingReads {
  readonly community: CommunityState;
  readonly voting: VotingState;
}

type Cmd<K extends VotingCommand['type']> = Extract<VotingCommand, { type: K }>;
type MotionCommand = Exclude<VotingCommand, { type: 'motion.draft' }>;
type OnMotion<C extends MotionCommand> = EntityHandler<MotionState, VotingReads, C, VotingEvent>;

/** Every command but a draft names an existing motion; this finds it before the command's own rules. */
function onMotion<C extends MotionCommand>(
  decideOn: OnMotion<C>,
): CommandHandler<VotingReads, C, VotingEvent> {
  return (reads, command, context) => {
    const found = findMotion(reads.voting, command.motionId);
    return found.ok ? decideOn(found.value, reads, command, context) : found;
  };
}

function draftMotion(
  { community, voting }: VotingReads,
  command: Cmd<'motion.draft'>,
  context: DecideContext,
): Decision {
  const { type: _type, id: requested, ...input } = command;
  const definition = definitionFrom(input);
  if (!definition.ok) return definition;
  const problem = checkDefinition(definition.value, community);
  if (problem) return err(problem);
  const chosen = chooseId((id) => voting.motions.has(id), 'motion', requested, context);
  if (!chosen.ok) return chosen;
  const motionId = chosen.value;
  return ok([
    {
      type: 'motion.drafted',
      payload: { motionId, organizer: context.actor, definition: definition.value },
    },
  ]);
}

const reviseMotion: OnMotion<Cmd<'motion.revise'>> = ({ motion: m }, { community }, command) => {
  if (m.status !== 'draft') return fail('motion.not_draft', ['motionId']);
  const { type: _type, motionId: _id, ...changes } = command;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  // The stored definition has the draft command's shape (its rule already resolved), so the
  // revision is the draft with the given fields replaced, checked again from scratch.
  const definition = definitionFrom({ ...m, ...defined } as unknown as DraftInput);
  if (!definition.ok) return definition;
  const problem = checkDefinition(definition.value, community);
  if (problem) return err(problem);
  return ok([{ type: 'motion.revised', payload: { motionId: m.id, definition: definition.value } }]);
};

const proposeAmendment: OnMotion<Cmd<'motion.proposeAmendment'>> = (
  { motion: m },
  { community },
  command,
  context,
) => {
  if (m.status !== 'draft') return fail('motion.not_draft', ['motionId']);
  const proposer = checkProposer(m, community, command, context);
  if (proposer) return err(proposer);
  const amendmentId = chooseId(
    (id) => m.amendments.some((a) => a.id === id),
    'amendment',
    command.id,
    context,
  );
  if (!amendmentId.ok) return amendmentId;
  const payload = {
    motionId: m.id,
    amendmentId: amendmentId.value,
    text: command.text,
    proposedBy: context.actor,
    ...(command.note === undefined ? {} : { note: command.note }),
    ...(command.voterId === undefined ? {} : { voterId: command.voterId }),
  };
  return ok([{ type: 'motion.amendmentProposed', payload }]);
};

/**
 * Who may propose: the organizers' office always; anyone else only as a voter the draft would have if
 * it opened today, and only where it is open to its electorate. A named voter must be on that roll
 * whoever sends it, so the history never credits a proposal to someone who could not vote on it.
 */
function checkProposer(
  m: Motion,
  community: CommunityState,
  command: Cmd<'motion.proposeAmendment'>,
  context: DecideContext,
): LinliError | null {
  const organizer = actsForOrganizer(context.actor, m.organizer);
  if (!organizer && (m.amendableBy !== 'electorate' || command.voterId === undefined))
    return linliError('motion.amendments_closed', ['motionId']);
  if (command.voterId === undefined) return null;
  const roll = freezeElectorate(community, m, context.today);
  if (voterNamed({ electorate: roll }, command.voterId) === undefined)
    return linliError('ballot.not_eligible', ['voterId'], { voterId: command.voterId });
  return null;
}

/** The pending amendment an organizer decides on, or why it cannot be decided. */
function pendingAmendment(m: Motion, amendmentId: string, actor: string): Result<Amendment, LinliError> {
  if (m.status !== 'draft') return err(linliError('motion.not_draft', ['motionId']));
  if (!actsForOrganizer(actor, m.organizer)) return err(linliError('auth.forbidden', ['motionId']));
  const amendment = m.amendments.find((a) => a.id === amendmentId);
  if (!amendment)
    return err(linliError('entity.not_found', ['amendmentId'], { kind: 'amendment', id: amendmentId }));
  const status = amendmentStatus(amendment);
  if (status !== 'pending') return err(linliError('motion.amendment_decided', ['amendmentId'], { status }));
  return ok(amendment);
}

const acceptAmendment: OnMotion<Cmd<'motion.acceptAmendment'>> = (
  { motion: m },
  _reads,
  command,
  context,
) => {
  const found = pendingAmendment(m, command.amendmentId, context.actor);
  if (!found.ok) return found;
  return ok([
    { type: 'motion.amendmentAccepted', payload: { motionId: m.id, amendmentId: command.amendmentId } },
  ]);
};

const rejectAmendment: OnMotion<Cmd<'motion.rejectAmendment'>> = (
  { motion: m },
  _reads,
  command,
  context,
) => {
  const found = pendingAmendment(m, command.amendmentId, context.actor);
  if (!found.ok) return found;
  const { amendmentId, reason } = command;
  const payload = { motionId: m.id, amendmentId, ...(reason === undefined ? {} : { reason }) };
  return ok([{ type: 'motion.amendmentRejected', payload }]);
};

const openMotion: OnMotion<Cmd<'motion.open'>> = ({ motion: m }, { community }, _command, context) => {
  if (m.status !== 'draft') return fail('motion.not_draft', ['motionId']);
  // A proposal is decided before the vote, never dropped unseen: its proposer reads accepted or rejected.
  const pending = m.amendments.filter((a) => amendmentStatus(a) === 'pending').length;
  if (pending > 0) return fail('motion.amendments_pending', ['motionId'], { count: pending });
  if (m.opensAt !== undefined && context.now.getTime() < Date.parse(m.opensAt)) {
    return fail('motion.not_yet_openable', ['motionId'], { opensAt: m.opensAt });
  }
  if (context.now.getTime() >= Date.parse(m.closesAt)) {
    return fail('motion.past_deadline', ['motionId'], { closesAt: m.closesAt });
  }
  const electorate = freezeElectorate(community, m, context.today);
  if (electorate.length === 0) return fail('motion.empty_electorate', ['motionId']);
  if (m.secrecy === 'secret' && electorate.length < MIN_SECRET_ROLL)
    return fail('motion.roll_exposes_ballot', ['motionId'], { voters: electorate.length });
  const lottery = drawLotterySecret(context.random);
  const payload = { motionId: m.id, date: context.today, electorate, lottery };
  return ok([
    {
      type: 'motion.opened',
      payload: m.secrecy === 'secret' ? { ...payload, secrecy: measureSecrecy(electorate) } : payload,
    },
  ]);
};

const closeMotion: OnMotion<Cmd<'motion.close'>> = (entry, _reads, _command, context) => {
  const m = entry.motion;
  if (m.status !== 'open') return fail('motion.not_open', ['motionId'], { status: m.status });
  const early = context.now.getTime() < Date.parse(m.closesAt);
  if (early && !actsForOrganizer(context.actor, m.organizer))
    return fail('motion.not_organizer', ['motionId'], { closesAt: m.closesAt });
  // Counted as if closed now. The lottery draws on the salt committed at open and the final
  // ballots; a motion opened before salts existed keeps its old seed, the head at close.
  const salt = entry.lotterySalt;
  const seed = salt === undefined ? context.head.hash : lotterySeed(salt, [...entry.ballots.values()]);
  const closing: MotionState = { ...entry, motion: { ...m, status: 'closed' } };
  const tally = tallyMotion(closing, { now: context.now, seed, reveal: true });
  // The organizer's log holds the salt, so choosing the moment of an early close would choose the
  // draw. A lottery therefore settles only a set of ballots the organizer did not time: all of
  // them (nobody left to vote, nobody able to change), or whatever stands at the deadline.
  // A budget's ties are broken by its own documented rules, never by the lottery.
  const settable = tally.votedVoters < tally.eligibleVoters || m.allowChange;
  if (early && settable && !m.funding && drawDecides(closing, tally, context.now))
    return fail('motion.lottery_needs_deadline', ['motionId'], { closesAt: m.closesAt });
  const selection = selectProjects(m, [...entry.ballots.values()]);
  const outcome = selection
    ? budgetOutcome(tally.outcome, selection)
    : tally.outcome === 'pending'
      ? 'failed'
      : tally.outcome;
  const unconfirmed = [...entry.pendingPapers.values()].map((b) => ({
    voterId: b.voterId,
    paperRef: b.paper?.reference ?? '',
  }));
  const result = {
    outcome,
    winners: selection ? [...selection.funded] : [...tally.winners],
    ...(selection ? { selection } : {}),
    seed,
    ...(salt === undefined ? {} : { lotterySalt: salt }),
    ...(unconfirmed.length === 0 ? {} : { unconfirmedPapers: unconfirmed }),
    ...(m.kind === 'proposal' && m.body !== '' && outcome === 'passed' ? { adoptedText: m.body } : {}),
  };
  return ok([{ type: 'motion.closed', payload: { motionId: m.id, early, result } }]);
};

/**
 * A budget passes when its rule's checks (participation) pass and it funds at least one project; a
 * tie among the most approved options means nothing to a budget, so it counts as passing.
 */
function budgetOutcome(ruled: Tally['outcome'], selection: BudgetSelection): 'passed' | 'failed' {
  return ruled !== 'failed' && ruled !== 'pending' && selection.funded.length > 0 ? 'passed' : 'failed';
}

const extendMotion: OnMotion<Cmd<'motion.extend'>> = ({ motion: m }, _reads, command, context) => {
  if (m.status !== 'open') return fail('motion.not_open', ['motionId'], { status: m.status });
  if (!actsForOrganizer(context.actor, m.organizer)) return fail('auth.forbidden', ['motionId']);
  // Past the deadline the result is known: moving it then would let the organizer steer the outcome.
  if (context.now.getTime() >= Date.parse(m.closesAt))
    return fail('motion.past_deadline', ['motionId'], { closesAt: m.closesAt });
  if (Date.parse(command.closesAt) <= Date.parse(m.closesAt))
    return fail('motion.extend_not_later', ['closesAt'], { closesAt: m.closesAt });
  const payload = { motionId: m.id, closesAt: command.closesAt, previous: m.closesAt };
  return ok([{ type: 'motion.extended', payload }]);
};

const cancelMotion: OnMotion<Cmd<'motion.cancel'>> = ({ motion: m }, _reads, command, context) => {
  if (m.status !== 'draft' && m.status !== 'open')
    return fail('motion.not_cancellable', ['motionId'], { status: m.status });
  if (!actsForOrganizer(context.actor, m.organizer)) return fail('auth.forbidden', ['motionId']);
  const payload = { motionId: m.id, ...(command.reason === undefined ? {} : { reason: command.reason }) };
  return ok([{ type: 'motion.cancelled', payload }]);
};

const grantProxy: OnMotion<Cmd<'proxy.grant'>> = (entry, _reads, command, context) => {
  const m = entry.motion;
  const closed = checkOpen(m, context.now);
  if (closed) return err(closed);
  const voter = voterOnRoll(entry, command.voterId);
  if (!voter) return fail('ballot.not_eligible', ['voterId'], { voterId: command.voterId });
  const active = [...entry.proxies.values()].filter((p) => !p.revoked);
  if (active.some((p) => p.voterId === voter.id)) return fail('proxy.duplicate', ['voterId']);
  if (active.filter((p) => p.holder === command.holder).length >= m.proxyCap) {
    return fail('proxy.cap_reached', ['holder'], { holder: command.holder, cap: m.proxyCap });
  }
  const chosen = chooseId((id) => entry.proxies.has(id), 'proxy', command.id, context);
  if (!chosen.ok) return chosen;
  const proxyId = chosen.value;
  const { holder, paperRef, scanRef } = command;
  const payload = {
    motionId: m.id,
    proxyId,
    voterId: voter.id,
    holder,
    paperRef,
    ...(scanRef === undefined ? {} : { scanRef }),
  };
  return ok([{ type: 'proxy.granted', payload }]);
};

const revokeProxy: OnMotion<Cmd<'proxy.revoke'>> = (entry, _reads, command) => {
  const proxy = entry.proxies.get(command.proxyId);
  if (!proxy) return fail('entity.not_found', ['proxyId'], { kind: 'proxy', id: command.proxyId });
  if (proxy.revoked) return fail('proxy.revoked', ['proxyId']);
  if (entry.ballots.has(proxy.voterId)) return fail('proxy.already_used', ['proxyId']);
  return ok([{ type: 'proxy.revoked', payload: { motionId: entry.motion.id, proxyId: proxy.id } }]);
};

const castBallot: OnMotion<CastCommand> = (entry, _reads, command, context) => {
  const m = entry.motion;
  const closed = checkOpen(m, context.now);
  if (closed) return err(closed);
  const voter = voterOnRoll(entry, command.voterId);
  if (!voter) return fail('ballot.not_eligible', ['voterId'], { voterId: command.voterId });
  const refused = checkCaster(m, voter, command, context.actor);
  if (refused) return err(refused);
  if (entry.ballots.has(voter.id) && !m.allowChange) return fail('ballot.already_cast', ['voterId']);
  if (command.paperRef !== undefined && entry.pendingPapers.has(voter.id))
    return fail('ballot.paper_pending', ['voterId'], { voterId: voter.id });
  if (command.proxyId !== undefined) {
    const proxy = entry.proxies.get(command.proxyId);
    if (!proxy) return fail('entity.not_found', ['proxyId'], { kind: 'proxy', id: command.proxyId });
    if (proxy.voterId !== voter.id) return fail('proxy.not_for_voter', ['proxyId']);
    if (proxy.revoked) return fail('proxy.revoked', ['proxyId']);
  }
  const choice = readBallot(m, command);
  if (!choice.ok) return choice;
  const ballot: Omit<Ballot, 'revision'> = {
    voterId: voter.id,
    ...(voter.members.includes(command.voterId) ? { member: command.voterId } : {}),
    choice: choice.value,
    channel: command.paperRef !== undefined ? 'paper' : command.proxyId !== undefined ? 'proxy' : 'direct',
    castBy: context.actor,
    at: context.now.toISOString(),
    ...(command.proxyId === undefined ? {} : { proxyId: command.proxyId }),
    ...(command.paperRef === undefined
      ? {}
      : { paper: { reference: command.paperRef, official: context.actor } }),
  };
  if (ballot.paper && m.paperCheck === 'twoPerson')
    return ok([{ type: 'ballot.paperEntered', payload: { motionId: m.id, ballot } }]);
  return ok([{ type: 'ballot.cast', payload: { motionId: m.id, ballot } }]);
};

/** The pending paper a confirmation or rejection names, on an open motion, by a person of the office. */
function pendingPaper(
  entry: MotionState,
  command: Cmd<'ballot.confirmPaper'> | Cmd<'ballot.rejectPaper'>,
  context: DecideContext,
): Result<Omit<Ballot, 'revision'>, LinliError> {
  const m = entry.motion;
  const closed = checkOpen(m, context.now);
  if (closed) return err(closed);
  if (!actsForOrganizer(context.actor, m.organizer)) return err(linliError('auth.forbidden', ['motionId']));
  const voter = voterOnRoll(entry, command.voterId);
  const pending = voter && entry.pendingPapers.get(voter.id);
  if (pending?.paper?.reference !== command.paperRef)
    return err(linliError('ballot.no_pending_paper', ['paperRef'], { paperRef: command.paperRef }));
  return ok(pending);
}

/**
 * A pending paper confirmed by a second person: the same ballot, cast now, naming who checked it, so
 * it counts exactly as if it had been entered directly. The person who entered it cannot be the
 * second check, and a household that voted meanwhile on a motion that allows no change keeps that vote.
 */
const confirmPaper: OnMotion<Cmd<'ballot.confirmPaper'>> = (entry, _reads, command, context) => {
  const found = pendingPaper(entry, command, context);
  if (!found.ok) return found;
  const pending = found.value;
  if (pending.castBy === context.actor)
    return fail('ballot.self_confirmation', ['paperRef'], { paperRef: command.paperRef });
  if (entry.ballots.has(pending.voterId) && !entry.motion.allowChange)
    return fail('ballot.already_cast', ['voterId']);
  const paper = { reference: command.paperRef, official: pending.castBy, checkedBy: context.actor };
  const ballot = { ...pending, at: context.now.toISOString(), paper };
  return ok([{ type: 'ballot.cast', payload: { motionId: entry.motion.id, ballot } }]);
};

const rejectPaper: OnMotion<Cmd<'ballot.rejectPaper'>> = (entry, _reads, command, context) => {
  const found = pendingPaper(entry, command, context);
  if (!found.ok) return found;
  const payload = { motionId: entry.motion.id, voterId: found.value.voterId, paperRef: command.paperRef };
  return ok([{ type: 'ballot.paperRejected', payload }]);
};

/**
 * A paper ballot withdrawn: only the voter's live ballot, only a paper one with the named reference,
 * and only a first ballot — withdrawing a paper that replaced an earlier ballot would drop that one
 * too, since the live ballot is all the state keeps.
 */
const withdrawBallot: OnMotion<Cmd<'ballot.withdraw'>> = (entry, _reads, command, context) => {
  const m = entry.motion;
  const closed = checkOpen(m, context.now);
  if (closed) return err(closed);
  if (!actsForOrganizer(context.actor, m.organizer)) return fail('auth.forbidden', ['motionId']);
  const voter = voterOnRoll(entry, command.voterId);
  if (!voter) return fail('ballot.not_eligible', ['voterId'], { voterId: command.voterId });
  const ballot = entry.ballots.get(voter.id);
  if (ballot?.paper?.reference !== command.paperRef || ballot.revision !== 1)
    return fail('ballot.not_withdrawable', ['paperRef'], { paperRef: command.paperRef });
  const payload = { motionId: m.id, voterId: voter.id, paperRef: command.paperRef };
  return ok([{ type: 'ballot.withdrawn', payload }]);
};

/** The decision for each voting command type; a command type without one does not compile. */
export const votingDeciders = {
  'motion.draft': draftMotion,
  'motion.revise': onMotion(reviseMotion),
  'motion.proposeAmendment': onMotion(proposeAmendment),
  'motion.acceptAmendment': onMotion(acceptAmendment),
  'motion.rejectAmendment': onMotion(rejectAmendment),
  'motion.open': onMotion(openMotion),
  'motion.close': onMotion(closeMotion),
  'motion.extend': onMotion(extendMotion),
  'motion.cancel': onMotion(cancelMotion),
  'proxy.grant': onMotion(grantProxy),
  'proxy.revoke': onMotion(revokeProxy),
  'ballot.cast': onMotion(castBallot),
  'ballot.withdraw': onMotion(withdrawBallot),
  'ballot.confirmPaper': onMotion(confirmPaper),
  'ballot.rejectPaper': onMotion(rejectPaper),
} satisfies CommandHandlers<VotingReads, VotingCommand, VotingEvent>;

/** Decides a validated voting command: the events it produces or the rule it breaks. Pure. */
export function decideVoting(
  community: CommunityState,
  voting: VotingState,
  command: VotingCommand,
  context: DecideContext,
): Decision {
  return decideBy(votingDeciders, { community, voting }, command, context);
}
