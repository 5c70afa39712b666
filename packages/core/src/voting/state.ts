import { type EventHandler, type EventHandlers, evolveBy } from '../decide/domain-module.js';
import type { LoggedEvent } from '../log/event.js';
import { allocateColumns, type BallotColumns, writeBallot } from './columns.js';
import type { VotingEvent } from './events.js';
import type { Ballot, Motion, ProxyAuthorization } from './motion.js';

/** One motion with its live ballots and proxies. */
export interface MotionState {
  motion: Motion;
  /** Voter id → position in `motion.electorate` and in the columns. */
  readonly voterIndex: Map<string, number>;
  /** Member id (co-owner, resident) → position of the voter it belongs to. */
  readonly memberIndex: Map<string, number>;
  /** The live ballot of each voter who has voted (earlier ones stay in the log). */
  readonly ballots: Map<string, Ballot>;
  readonly proxies: Map<string, ProxyAuthorization>;
  /**
   * `twoPerson` motions: paper ballots entered and waiting for a second organizer's check, by voter.
   * Never counted: they join `ballots` only when confirmed.
   */
  readonly pendingPapers: Map<string, Omit<Ballot, 'revision'>>;
  /** Allocated when the motion opens. */
  columns: BallotColumns | null;
  /** The tie lottery's secret salt, from the open event; never part of the public `motion`. */
  lotterySalt?: string;
}

/** The voting slice of governance state. */
export interface VotingState {
  readonly motions: Map<string, MotionState>;
}

/** An empty voting state. */
export function emptyVotingState(): VotingState {
  return { motions: new Map() };
}

/** Rebuilds the voter index and columns of an opened motion from its ballots (snapshot restore). */
export function indexMotion(state: MotionState): void {
  state.voterIndex.clear();
  state.memberIndex.clear();
  for (const [i, v] of state.motion.electorate.entries()) {
    state.voterIndex.set(v.id, i);
    for (const member of v.members) state.memberIndex.set(member, i);
  }
  if (state.motion.status === 'draft') {
    state.columns = null;
    return;
  }
  state.columns = allocateColumns(state.motion.kind, state.motion.electorate, state.motion.options.length);
  for (const ballot of state.ballots.values()) {
    const i = state.voterIndex.get(ballot.voterId);
    if (i !== undefined) writeBallot(state.columns, i, ballot.choice);
  }
}

type Evt<K extends VotingEvent['type']> = Extract<VotingEvent, { type: K }>;
type MotionEvent = Exclude<VotingEvent, { type: 'motion.drafted' }>;

/** Every event but a draft is about a known motion; one for an unknown motion (impossible in a verified log) is ignored. */
function onMotion<E extends MotionEvent>(
  apply: (entry: MotionState, event: E) => void,
): EventHandler<VotingState, E> {
  return (state, event) => {
    const entry = state.motions.get(event.payload.motionId);
    if (entry) apply(entry, event);
  };
}

function drafted(state: VotingState, event: Evt<'motion.drafted'>): void {
  const { motionId, organizer, definition } = event.payload;
  state.motions.set(motionId, {
    motion: { ...definition, id: motionId, organizer, status: 'draft', amendments: [], electorate: [] },
    voterIndex: new Map(),
    memberIndex: new Map(),
    ballots: new Map(),
    proxies: new Map(),
    pendingPapers: new Map(),
    columns: null,
  });
}

function amendmentProposed(entry: MotionState, event: Evt<'motion.amendmentProposed'>): void {
  const m = entry.motion;
  const { amendmentId, text, note, proposedBy, voterId } = event.payload;
  const amendment = {
    id: amendmentId,
    text,
    proposedBy,
    accepted: false,
    ...(note === undefined ? {} : { note }),
    ...(voterId === undefined ? {} : { voterId }),
  };
  entry.motion = { ...m, amendments: [...m.amendments, amendment] };
}

function amendmentAccepted(entry: MotionState, event: Evt<'motion.amendmentAccepted'>): void {
  const m = entry.motion;
  const accepted = m.amendments.find((a) => a.id === event.payload.amendmentId);
  if (!accepted) return;
  entry.motion = {
    ...m,
    body: accepted.text,
    amendments: m.amendments.map((a) => (a.id === accepted.id ? { ...a, accepted: true } : a)),
  };
}

function amendmentRejected(entry: MotionState, event: Evt<'motion.amendmentRejected'>): void {
  const { amendmentId, reason } = event.payload;
  const m = entry.motion;
  const rejected = { rejected: true as const, ...(reason === undefined ? {} : { rejectReason: reason }) };
  entry.motion = {
    ...m,
    amendments: m.amendments.map((a) => (a.id === amendmentId ? { ...a, ...rejected } : a)),
  };
}

function opened(entry: MotionState, event: Evt<'motion.opened'>): void {
  entry.motion = {
    ...entry.motion,
    status: 'open',
    openedOn: event.payload.date,
    electorate: event.payload.electorate,
    ...(event.payload.lottery ? { lotteryCommitment: event.payload.lottery.commitment } : {}),
    ...(event.payload.secrecy ? { secrecyMeasure: event.payload.secrecy } : {}),
  };
  if (event.payload.lottery) entry.lotterySalt = event.payload.lottery.salt;
  indexMotion(entry);
}

function ballotCast(entry: MotionState, event: Evt<'ballot.cast'>): void {
  const incoming = event.payload.ballot;
  const previous = entry.ballots.get(incoming.voterId);
  const replaced = previous?.member ?? previous?.castBy;
  const mine = incoming.member ?? incoming.castBy;
  const supersedes = previous && replaced !== mine ? replaced : undefined;
  entry.ballots.set(incoming.voterId, liveBallot(incoming, (previous?.revision ?? 0) + 1, supersedes));
  // A confirmed paper is a `ballot.cast` of the pending one: it leaves the queue as it starts to count.
  if (incoming.paper?.checkedBy !== undefined) entry.pendingPapers.delete(incoming.voterId);
  const i = entry.voterIndex.get(incoming.voterId);
  if (entry.columns && i !== undefined) writeBallot(entry.columns, i, incoming.choice);
}

/** How each voting event changes the state; an event type without one does not compile. */
export const votingEvolvers = {
  'motion.drafted': drafted,
  'motion.revised': onMotion((entry, event: Evt<'motion.revised'>) => {
    entry.motion = { ...entry.motion, ...event.payload.definition };
  }),
  'motion.amendmentProposed': onMotion(amendmentProposed),
  'motion.amendmentAccepted': onMotion(amendmentAccepted),
  'motion.amendmentRejected': onMotion(amendmentRejected),
  'motion.opened': onMotion(opened),
  'motion.closed': onMotion((entry, event: Evt<'motion.closed'> & Partial<Pick<LoggedEvent, 'at'>>) => {
    const { early, result } = event.payload;
    // The close instant is the logged event's own time, so a replay (and every older log) gives the
    // same value; an event applied without its envelope (never from a log) leaves it unset.
    const closedAt = event.at === undefined ? {} : { closedAt: event.at };
    entry.motion = { ...entry.motion, status: 'closed', closedEarly: early, ...closedAt, result };
    entry.pendingPapers.clear(); // listed in the result as not counted
  }),
  'motion.extended': onMotion((entry, event: Evt<'motion.extended'>) => {
    entry.motion = { ...entry.motion, closesAt: event.payload.closesAt };
  }),
  'motion.cancelled': onMotion((entry, event: Evt<'motion.cancelled'>) => {
    const { reason } = event.payload;
    entry.motion = {
      ...entry.motion,
      status: 'cancelled',
      ...(reason === undefined ? {} : { cancelReason: reason }),
    };
  }),
  'proxy.granted': onMotion((entry, event: Evt<'proxy.granted'>) => {
    const { proxyId, voterId, holder, paperRef, scanRef } = event.payload;
    const proxy = { id: proxyId, voterId, holder, paperRef, revoked: false };
    entry.proxies.set(proxyId, scanRef === undefined ? proxy : { ...proxy, scanRef });
  }),
  'proxy.revoked': onMotion((entry, event: Evt<'proxy.revoked'>) => {
    const proxy = entry.proxies.get(event.payload.proxyId);
    if (proxy) entry.proxies.set(proxy.id, { ...proxy, revoked: true });
  }),
  'ballot.cast': onMotion(ballotCast),
  'ballot.withdrawn': onMotion((entry, event: Evt<'ballot.withdrawn'>) => {
    entry.ballots.delete(event.payload.voterId);
    // Rare (an organizer's correction): the columns are rebuilt from the live ballots rather than
    // each ballot shape learning to erase its cells.
    indexMotion(entry);
  }),
  'ballot.paperEntered': onMotion((entry, event: Evt<'ballot.paperEntered'>) => {
    entry.pendingPapers.set(event.payload.ballot.voterId, event.payload.ballot);
  }),
  'ballot.paperRejected': onMotion((entry, event: Evt<'ballot.paperRejected'>) => {
    entry.pendingPapers.delete(event.payload.voterId);
  }),
} satisfies EventHandlers<VotingState, VotingEvent>;

/** Applies one voting event, in place. Events were checked by `decide`, so nothing here can fail. */
export function evolveVoting(state: VotingState, event: VotingEvent): void {
  evolveBy(votingEvolvers, state, event);
}

/**
 * The live ballot, built as one object literal with its optional fields set only when present: a
 * spread (`{ ...incoming, revision }`) made each of a million ballots a slow object of about 480 bytes
 * instead of about 200.
 */
function liveBallot(
  incoming: Omit<Ballot, 'revision'>,
  revision: number,
  supersedes: string | undefined,
): Ballot {
  const ballot: { -readonly [K in keyof Ballot]: Ballot[K] } = {
    voterId: incoming.voterId,
    choice: incoming.choice,
    channel: incoming.channel,
    castBy: incoming.castBy,
    at: incoming.at,
    revision,
  };
  if (incoming.proxyId !== undefined) ballot.proxyId = incoming.proxyId;
  if (incoming.paper !== undefined) ballot.paper = incoming.paper;
  if (incoming.member !== undefined) ballot.member = incoming.member;
  if (supersedes !== undefined) ballot.supersedes = supersedes;
  return ballot;
}
