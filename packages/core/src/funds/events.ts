import type { LocalDate } from '../time/local-date.js';
import type { Entry } from './ledger.js';
import type { ProjectStatus } from './project-commands.js';
import type { Charge, Fund, SchemeVersion } from './state.js';

/** The payload of each funds event type. */
export interface FundsEventPayloads {
  'scheme.versioned': SchemeVersion;
  'fund.opened': Fund;
  /** Ledger lines, written together (a scheme's pledges, an income and its costs, both sides of a transfer). */
  'fund.recorded': { entries: Entry[] };
  'charge.defined': Charge;
  /** A charge's last month set: no month after `end` is billed. */
  'charge.ended': { chargeId: string; end: string };
  /** A month billed, and how much of the offset pool it used. */
  'charge.billed': { chargeId: string; month: string; offsetUsed: number };
  /** Net income added to a charge's offset pool. */
  'charge.offsetAdded': { chargeId: string; amount: number };
  /** A funded project moved a step forward (planned → in progress → done). */
  'project.statusChanged': {
    motionId: string;
    projectId: string;
    status: ProjectStatus;
    by: string;
    at: string;
  };
  /** Money spent on a funded project, in fen, within its budget. */
  'project.spent': {
    motionId: string;
    projectId: string;
    amount: number;
    note: string;
    date: LocalDate;
    by: string;
    at: string;
  };
}

/** A funds event type. */
export type FundsEventType = keyof FundsEventPayloads;

/** A funds event body. */
export type FundsEvent = {
  [K in FundsEventType]: { readonly type: K; readonly payload: FundsEventPayloads[K] };
}[FundsEventType];
