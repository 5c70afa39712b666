import type { AreaSource } from '../community/types.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';

/** NFKC (full-width digits and letters → ASCII, `㎡` → `m2`) and trimmed, with inner runs of space kept single. */
export function clean(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A room as on the door: no `室`/`号` suffix, and an all-digit room without leading zeros (`0301` → `301`). */
export function normalizeRoom(text: string): string {
  const room = clean(text).replace(/[室号]$/, '');
  return /^\d+$/.test(room) ? room.replace(/^0+(?=\d)/, '') : room;
}

/** A bare number names a building `N号楼` and a stairwell `N单元`; any other name stays as written. */
export function normalizePlace(text: string, suffix: '号楼' | '单元'): string {
  const name = clean(text);
  return /^\d+$/.test(name) ? `${name.replace(/^0+(?=\d)/, '')}${suffix}` : name;
}

const AREA = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An area in integer hundredths of m², read from its decimal digits (never through a float):
 * `75.32`, `75.32㎡`, `75.32平方米`, `1,075.3 m²`. Null if it is not a positive figure with at most two
 * decimal places.
 */
export function parseArea(text: string): number | null {
  const digits = clean(text)
    .replace(/(m2|m²|平方米|平米|平)$/i, '')
    .replace(/[,\s]/g, '');
  const match = AREA.exec(digits);
  if (!match) return null;
  const area = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(area) && area > 0 ? area : null;
}

/** A floor: `3`, `3层`, `3F`, `-1`; null if not an integer. */
export function parseFloor(text: string): number | null {
  const floor = clean(text).replace(/(层|楼|f)$/i, '');
  return /^-?\d{1,3}$/.test(floor) ? Number(floor) : null;
}

/** The floor a room number implies: `301` → 3, `1203` → 12; null for rooms shorter than three digits. */
export function floorOfRoom(room: string): number | null {
  return /^\d{3,}$/.test(room) ? Math.floor(Number(room) / 100) : null;
}

const SOURCES: readonly (readonly [RegExp, AreaSource])[] = [
  [/^(登记|产证|不动产|产权|registered)/i, 'registered'],
  [/^(实测|测绘|surveyed)/i, 'surveyed'],
  [/^(合同|预售|contract)/i, 'contract'],
];

/** An area source from its Chinese or English name; null if unknown. */
export function parseAreaSource(text: string): AreaSource | null {
  const value = clean(text);
  return SOURCES.find(([pattern]) => pattern.test(value))?.[1] ?? null;
}

/** Owner names from one or more cells: split on `、` `/` `,` `;` (full-width too), trimmed, each once. */
export function splitOwners(...cells: readonly string[]): string[] {
  const names = cells.flatMap((cell) => clean(cell).split(/[、/,;]/));
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

/** Words that stand for the developer in an owner cell. */
export const DEVELOPER_WORDS: ReadonlySet<string> = new Set(['开发商', 'developer']);

/** A yes/no cell: `是` `Y` `yes` `true` `1` `√` are yes; anything else, blank included, is no. */
export function isYes(text: string): boolean {
  return /^(是|y|yes|true|1|√|✓|x)$/i.test(clean(text));
}

/** A phone as written, if it looks like one (digits, `+`, spaces, `-`); null otherwise. */
export function parsePhone(text: string): string | null {
  const phone = clean(text);
  return /^\+?\d[\d -]{4,28}\d$/.test(phone) ? phone : null;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function ymd(y: string, m: string, d: string): LocalDate | null {
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/**
 * A date: `2020-01-05`, `2020/1/5`, `2020.1.5`, `2020年1月5日`, `20200105`, or an Excel date serial
 * (days since 1899-12-30, what a date cell holds). Null if none of these.
 */
export function parseDate(text: string): LocalDate | null {
  const value = clean(text);
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (parts) return ymd(parts[1] ?? '', parts[2] ?? '', parts[3] ?? '');
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return ymd(compact[1] ?? '', compact[2] ?? '', compact[3] ?? '');
  if (/^\d{4,5}$/.test(value)) {
    return new Date(EXCEL_EPOCH_MS + Number(value) * 86_400_000).toISOString().slice(0, 10) as LocalDate;
  }
  return null;
}
