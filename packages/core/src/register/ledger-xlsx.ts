import { type LedgerExportInput, ledgerSheets } from '../funds/ledger-export.js';
import { xlsxSheets } from './xlsx-write.js';

/**
 * A fund's ledger as `.xlsx`: sheet 1 every entry (as {@link ledgerCsv} has them), sheet 2 every
 * household's share, payments and arrears with a totals row; headers in the export's language.
 */
export function ledgerXlsx(input: LedgerExportInput): Uint8Array {
  const { entries, households } = ledgerSheets(input);
  return xlsxSheets([
    { name: entries.name, rows: [entries.header, ...entries.rows] },
    { name: households.name, rows: [households.header, ...households.rows] },
  ]);
}
