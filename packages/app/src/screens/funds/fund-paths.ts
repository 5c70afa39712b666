import type { LocalDate } from '@linli/core';

/** Every entry recorded counts: the organizer's screens show the books as they stand. */
export const ALL_RECORDED = '9999-12-31' as LocalDate;

/** The addresses around one fund, from the route's params (the books, arrears and 公示 paths are fixed). */
export function fundPaths(params: Readonly<Record<string, string | undefined>>) {
  const community = encodeURIComponent(params.community ?? '');
  const fundId = params.fund ?? '';
  const fund = encodeURIComponent(fundId);
  const organizer = `/c/${community}/organizer/funds`;
  return {
    fundId,
    funds: organizer,
    fund: `${organizer}/${fund}`,
    books: `${organizer}/${fund}/books`,
    arrears: `${organizer}/${fund}/arrears`,
    notice: `${organizer}/${fund}/notice`,
    receipt: (entry: string) => `${organizer}/${fund}/receipts/${encodeURIComponent(entry)}`,
    statement: (unit: string) => `${organizer}/${fund}/statements/${encodeURIComponent(unit)}`,
    ledgerCsv: `/c/${community}/funds/${fund}/ledger.csv`,
    ledgerXlsx: `/c/${community}/funds/${fund}/ledger.xlsx`,
  };
}
