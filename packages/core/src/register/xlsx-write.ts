import { strToU8, zipSync } from 'fflate';
import { xmlEscape } from './xml-text.js';

/**
 * A cell to write: text becomes an inline string, a number a number cell, and a decimal we formatted
 * ourselves (yuan to the fen, `"-12.30"`) a number cell with exactly those digits.
 */
export type XlsxCell = string | number | { readonly decimal: string };

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function cellXml(value: XlsxCell, ref: string): string {
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'object')
    return DECIMAL.test(value.decimal)
      ? `<c r="${ref}"><v>${value.decimal}</v></c>`
      : cellXml(value.decimal, ref);
  if (value === '') return '';
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
}

function sheetXml(rows: readonly (readonly XlsxCell[])[]): string {
  const body = rows
    .map((row, r) => {
      const cells = row.map((value, c) => cellXml(value, `${columnName(c)}${r + 1}`)).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return `${XML}<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

/** One sheet of a workbook: its tab's name (at most 31 characters in Excel) and its rows. */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly (readonly XlsxCell[])[];
}

/**
 * A minimal `.xlsx` workbook: the parts Excel, WPS and LibreOffice need and nothing else (no styles,
 * no shared strings), one worksheet per sheet in order. Text is written as inline strings, so a
 * spreadsheet never evaluates it as a formula.
 */
export function xlsxSheets(sheets: readonly XlsxSheet[]): Uint8Array {
  const n = sheets.map((_, i) => i + 1);
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((sheet, i) => `<sheet name="${xmlEscape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${PKG_REL}">${n.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`,
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet.rows);
  });
  // A fixed date keeps the bytes of one export the same on every run.
  const mtime = new Date('2026-01-01T00:00:00Z');
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, [strToU8(xml), { mtime }]])),
  );
}

/** A workbook of one sheet (see {@link xlsxSheets}). */
export function xlsxWorkbook(sheetName: string, rows: readonly (readonly XlsxCell[])[]): Uint8Array {
  return xlsxSheets([{ name: sheetName, rows }]);
}
