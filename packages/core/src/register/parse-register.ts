import { MAX_IMPORT_ROWS, registerRowSchema } from '../community/commands.js';
import type { AreaSource } from '../community/types.js';
import { parseWith } from '../validation/zod-errors.js';
import { areaSourceOfHeader, fieldOfHeader, REQUIRED_FIELDS } from './columns.js';
import { readCsv } from './csv-read.js';
import { decodeText, isZip } from './decode.js';
import {
  clean,
  DEVELOPER_WORDS,
  floorOfRoom,
  isYes,
  normalizePlace,
  normalizeRoom,
  parseArea,
  parseAreaSource,
  parseDate,
  parseFloor,
  parsePhone,
  splitOwners,
} from './normalize.js';
import { type RegisterErrorCode, registerError } from './register-error.js';
import type {
  NumberedRegisterRow,
  ParsedRegister,
  RegisterColumn,
  RegisterField,
  RegisterProblem,
} from './types.js';
import { readXlsx, XlsxError } from './xlsx-read.js';

/** The most units one register may hold: a street office's largest 小区 has a few thousand. */
export const MAX_REGISTER_ROWS = MAX_IMPORT_ROWS;

/** How many rows above the header (merged title rows, notes) are searched for it. */
const HEADER_SEARCH_ROWS = 30;

/** How to read a register file. */
export interface ParseRegisterOptions {
  /** The file's name; `.xlsx` is read as a workbook, anything else as CSV unless the bytes are a zip. */
  readonly filename?: string;
  /**
   * Header → field (or null to ignore the column), for headers Linli does not recognise or reads
   * differently; it wins over the built-in headers. Keys are the headers as written in the file.
   */
  readonly mapping?: Readonly<Record<string, RegisterField | null>>;
}

type Cells = readonly string[];

function problem(line: number, code: RegisterErrorCode, column?: string, params = {}): RegisterProblem {
  return { line, ...(column === undefined ? {} : { column }), error: registerError(code, params) };
}

function readCells(bytes: Uint8Array, filename: string): string[][] | RegisterProblem {
  if (isZip(bytes) || filename.toLowerCase().endsWith('.xlsx')) {
    try {
      return readXlsx(bytes);
    } catch (error) {
      if (error instanceof XlsxError) return problem(0, 'register.unreadable', undefined, { filename });
      throw error;
    }
  }
  return readCsv(decodeText(bytes));
}

function columnsOf(header: Cells, mapping: ParseRegisterOptions['mapping']): RegisterColumn[] {
  const seen = new Set<RegisterField>();
  return header.map((raw) => {
    const text = clean(raw);
    const mapped = mapping && Object.hasOwn(mapping, text) ? mapping[text] : undefined;
    const field = mapped === undefined ? fieldOfHeader(text) : mapped;
    // The first column of a field wins; a second 面积 column is shown as ignored.
    if (field === null || seen.has(field)) return { header: text, field: null };
    seen.add(field);
    return { header: text, field };
  });
}

/** The header row: the first near the top naming a room and at least two other fields. */
function findHeader(
  cells: readonly Cells[],
  mapping: ParseRegisterOptions['mapping'],
): { index: number; columns: RegisterColumn[] } | null {
  for (const [index, row] of cells.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const columns = columnsOf(row, mapping);
    const fields = columns.filter((c) => c.field !== null);
    if (fields.length >= 3 && fields.some((c) => c.field === 'room')) return { index, columns };
  }
  return null;
}

/**
 * Without a recognisable header row, the fullest row near the top (the first, if several tie) is most
 * likely the header in words Linli does not know: its cells are returned as columns, so the organizer
 * can map them and read the file again.
 */
function likelyHeader(cells: readonly Cells[], mapping: ParseRegisterOptions['mapping']): RegisterColumn[] {
  let fullest: Cells = [];
  const filled = (row: Cells) => row.filter((value) => clean(value) !== '').length;
  for (const row of cells.slice(0, HEADER_SEARCH_ROWS)) if (filled(row) > filled(fullest)) fullest = row;
  // Trailing blank cells (a wider title row's width) are no columns.
  let width = fullest.length;
  while (width > 0 && clean(fullest[width - 1] ?? '') === '') width--;
  return columnsOf(fullest.slice(0, width), mapping);
}

/** One row's cells by field, with each field's header for problems. */
interface RowReader {
  text(field: RegisterField): string;
  header(field: RegisterField): string;
  has(field: RegisterField): boolean;
}

function rowReader(columns: readonly RegisterColumn[], row: Cells): RowReader {
  const indexOf = new Map(columns.flatMap((c, i) => (c.field === null ? [] : [[c.field, i] as const])));
  return {
    text: (field) => clean(row[indexOf.get(field) ?? -1] ?? ''),
    header: (field) => columns[indexOf.get(field) ?? -1]?.header ?? field,
    has: (field) => indexOf.has(field),
  };
}

type RowResult = { row: NumberedRegisterRow } | { problems: RegisterProblem[] };

function readOwners(cell: RowReader): { owners: string[]; developer: boolean } {
  const named = splitOwners(cell.text('owner'), cell.text('coOwners'));
  const owners = named.filter((name) => !DEVELOPER_WORDS.has(name.toLowerCase()));
  // A blank owner, or the word 开发商 alone, is a unit the developer has not sold.
  const developer = isYes(cell.text('developer')) || owners.length === 0;
  return { owners, developer };
}

function readRow(line: number, cell: RowReader, defaultSource: AreaSource): RowResult {
  const problems: RegisterProblem[] = [];
  const need = (field: RegisterField): string => {
    const value = cell.text(field);
    if (value === '') problems.push(problem(line, 'register.missing_value', cell.header(field)));
    return value;
  };
  const building = normalizePlace(need('building'), '号楼');
  const room = normalizeRoom(need('room'));
  const stairwell = cell.has('stairwell') ? normalizePlace(need('stairwell'), '单元') : '1单元';
  const areaText = need('area');
  const area = parseArea(areaText);
  if (areaText !== '' && area === null)
    problems.push(problem(line, 'register.bad_area', cell.header('area'), { value: areaText }));
  const floorText = cell.text('floor');
  const floor = floorText === '' ? floorOfRoom(room) : parseFloor(floorText);
  if (floor === null && room !== '')
    problems.push(problem(line, 'register.bad_floor', cell.header('floor'), { value: floorText }));
  const sourceText = cell.text('areaSource');
  const areaSource = sourceText === '' ? defaultSource : parseAreaSource(sourceText);
  if (areaSource === null)
    problems.push(problem(line, 'register.bad_source', cell.header('areaSource'), { value: sourceText }));
  const phoneText = cell.text('phone');
  const phone = phoneText === '' ? undefined : parsePhone(phoneText);
  if (phone === null)
    problems.push(problem(line, 'register.bad_phone', cell.header('phone'), { value: phoneText }));
  const dateText = cell.text('moveIn');
  const moveIn = dateText === '' ? undefined : parseDate(dateText);
  if (moveIn === null)
    problems.push(problem(line, 'register.bad_date', cell.header('moveIn'), { value: dateText }));
  if (problems.length > 0 || area === null || floor === null || areaSource === null) return { problems };
  const row: NumberedRegisterRow = {
    line,
    building,
    stairwell,
    room,
    floor,
    area,
    areaSource,
    ...readOwners(cell),
    ...(phone ? { phone } : {}),
    ...(moveIn ? { moveIn } : {}),
  };
  return { row };
}

const FIELD_OF_KEY: Readonly<Record<string, RegisterField>> = { owners: 'owner' };

/**
 * The first rule of the command's row schema the row breaks (a name over 100 characters, a control
 * character, 21 co-owners), as a problem on its column, so the preview shows what confirming would refuse.
 */
function ruleBroken(row: NumberedRegisterRow, columns: readonly RegisterColumn[]): RegisterProblem | null {
  const { line, ...fields } = row;
  const checked = parseWith(registerRowSchema, fields);
  if (checked.ok) return null;
  const key = String(checked.error.path[0] ?? '');
  const field = FIELD_OF_KEY[key] ?? (key as RegisterField);
  const header = columns.find((c) => c.field === field)?.header;
  return { line, ...(header === undefined ? {} : { column: header }), error: checked.error };
}

function readBody(
  cells: readonly Cells[],
  headerIndex: number,
  columns: readonly RegisterColumn[],
): { rows: NumberedRegisterRow[]; problems: RegisterProblem[] } {
  const areaColumn = columns.find((c) => c.field === 'area');
  const defaultSource = areaSourceOfHeader(areaColumn?.header ?? '');
  const rows: NumberedRegisterRow[] = [];
  const problems: RegisterProblem[] = [];
  const seen = new Map<string, number>();
  for (let index = headerIndex + 1; index < cells.length; index++) {
    const raw = cells[index] ?? [];
    if (raw.every((value) => clean(value) === '')) continue; // trailing or spacer rows
    const line = index + 1;
    const result = readRow(line, rowReader(columns, raw), defaultSource);
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    const invalid = ruleBroken(result.row, columns);
    if (invalid) {
      problems.push(invalid);
      continue;
    }
    const { building, stairwell, room } = result.row;
    const key = `${building}\u241f${stairwell}\u241f${room}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, line);
      rows.push(result.row);
    } else problems.push(problem(line, 'register.duplicate_room', undefined, { room, first }));
  }
  if (rows.length + problems.length > MAX_REGISTER_ROWS)
    return {
      rows: [],
      problems: [problem(0, 'register.too_many_rows', undefined, { max: MAX_REGISTER_ROWS })],
    };
  return { rows, problems };
}

/**
 * Reads a housing register (房屋清册 / 业主名册) from an `.xlsx` workbook or a CSV file (UTF-8 with or
 * without BOM, or GBK / GB18030), finds its header row below any title rows, maps the columns (see
 * {@link REGISTER_HEADERS}, or `options.mapping`), and cleans each row. Without a header row it
 * answers `register.no_header` with the fullest row near the top as `columns`. Nothing is imported: the rows
 * go to {@link registerCommand} once the organizer has seen the problems and confirmed.
 */
export function parseRegister(bytes: Uint8Array, options: ParseRegisterOptions = {}): ParsedRegister {
  const cells = readCells(bytes, options.filename ?? '');
  if (!Array.isArray(cells)) return { rows: [], problems: [cells], columns: [], headerLine: 0 };
  const header = findHeader(cells, options.mapping);
  if (!header) {
    const columns = likelyHeader(cells, options.mapping);
    return { rows: [], problems: [problem(0, 'register.no_header')], columns, headerLine: 0 };
  }
  const { index, columns } = header;
  const missing = REQUIRED_FIELDS.filter((field) => !columns.some((c) => c.field === field));
  if (missing.length > 0) {
    const problems = missing.map((field) =>
      problem(index + 1, 'register.missing_column', undefined, { field }),
    );
    return { rows: [], problems, columns, headerLine: index + 1 };
  }
  return { ...readBody(cells, index, columns), columns, headerLine: index + 1 };
}
