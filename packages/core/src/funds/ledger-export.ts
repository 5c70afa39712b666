import type { CommunityState } from '../community/state.js';
import type { Locale } from '../i18n/locale.js';
import type { LocalDate } from '../time/local-date.js';
import { type Cell, csv, decimal } from './csv.js';
import type { FundNotice } from './fund-notice.js';
import type { Entry, EntryKind } from './ledger.js';
import type { PaymentMethod } from './receipts.js';

/** Words of the ledger exports, in the language the organizer reads. */
const WORDS = {
  'zh-CN': {
    entries: '流水',
    households: '各户',
    entryHeader: [
      '日期',
      '类别',
      '房号',
      '金额（元）',
      '凭证号',
      '缴费方式',
      '收据号',
      '记录人',
      '说明',
      '抵扣对象',
      '冲销的记录',
      '附件 SHA-256',
      '记录号',
    ],
    householdHeader: ['房号', '楼层', '应缴（元）', '已缴（元）', '欠缴（元）'],
    total: '合计',
    reversal: '（冲销）',
    methods: { cash: '现金', wechat: '微信', alipay: '支付宝', bank: '银行转账', other: '其他' },
    kinds: {
      pledge: '应缴',
      credit: '抵扣',
      payment: '缴费',
      refund: '退款',
      expense: '支出',
      income: '收入',
      transferIn: '转入',
      transferOut: '转出',
    },
  },
  en: {
    entries: 'Entries',
    households: 'Households',
    entryHeader: [
      'Date',
      'Kind',
      'Room',
      'Amount (¥)',
      'Reference',
      'Method',
      'Receipt no.',
      'Recorded by',
      'Description',
      'Offsets',
      'Reverses entry',
      'Attachments SHA-256',
      'Entry',
    ],
    householdHeader: ['Room', 'Floor', 'Share (¥)', 'Paid (¥)', 'Owed (¥)'],
    total: 'Total',
    reversal: ' (reversal)',
    methods: { cash: 'Cash', wechat: 'WeChat Pay', alipay: 'Alipay', bank: 'Bank transfer', other: 'Other' },
    kinds: {
      pledge: 'Share due',
      credit: 'Credit',
      payment: 'Payment',
      refund: 'Refund',
      expense: 'Expense',
      income: 'Income',
      transferIn: 'Transfer in',
      transferOut: 'Transfer out',
    },
  },
} as const satisfies Record<
  Locale,
  { kinds: Record<EntryKind, string>; methods: Record<PaymentMethod, string> } & Record<string, unknown>
>;

/** Fen as yuan with two decimals, a number cell. */
const yuan = decimal;

function offsetName(funds: { charges: ReadonlyMap<string, { name: string }> }, entry: Entry): string {
  const offset = entry.offset;
  if (!offset) return entry.relatedTo ?? '';
  return 'chargeId' in offset
    ? (funds.charges.get(offset.chargeId)?.name ?? offset.chargeId)
    : offset.schemeId;
}

/** Every ledger line dated up to `asOf`, reversals included, as rows of the entries sheet. */
function entryRows(
  community: CommunityState,
  funds: { charges: ReadonlyMap<string, { name: string }> },
  entries: readonly Entry[],
  asOf: LocalDate,
  locale: Locale,
): Cell[][] {
  const w = WORDS[locale];
  return entries
    .filter((e) => e.date <= asOf)
    .map((e) => [
      e.date,
      `${w.kinds[e.kind]}${e.reverses === undefined ? '' : w.reversal}`,
      e.unitId === undefined ? '' : (community.units.get(e.unitId)?.room ?? e.unitId),
      yuan(e.amount),
      e.reference ?? '',
      e.method === undefined ? '' : w.methods[e.method],
      e.receiptNo ?? '',
      e.recordedBy ?? '',
      e.note ?? '',
      offsetName(funds, e),
      e.reverses ?? '',
      (e.attachments ?? []).map((a) => a.sha256).join(' '),
      e.id,
    ]);
}

/** Every household's share, payments and arrears, then a totals row. */
function householdRows(notice: FundNotice, locale: Locale): Cell[][] {
  const rows: Cell[][] = notice.households.map((h) => [
    h.room,
    h.floor,
    yuan(h.share),
    yuan(h.paid),
    yuan(h.arrears),
  ]);
  rows.push([
    WORDS[locale].total,
    '',
    yuan(notice.totals.share),
    yuan(notice.totals.paid),
    yuan(notice.totals.owed),
  ]);
  return rows;
}

/** What both ledger exports are made of. */
export interface LedgerExportInput {
  readonly community: CommunityState;
  readonly funds: { readonly charges: ReadonlyMap<string, { readonly name: string }> };
  readonly entries: readonly Entry[];
  readonly notice: FundNotice;
  readonly locale: Locale;
}

/** The sheets of a fund's ledger export: every entry, and every household with a totals row. */
export function ledgerSheets(input: LedgerExportInput) {
  const w = WORDS[input.locale];
  const { notice, locale } = input;
  return {
    entries: {
      name: w.entries,
      header: [...w.entryHeader],
      rows: entryRows(input.community, input.funds, input.entries, notice.asOf, locale),
    },
    households: { name: w.households, header: [...w.householdHeader], rows: householdRows(notice, locale) },
  };
}

/**
 * A fund's ledger as Excel-friendly CSV (BOM, CRLF, formula-like text guarded): one row per entry
 * dated up to the notice's date, reversals included, headers in `locale`. The households' table is
 * the `.xlsx` export's second sheet.
 */
export function ledgerCsv(input: LedgerExportInput): string {
  const { entries } = ledgerSheets(input);
  return csv(entries.header, entries.rows);
}
