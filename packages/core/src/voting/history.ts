import type { LoggedEvent } from '../log/event.js';
import type { VotingEventPayloads } from './events.js';
import type { Outcome } from './motion.js';

/** What happened to a motion, in the words of its history. */
export type MotionAction = MotionHistoryEntry['action'];

/** When and by whom: every history entry's common part, straight from the event's envelope. */
export interface HistoryStamp {
  /** The event's position in the log: an organizer can look the event itself up and verify it. */
  readonly seq: number;
  /** ISO instant from the writer's clock. */
  readonly at: string;
  /** Who did it: an organizer as `<office>/<organizer id>`, `scheduler` for a close that fell due. */
  readonly actor: string;
}

/** One voter-facing change to a motion: its drafting, revisions, amendments, proxies, and how it ended. */
export type MotionHistoryEntry = HistoryStamp &
  (
    | { readonly action: 'drafted'; readonly title: string }
    | { readonly action: 'revised'; readonly title: string; readonly closesAt: string }
    | { readonly action: 'amendmentProposed'; readonly amendmentId: string; readonly proposedBy: string }
    | { readonly action: 'amendmentAccepted'; readonly amendmentId: string }
    | { readonly action: 'amendmentRejected'; readonly amendmentId: string; readonly reason?: string }
    | { readonly action: 'opened'; readonly date: string; readonly voters: number }
    | { readonly action: 'extended'; readonly closesAt: string; readonly previous: string }
    | {
        readonly action: 'closed';
        readonly early: boolean;
        readonly outcome: Exclude<Outcome, 'pending'>;
        readonly winners: readonly string[];
        /** Paper ballots still waiting for a second check at close, which did not count (absent when none). */
        readonly unconfirmedPapers?: number;
      }
    | { readonly action: 'cancelled'; readonly reason?: string }
    | { readonly action: 'proxyGranted'; readonly proxyId: string; readonly paperRef: string }
    | { readonly action: 'proxyRevoked'; readonly proxyId: string }
  );

type Payload<K extends keyof VotingEventPayloads> = VotingEventPayloads[K];
type Describe = (payload: never) => DistributiveOmit<MotionHistoryEntry, keyof HistoryStamp>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * How each event a motion's history shows reads there. Ballots are not in it: who voted when is the
 * roll's business, and on a secret motion their times are part of what secrecy withholds.
 */
const describe = {
  'motion.drafted': (p: Payload<'motion.drafted'>) => ({ action: 'drafted', title: p.definition.title }),
  'motion.revised': (p: Payload<'motion.revised'>) => ({
    action: 'revised',
    title: p.definition.title,
    closesAt: p.definition.closesAt,
  }),
  'motion.amendmentProposed': (p: Payload<'motion.amendmentProposed'>) => ({
    action: 'amendmentProposed',
    amendmentId: p.amendmentId,
    proposedBy: p.proposedBy,
  }),
  'motion.amendmentAccepted': (p: Payload<'motion.amendmentAccepted'>) => ({
    action: 'amendmentAccepted',
    amendmentId: p.amendmentId,
  }),
  'motion.amendmentRejected': (p: Payload<'motion.amendmentRejected'>) => ({
    action: 'amendmentRejected',
    amendmentId: p.amendmentId,
    ...(p.reason === undefined ? {} : { reason: p.reason }),
  }),
  'motion.opened': (p: Payload<'motion.opened'>) => ({
    action: 'opened',
    date: p.date,
    voters: p.electorate.length,
  }),
  'motion.extended': (p: Payload<'motion.extended'>) => ({
    action: 'extended',
    closesAt: p.closesAt,
    previous: p.previous,
  }),
  'motion.closed': (p: Payload<'motion.closed'>) => ({
    action: 'closed',
    early: p.early,
    outcome: p.result.outcome,
    winners: p.result.winners,
    ...(p.result.unconfirmedPapers ? { unconfirmedPapers: p.result.unconfirmedPapers.length } : {}),
  }),
  'motion.cancelled': (p: Payload<'motion.cancelled'>) => ({
    action: 'cancelled',
    ...(p.reason === undefined ? {} : { reason: p.reason }),
  }),
  'proxy.granted': (p: Payload<'proxy.granted'>) => ({
    action: 'proxyGranted',
    proxyId: p.proxyId,
    paperRef: p.paperRef,
  }),
  'proxy.revoked': (p: Payload<'proxy.revoked'>) => ({ action: 'proxyRevoked', proxyId: p.proxyId }),
} as const satisfies Record<string, Describe>;

/**
 * A motion's history from the log, oldest first: who drafted, revised, amended, opened, extended,
 * closed or cancelled it, and who registered or revoked a proxy on it, with each event's seq and
 * time. Pure: give it the events of the community's log (`store.read()`); events of other motions
 * and ballots are skipped. Empty for a motion the log never drafted.
 */
export function motionHistory(events: readonly LoggedEvent[], motionId: string): MotionHistoryEntry[] {
  const entries: MotionHistoryEntry[] = [];
  for (const event of events) {
    const read = (describe as Record<string, Describe | undefined>)[event.type];
    if (!read || (event.payload as { motionId?: unknown }).motionId !== motionId) continue;
    const { seq, at, actor } = event;
    entries.push({ seq, at, actor, ...read(event.payload as never) } as MotionHistoryEntry);
  }
  return entries;
}
