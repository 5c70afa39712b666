import { unzipSync } from 'fflate';
import { attribute, joinedText } from './xml-text.js';

/** No part of a register workbook needs more; a larger one is refused before it is inflated (a zip bomb). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** Why a workbook could not be read; the parser turns it into a typed problem. */
export class XlsxError extends Error {}

function part(files: Record<string, Uint8Array>, path: string): string | undefined {
  const bytes = files[path];
  return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
}

/** The path of the workbook's first sheet, from the workbook and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = part(files, 'xl/workbook.xml');
  const rels = part(files, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxError('not a workbook');
  const sheet = /<sheet\s([^>]*)\/?>/.exec(workbook)?.[1];
  const relId = sheet === undefined ? undefined : attribute(sheet, 'r:id');
  for (const match of rels.matchAll(/<Relationship\s([^>]*)\/?>/g)) {
    const attrs = match[1] ?? '';
    if (attribute(attrs, 'Id') !== relId) continue;
    const target = attribute(attrs, 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  throw new XlsxError('no first sheet');
}

function sharedStrings(files: Record<string, Uint8Array>): string[] {
  const xml = part(files, 'xl/sharedStrings.xml') ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => joinedText(m[1] ?? ''));
}

/** `B12` → column index 1. */
function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/**
 * A number cell as the shortest decimal that is the same double: Excel stores 75.32 as a binary
 * fraction, and 15 significant digits drop the noise (75.32000000000001) without changing any
 * figure a register holds.
 */
function numberText(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : value;
}

function cellText(attrs: string, body: string, strings: readonly string[]): string {
  const type = attribute(attrs, 't');
  if (type === 'inlineStr') return joinedText(body);
  const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (raw === undefined) return '';
  if (type === 's') return strings[Number(raw)] ?? '';
  if (type === 'str' || type === 'e') return joinedText(`<t>${raw}</t>`);
  if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  return numberText(raw);
}

/**
 * The cells of the first sheet of an `.xlsx` workbook as text, row i being spreadsheet row i + 1:
 * shared and inline strings, numbers (see {@link numberText}) and booleans. Styles, formulas and
 * other sheets are not read; a formula cell gives its cached value.
 */
export function readXlsx(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > MAX_PART_BYTES) throw new XlsxError('part too large');
        return (file.name.startsWith('xl/') && file.name.endsWith('.xml')) || file.name.endsWith('.rels');
      },
    });
  } catch (error) {
    throw error instanceof XlsxError ? error : new XlsxError('not a zip');
  }
  const sheet = part(files, firstSheetPath(files));
  if (sheet === undefined) throw new XlsxError('no first sheet');
  const strings = sharedStrings(files);
  const rows: string[][] = [];
  for (const rowMatch of sheet.matchAll(/<row\s([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attribute(rowMatch[1] ?? '', 'r') ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (rowMatch[2] ?? '').matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const ref = attribute(attrs, 'r');
      const index = ref === undefined ? cells.length : columnIndex(ref);
      while (cells.length < index) cells.push('');
      cells[index] = cellText(attrs, c[2] ?? '', strings);
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  return rows;
}
