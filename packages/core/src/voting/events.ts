import type { LocalDate } from '../time/local-date.js';
import type { LotterySecret } from './lottery.js';
import type { Ballot, MotionDefinition, RecordedResult, Voter } from './motion.js';
import type { SecrecyMeasure } from './secrecy.js';

/** The payload of each voting event type. */
export interface VotingEventPayloads {
  'motion.drafted': { motionId: string; organizer: string; definition: MotionDefinition };
  'motion.revised': { motionId: string; definition: MotionDefinition };
  'motion.amendmentProposed': {
    motionId: string;
    amendmentId: string;
    text: string;
    note?: string;
    proposedBy: string;
    /** The voter who proposed it (absent: the organizer's own proposal, and older logs). */
    voterId?: string;
  };
  'motion.amendmentAccepted': { motionId: string; amendmentId: string };
  'motion.amendmentRejected': { motionId: string; amendmentId: string; reason?: string };
  /** `lottery` is absent in logs written before motions committed to a lottery salt when opening. */
  'motion.opened': {
    motionId: string;
    date: LocalDate;
    electorate: Voter[];
    lottery?: LotterySecret;
    /** Secret motions: the roll's secrecy measure, for the organizer to see at once. */
    secrecy?: SecrecyMeasure;
  };
  'motion.closed': { motionId: string; early: boolean; result: RecordedResult };
  /** An open motion's deadline moved later; `previous` is the deadline it replaced. */
  'motion.extended': { motionId: string; closesAt: string; previous: string };
  /** A draft or open motion withdrawn: nothing is counted or released. */
  'motion.cancelled': { motionId: string; reason?: string };
  'proxy.granted': {
    motionId: string;
    proxyId: string;
    voterId: string;
    holder: string;
    paperRef: string;
    /** Absent where no scan was recorded (and in logs written before scans were). */
    scanRef?: string;
  };
  'proxy.revoked': { motionId: string; proxyId: string };
  'ballot.cast': { motionId: string; ballot: Omit<Ballot, 'revision'> };
  /** A paper ballot taken out of the count (entered by mistake); `paperRef` names the paper. */
  'ballot.withdrawn': { motionId: string; voterId: string; paperRef: string };
  /** A paper ballot entered on a `twoPerson` motion: pending, not counted until confirmed. */
  'ballot.paperEntered': { motionId: string; ballot: Omit<Ballot, 'revision'> };
  /** A pending paper ballot rejected as mis-entered: it never counts. (Confirming one is a `ballot.cast`.) */
  'ballot.paperRejected': { motionId: string; voterId: string; paperRef: string };
}

/** A voting event type. */
export type VotingEventType = keyof VotingEventPayloads;

/** A voting event body (type and payload). */
export type VotingEvent = {
  [K in VotingEventType]: { readonly type: K; readonly payload: VotingEventPayloads[K] };
}[VotingEventType];
