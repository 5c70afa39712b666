import { ownersOn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import type { AccountLine } from './household-statement.js';
import { accountLine } from './household-statement.js';
import type { FundsState } from './state.js';

/** What a printed receipt (收据) for one payment says. */
export interface PaymentReceipt {
  readonly fundId: string;
  readonly fundName: string;
  readonly payment: AccountLine;
  /** The unit's owners on the payment's date, by name: who the receipt is made out to. */
  readonly payers: readonly string[];
}

/**
 * The receipt of payment `entryId` in fund `fundId`, or undefined when that is not a payment of that
 * fund (a reversal has no receipt of its own: the original's receipt is voided by it).
 */
export function paymentReceipt(
  community: CommunityState,
  funds: FundsState,
  fundId: string,
  entryId: string,
): PaymentReceipt | undefined {
  const fund = funds.funds.get(fundId);
  const entry = funds.entryIndex.get(entryId);
  if (!fund || entry?.fundId !== fundId || entry.kind !== 'payment' || entry.reverses !== undefined)
    return undefined;
  const unit = entry.unitId === undefined ? undefined : community.units.get(entry.unitId);
  const payers = unit
    ? ownersOn(unit, entry.date).flatMap((id) => {
        const name = community.owners.get(id)?.name;
        return name === undefined ? [] : [name];
      })
    : [];
  return { fundId, fundName: fund.name, payment: accountLine(community, funds, entry), payers };
}
