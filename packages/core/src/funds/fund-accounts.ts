import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { type AccountLine, accountLine } from './household-statement.js';
import { summarizeLedger } from './ledger.js';
import { nextReceiptNo } from './receipts.js';
import type { FundsState } from './state.js';

/** One fund in the organizer's list: budget and what has come of it. */
export interface FundSummary {
  readonly fundId: string;
  readonly name: string;
  readonly budget: number;
  /** Pledges less credits. */
  readonly pledged: number;
  /** Payments less refunds. */
  readonly paid: number;
  /** What households still owe. */
  readonly outstanding: number;
  /** Cash in the fund. */
  readonly balance: number;
}

/** Every fund with its totals as of `asOf`, in the order they were opened. */
export function fundSummaries(funds: FundsState, asOf: LocalDate): FundSummary[] {
  return [...funds.funds.values()].map((fund) => {
    const s = summarizeLedger(funds.entries.get(fund.id) ?? [], asOf);
    return {
      fundId: fund.id,
      name: fund.name,
      budget: fund.budget,
      pledged: s.pledged - s.credited,
      paid: s.paid - s.refunded,
      outstanding: s.arrears,
      balance: s.balance,
    };
  });
}

/**
 * The organizer's side of a fund's payments: every payment and refund with its method, reference,
 * receipt number and who recorded it, newest first, and the receipt number the next payment gets.
 * The published view never carries these lines (see the README's "Payments and receipts").
 */
export function fundPayments(
  community: CommunityState,
  funds: FundsState,
  fundId: string,
): { readonly lines: readonly AccountLine[]; readonly nextReceiptNo: string } | undefined {
  if (!funds.funds.has(fundId)) return undefined;
  const lines = (funds.entries.get(fundId) ?? [])
    .filter((e) => e.kind === 'payment' || e.kind === 'refund')
    .map((e) => accountLine(community, funds, e))
    .reverse();
  return { lines, nextReceiptNo: nextReceiptNo(funds, fundId) };
}
