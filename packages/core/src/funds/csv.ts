import { hundredthsToDecimal } from '../numbers/hundredths.js';
import type { FundView } from './fund-view.js';
import type { LedgerSummary } from './ledger.js';
import type { ShareTable } from './shares.js';

/** Byte-order mark: Excel in China opens UTF-8 CSV correctly only with it. */
export const BOM = '\uFEFF';

/** A decimal number we formatted ourselves (yuan, m², coefficients): written as a number cell. */
interface DecimalCell {
  readonly decimal: string;
}

/** A CSV cell: text (guarded), a number, or a decimal we formatted. */
export type Cell = string | number | DecimalCell;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
// OWASP's CSV-injection rule: a text cell starting with one of these can be run as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'object' && PLAIN_NUMBER.test(value.decimal)) return value.decimal;
  const text = typeof value === 'object' ? value.decimal : String(value);
  // Text that a spreadsheet could run gets a leading ' so it stays text; `-2+3+cmd|' /C calc'!A0` is
  // text, not a number, and is guarded like any formula.
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  if (guarded !== text || /[",\r\n]/.test(text)) return `"${guarded.replaceAll('"', '""')}"`;
  return text;
}

/** A table as Excel-friendly CSV: BOM, CRLF, numbers as numbers, formula-like text guarded. */
export function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${BOM}${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Hundredths as a two-decimal number cell. */
export const decimal = (hundredths: number): DecimalCell => ({ decimal: hundredthsToDecimal(hundredths) });
/** Fen as yuan with two decimals: a number cell, negative or not. */
const yuan = decimal;

/** A share table as CSV for the public notice: one row per unit, amounts in yuan with two decimals. */
export function shareTableCsv(table: ShareTable): string {
  return csv(
    [
      '房号 Room',
      '楼层 Floor',
      '面积 Area (m²)',
      '系数 Coefficient',
      '权重 Weight',
      '应摊 Quota (fen)',
      '分摊 Share (¥)',
      '取整 Rounding (fen)',
      '说明 Note',
    ],
    table.rows.map((r) => [
      r.room,
      r.floor,
      decimal(r.area),
      r.coefficient === null ? '' : decimal(r.coefficient),
      r.weight,
      r.quota,
      yuan(r.share),
      r.rounding,
      [r.exempt, r.fixed, r.capped ? 'capped' : undefined, r.adjustment?.reason].filter(Boolean).join('; '),
    ]),
  );
}

/** Unit statements as CSV: owed, paid, refunded, arrears, credit and arrears by age. */
export function statementsCsv(summary: LedgerSummary): string {
  return csv(
    [
      '单位 Unit',
      '应缴 Owed (¥)',
      '已缴 Paid (¥)',
      '退款 Refunded (¥)',
      '欠缴 Arrears (¥)',
      '预存 Credit (¥)',
      '未到期 Current',
      '1–30天',
      '31–60天',
      '61–90天',
      '90天以上',
    ],
    summary.units.map((u) => [
      u.unitId,
      yuan(u.owed),
      yuan(u.paid),
      yuan(u.refunded),
      yuan(u.arrears),
      yuan(u.credit),
      yuan(u.ageing.current),
      yuan(u.ageing.days1to30),
      yuan(u.ageing.days31to60),
      yuan(u.ageing.days61to90),
      yuan(u.ageing.over90),
    ]),
  );
}

/** A fund's public table as CSV: one row per unit and a totals row that reconciles to the fen. */
export function fundViewCsv(view: FundView): string {
  const rows = view.rows.map((r) => [
    r.room,
    r.floor,
    decimal(r.area),
    r.coefficient === null ? '' : decimal(r.coefficient),
    yuan(r.share),
    yuan(r.paid),
    yuan(r.arrears),
  ]);
  rows.push([
    '合计 Total',
    '',
    '',
    '',
    yuan(view.totals.share),
    yuan(view.totals.paid),
    yuan(view.totals.arrears),
  ]);
  return csv(
    [
      '房号 Room',
      '楼层 Floor',
      '面积 Area (m²)',
      '系数 Coefficient',
      '应缴 Share (¥)',
      '已缴 Paid (¥)',
      '欠缴 Arrears (¥)',
    ],
    rows,
  );
}
