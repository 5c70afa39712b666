/** The addresses of one fund's screens, from a route's params (fixed: the fund page links to them). */
export function fundPaths(params: Readonly<Record<string, string | undefined>>) {
  const community = encodeURIComponent(params.community ?? '');
  const fundId = params.fund ?? '';
  const fund = `/c/${community}/organizer/funds/${encodeURIComponent(fundId)}`;
  return {
    fundId,
    fund,
    books: `${fund}/books`,
    arrears: `${fund}/arrears`,
    notice: `${fund}/notice`,
    reminder: (unitId: string) => `${fund}/arrears/${encodeURIComponent(unitId)}/reminder`,
    /** The server's exports of the fund's ledger. */
    ledger: (ext: 'csv' | 'xlsx', lang: string) =>
      `/c/${community}/funds/${encodeURIComponent(fundId)}/ledger.${ext}?lang=${encodeURIComponent(lang)}`,
    attachments: `/c/${community}/attachments`,
    attachment: (sha256: string) => `/c/${community}/attachments/${sha256}`,
    commands: `/c/${community}/commands`,
  };
}
