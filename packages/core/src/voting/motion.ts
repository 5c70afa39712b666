import type * as z from 'zod/mini';
import type { Scope } from '../community/queries.js';
import type { BudgetSelection } from '../funds/participatory.js';
import type { LocalDate } from '../time/local-date.js';
import type { draftMotionSchema } from './commands.js';
import type { BallotChoice } from './methods/registry.js';
import type { DecisionRule } from './rules.js';
import type { SecrecyMeasure } from './secrecy.js';

/** What kind of answer a motion asks for: the draft command's enum. */
export type MotionKind = z.output<typeof draftMotionSchema>['kind'];

/** How ranked ballots are counted: the draft command's enum. */
export type RankedMethod = NonNullable<z.output<typeof draftMotionSchema>['method']>;

/** Who votes: owners (Civil Code matters), households, or individual residents (self-governance). */
export type Basis = 'owners' | 'households' | 'residents';

/** `public`: who voted how is visible. `secret`: nothing about ballots before close, except turnout if allowed. */
export type Secrecy = 'public' | 'secret';

/** What happens when options tie for the win: report `tied`, or draw by a lottery whose seed is logged. */
export type TieBreak = 'report' | 'lottery';

/** Whether a paper ballot counts as entered (`single`) or once a second organizer confirms it (`twoPerson`). */
export type PaperCheck = 'single' | 'twoPerson';

/** An option of a choice motion; for an election, a candidate. */
export interface MotionOption {
  readonly id: string;
  readonly label: string;
  /** A participatory budget's project: what it costs, in fen. */
  readonly cost?: number;
}

/**
 * The money a participatory-budgeting motion spends and how its projects are chosen at close:
 * the Method of Equal Shares (default) with its documented options, or greedy by approvals.
 */
export interface Funding {
  /** The money to spend, in fen. */
  readonly amount: number;
  readonly selection: 'equalShares' | 'greedy';
  readonly utilities?: 'cost' | 'approval';
  readonly completion?: 'none' | 'add-one' | 'then-greedy' | 'add-one-then-greedy';
  readonly addOneStep?: number;
}

/** A proposed change to a text motion's body while it is a draft. */
export interface Amendment {
  readonly id: string;
  /** The whole body as the proposer would have it. */
  readonly text: string;
  readonly note?: string;
  /** The actor who sent it (a household, or an organizer as `<office>/<id>`). */
  readonly proposedBy: string;
  /** The electorate's voter who proposed it; absent for the organizer's own proposals. */
  readonly voterId?: string;
  readonly accepted: boolean;
  /** Set when the organizer rejected it. */
  readonly rejected?: true;
  /** Why it was rejected, when the organizer said. */
  readonly rejectReason?: string;
}

/** Where an amendment stands: waiting for the organizer, or decided once and for all. */
export type AmendmentStatus = 'pending' | 'accepted' | 'rejected';

/** Where an amendment stands (stored as flags, so snapshots written before rejections still read). */
export function amendmentStatus(a: Pick<Amendment, 'accepted' | 'rejected'>): AmendmentStatus {
  return a.accepted ? 'accepted' : a.rejected ? 'rejected' : 'pending';
}

/** Who may propose amendments to a draft: the organizers' office alone, or also the voters it would have. */
export type AmendableBy = 'organizers' | 'electorate';

/** A motion's definition: everything frozen when it opens. */
export interface MotionDefinition {
  readonly title: string;
  /** Body text; for a convention (公约), the text to be adopted. */
  readonly body: string;
  readonly kind: MotionKind;
  /** For `ranked` motions. */
  readonly method?: RankedMethod;
  /** For choice motions (every kind but `proposal`). */
  readonly options: readonly MotionOption[];
  /** `approval`: how many options a ballot must / may approve. */
  readonly minChoices?: number;
  readonly maxChoices?: number;
  /** `stv`: seats to fill. */
  readonly seats?: number;
  /** `dot`: points each voter may spread over the options (10 when absent). */
  readonly budget?: number;
  /** A participatory budget (approval motions only): every option then carries a cost. */
  readonly funding?: Funding;
  /** `proposal`: whether "block" is a possible answer (consent decisions). */
  readonly allowBlock: boolean;
  readonly scope: Scope;
  readonly basis: Basis;
  /** `residents` basis: minimum age on the opening date (residents with no birth year are included). */
  readonly minAge?: number;
  readonly rule: DecisionRule;
  /** Units whose owners must vote yes, e.g. those the elevator shaft touches. */
  readonly mustConsent: readonly string[];
  /** `custom` dimension: a weight per unit. */
  readonly customWeights?: Readonly<Record<string, number>>;
  readonly secrecy: Secrecy;
  /** Secret motions: whether the list of who has voted may be shown before close. */
  readonly showVoters: boolean;
  /** Whether a voter may replace their ballot until close (the latest counts). */
  readonly allowChange: boolean;
  /** How many voters one proxy holder may carry. */
  readonly proxyCap: number;
  readonly tieBreak: TieBreak;
  /**
   * `twoPerson`: a paper ballot one organizer person enters is pending until a different person of the
   * office confirms it; absent (or `single`): it counts as entered.
   */
  readonly paperCheck?: PaperCheck;
  /** ISO instant from which the motion may be opened; open at once when absent. */
  readonly opensAt?: string;
  /** ISO instant at which voting ends. */
  readonly closesAt: string;
  /** Who may propose amendments while it is a draft; the organizers alone when absent. */
  readonly amendableBy?: AmendableBy;
  /** An election: the role whose holders it chooses (only that role may be filled from its result). */
  readonly electsRole?: string;
}

/** One voter of a frozen electorate, with a weight per dimension. */
export interface Voter {
  /** An owner head's key, a unit id (households) or a resident id. */
  readonly id: string;
  /** Who may cast this voter's ballot: owner ids or resident ids. */
  readonly members: readonly string[];
  readonly unitIds: readonly string[];
  /** Hundredths of m². */
  readonly area: number;
  readonly custom: number;
}

/** A written authorization (委托) for someone to vote for a voter on one motion. */
export interface ProxyAuthorization {
  readonly id: string;
  readonly voterId: string;
  /** The person who holds the proxy (a name or an id). */
  readonly holder: string;
  /** The reference of the signed paper. */
  readonly paperRef: string;
  /** Where the scan of the signed paper is kept, when one was recorded. */
  readonly scanRef?: string;
  readonly revoked: boolean;
}

/** How a ballot reached the count; `withheld` on a secret motion's published (anonymous) ballots. */
export type BallotChannel = 'direct' | 'proxy' | 'paper' | 'withheld';

/** A ballot's answer, normalized to option indexes: one shape per counting method (see `methods/registry.ts`). */
export type { BallotChoice };

/** The live ballot of one voter. */
export interface Ballot {
  readonly voterId: string;
  readonly choice: BallotChoice;
  readonly channel: BallotChannel;
  readonly proxyId?: string;
  /** Paper ballots: the paper's reference and the official who entered it. */
  readonly paper?: {
    readonly reference: string;
    readonly official: string;
    /** `twoPerson` motions: the second organizer person who confirmed the paper. */
    readonly checkedBy?: string;
  };
  /**
   * The member of the voter (a co-owner, a household's resident) the ballot was cast as, when the
   * command named one; absent when it named the voter's key that is no member (a household's unit).
   */
  readonly member?: string;
  /** The actor who cast it. */
  readonly castBy: string;
  readonly at: string;
  /** How many ballots this voter has cast so far, this one included. */
  readonly revision: number;
  /**
   * When co-members disagree: the member whose live ballot this one replaced (the latest ballot of
   * any member stands), so the organizer sees the disagreement. Absent when the same member changed.
   */
  readonly supersedes?: string;
}

/** The lifecycle: draft → open → closed (result recorded); a draft or open motion may be cancelled instead. */
export type MotionStatus = 'draft' | 'open' | 'closed' | 'cancelled';

/** The outcome of a motion. */
export type Outcome = 'passed' | 'failed' | 'pending' | 'tied';

/** A motion as the log has made it. */
export interface Motion extends MotionDefinition {
  readonly id: string;
  readonly organizer: string;
  readonly status: MotionStatus;
  readonly amendments: readonly Amendment[];
  readonly openedOn?: LocalDate;
  readonly electorate: readonly Voter[];
  /** Secret motions: how well the roll hides a ballot, measured when it opened (what the tally withholds). */
  readonly secrecyMeasure?: SecrecyMeasure;
  /** SHA-256 of the tie lottery's secret salt, fixed when the motion opened (absent in older logs). */
  readonly lotteryCommitment?: string;
  /**
   * When the motion actually closed: the `motion.closed` event's logged time (ISO instant), so a
   * replay gives the same value. `closesAt` stays the scheduled time; a scheduled close may be logged
   * a moment after it.
   */
  readonly closedAt?: string;
  /** Closed by an organizer before `closesAt`. */
  readonly closedEarly?: boolean;
  /** Why a cancelled motion was withdrawn, when the organizer said. */
  readonly cancelReason?: string;
  /** The recorded result, once closed. */
  readonly result?: RecordedResult;
}

/** What is written into the log when a motion closes. */
export interface RecordedResult {
  readonly outcome: Exclude<Outcome, 'pending'>;
  /** Winning option ids (choice motions) in order. */
  readonly winners: readonly string[];
  /**
   * The lottery seed used to break ties: `lotterySeed` of the revealed salt and the final
   * ballots; for motions opened before salts existed, the log head hash when the motion closed.
   */
  readonly seed: string;
  /** The lottery salt, revealed at close so anyone can check it against `lotteryCommitment`. */
  readonly lotterySalt?: string;
  /**
   * `twoPerson` motions: the paper ballots still waiting for a second check at close. They were not
   * counted; the 公示 and the history say so. Absent when there were none.
   */
  readonly unconfirmedPapers?: readonly { readonly voterId: string; readonly paperRef: string }[];
  /** For a convention: the text adopted (the body as it stood when the motion opened). */
  readonly adoptedText?: string;
  /**
   * A participatory budget's selection, computed from the final ballots at close: every project's
   * outcome with its reason. `winners` then lists the funded projects in the order bought.
   */
  readonly selection?: BudgetSelection;
}
