import { yuan } from '@linli/core';

/**
 * The project fund's part of the wizard's form: the budget and each project's cost as typed, in
 * yuan ("1200", "35.5"), and the selection rule. Text until sent, so what the organizer typed stays.
 */
export interface FundDraft {
  /** The money to spend, as typed in yuan. */
  readonly amount: string;
  readonly selection: 'equalShares' | 'greedy';
  /** Each option's cost as typed in yuan, by option id. */
  readonly costs: Readonly<Record<string, string>>;
}

/**
 * Yuan as typed ("1,200", "¥35.5", "0.07") in whole fen, parsed from the decimal string by the core's
 * exact parser — never through a float — or undefined when it is no amount with at most two places.
 */
export function fenOf(text: string): number | undefined {
  const plain = text.replace(/[¥￥,，\s]/g, '');
  if (plain === '') return undefined;
  try {
    return yuan(plain);
  } catch {
    return undefined;
  }
}

/**
 * The command's `funding` and each option's `cost`. An amount that is no number is sent as typed, so
 * the core refuses it at its field with its own typed error, as with times; an empty cost is left
 * out (the core names the project without one) and an empty budget is sent as 0.
 */
export function fundFields(
  fund: FundDraft,
  options: readonly { readonly id: string; readonly label: string }[],
): { options: Record<string, unknown>[]; funding: Record<string, unknown> } {
  // Nothing typed is no money: the core then says the budget must be more than ¥0.
  const money = (text: string): number | string => (text.trim() === '' ? 0 : (fenOf(text) ?? text));
  return {
    options: options.map((o) => {
      const cost = fund.costs[o.id] ?? '';
      return { id: o.id, label: o.label.trim(), ...(cost.trim() === '' ? {} : { cost: money(cost) }) };
    }),
    funding: { amount: money(fund.amount), selection: fund.selection },
  };
}

/** What the projects ask for in total, in fen, against the budget: the live preview's figures. */
export function askedVsBudget(
  fund: FundDraft,
  options: readonly { readonly id: string }[],
): { asked: number; budget: number | undefined; uncosted: number } {
  let asked = 0;
  let uncosted = 0;
  for (const o of options) {
    const cost = fenOf(fund.costs[o.id] ?? '');
    if (cost === undefined) uncosted++;
    else asked += cost;
  }
  return { asked, budget: fenOf(fund.amount), uncosted };
}
