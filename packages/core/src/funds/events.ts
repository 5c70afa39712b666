import type { Entry } from './ledger.js';
import type { Charge, Fund, SchemeVersion } from './state.js';

/** The payload of each funds event type. */
export interface FundsEventPayloads {
  'scheme.versioned': SchemeVersion;
  'fund.opened': Fund;
  /** Ledger lines, written together (a scheme's pledges, an income and its costs, both sides of a transfer). */
  'fund.recorded': { entries: Entry[] };
  'charge.defined': Charge;
  /** A month billed, and how much of the offset pool it used. */
  'charge.billed': { chargeId: string; month: string; offsetUsed: number };
  /** Net income added to a charge's offset pool. */
  'charge.offsetAdded': { chargeId: string; amount: number };
}

/** A funds event type. */
export type FundsEventType = keyof FundsEventPayloads;

/** A funds event body. */
export type FundsEvent = {
  [K in FundsEventType]: { readonly type: K; readonly payload: FundsEventPayloads[K] };
}[FundsEventType];
