import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import { type Cell, csv, decimal } from './csv.js';
import { type Entry, type EntryKind, summarizeLedger } from './ledger.js';
import type { PaymentMethod } from './receipts.js';
import type { FundsState } from './state.js';

/** One line of a household's account with a fund, as its statement and the payment list show it. */
export interface AccountLine {
  readonly entryId: string;
  readonly unitId: string;
  /** The room on the door (the unit id when the unit is unknown). */
  readonly room: string;
  readonly kind: EntryKind;
  /** Signed fen: negative on a reversal. */
  readonly amount: number;
  readonly date: LocalDate;
  readonly method?: PaymentMethod;
  readonly reference?: string;
  readonly receiptNo?: string;
  readonly recordedBy?: string;
  /** The entry this line cancels, on a reversal. */
  readonly reverses?: string;
  /** Whether a later entry cancels this one. */
  readonly reversed: boolean;
  /** The reason of a reversal. */
  readonly note?: string;
}

/** A household's statement (对账单) with one fund: every line and the totals they add up to. */
export interface HouseholdStatement {
  readonly fundId: string;
  readonly fundName: string;
  readonly unitId: string;
  readonly room: string;
  readonly asOf: LocalDate;
  readonly lines: readonly AccountLine[];
  /** Pledges less credits: the household's share. */
  readonly share: number;
  readonly paid: number;
  readonly refunded: number;
  /** share − paid + refunded: what it still owes (positive) or holds as credit (negative). */
  readonly balance: number;
}

const HOUSEHOLD_KINDS: ReadonlySet<EntryKind> = new Set(['pledge', 'credit', 'payment', 'refund']);

/** A ledger entry as an account line, the room looked up in the community. */
export function accountLine(community: CommunityState, funds: FundsState, e: Entry): AccountLine {
  const unitId = e.unitId ?? '';
  return {
    entryId: e.id,
    unitId,
    room: community.units.get(unitId)?.room ?? unitId,
    kind: e.kind,
    amount: e.amount,
    date: e.date,
    ...(e.method === undefined ? {} : { method: e.method }),
    ...(e.reference === undefined ? {} : { reference: e.reference }),
    ...(e.receiptNo === undefined ? {} : { receiptNo: e.receiptNo }),
    ...(e.recordedBy === undefined ? {} : { recordedBy: e.recordedBy }),
    ...(e.reverses === undefined ? {} : { reverses: e.reverses }),
    ...(e.reverses !== undefined && e.note !== undefined ? { note: e.note } : {}),
    reversed: funds.reversed.has(e.id),
  };
}

/**
 * A household's statement with a fund as of `asOf`: its pledges, credits, payments and refunds (and
 * their reversals) in log order, and totals from the same ledger summary the fund's table uses, so the
 * statement and the table always agree. Undefined for an unknown fund.
 */
export function householdStatement(
  community: CommunityState,
  funds: FundsState,
  fundId: string,
  unitId: string,
  asOf: LocalDate,
): HouseholdStatement | undefined {
  const fund = funds.funds.get(fundId);
  if (!fund) return undefined;
  const mine = (funds.entries.get(fundId) ?? []).filter(
    (e) => e.unitId === unitId && HOUSEHOLD_KINDS.has(e.kind) && e.date <= asOf,
  );
  const summary = summarizeLedger(mine, asOf).units[0];
  const share = summary?.owed ?? 0;
  const paid = summary?.paid ?? 0;
  const refunded = summary?.refunded ?? 0;
  return {
    fundId,
    fundName: fund.name,
    unitId,
    room: community.units.get(unitId)?.room ?? unitId,
    asOf,
    lines: mine.map((e) => accountLine(community, funds, e)),
    share,
    paid,
    refunded,
    balance: share - paid + refunded,
  };
}

const KIND_WORDS: Readonly<Record<EntryKind, string>> = {
  pledge: '应缴 Share',
  credit: '抵扣 Credit',
  payment: '缴款 Payment',
  refund: '退款 Refund',
  expense: '支出 Expense',
  income: '收入 Income',
  transferIn: '转入 Transfer in',
  transferOut: '转出 Transfer out',
};

/**
 * A household statement as CSV (UTF-8 with BOM, CRLF, formula-like text guarded): one row per line
 * with its method, reference and receipt number, then the totals.
 */
export function householdStatementCsv(statement: HouseholdStatement): string {
  const rows: Cell[][] = statement.lines.map((l) => [
    l.date,
    `${KIND_WORDS[l.kind]}${l.reverses === undefined ? '' : ' (冲正 reversal)'}`,
    decimal(l.amount),
    l.method ?? '',
    l.reference ?? '',
    l.receiptNo ?? '',
    l.note ?? '',
  ]);
  const total = (label: string, fen: number): Cell[] => ['', label, decimal(fen), '', '', '', ''];
  rows.push(
    total('应缴合计 Share', statement.share),
    total('已缴合计 Paid', statement.paid),
    total('已退合计 Refunded', statement.refunded),
    total('余额 Balance owed', statement.balance),
  );
  return csv(
    [`${statement.fundName} ${statement.room} 对账单 Statement ${statement.asOf}`, '', '', '', '', '', ''],
    [
      [
        '日期 Date',
        '项目 Item',
        '金额 Amount (¥)',
        '方式 Method',
        '凭证 Reference',
        '收据号 Receipt No.',
        '说明 Note',
      ],
      ...rows,
    ],
  );
}
