import type { FundsState } from './state.js';

/** How a household paid: the methods a committee's receipt book distinguishes. */
export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'bank', 'other'] as const;

/** One of {@link PAYMENT_METHODS}. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Receipt numbers compare without the spaces people type around them. */
export function normalizeReceiptNo(receiptNo: string): string {
  return receiptNo.trim();
}

/** Every receipt number already used in a fund, reversed payments included (their paper receipt exists). */
function usedReceiptNos(funds: FundsState, fundId: string): string[] {
  return (funds.entries.get(fundId) ?? []).flatMap((e) =>
    e.receiptNo !== undefined && e.reverses === undefined ? [e.receiptNo] : [],
  );
}

/** Whether `receiptNo` is already on one of the fund's payments. */
export function receiptNoTaken(funds: FundsState, fundId: string, receiptNo: string): boolean {
  const wanted = normalizeReceiptNo(receiptNo);
  return usedReceiptNos(funds, fundId).includes(wanted);
}

/**
 * The receipt number the core assigns to the fund's next payment when none is given: one more than the
 * highest all-digit number used in the fund, six digits at least (`000001`). It is never taken: any
 * all-digit number with that value would itself have been the highest.
 */
export function nextReceiptNo(funds: FundsState, fundId: string): string {
  let highest = 0n;
  for (const used of usedReceiptNos(funds, fundId)) {
    if (/^\d+$/.test(used) && BigInt(used) > highest) highest = BigInt(used);
  }
  return String(highest + 1n).padStart(6, '0');
}
