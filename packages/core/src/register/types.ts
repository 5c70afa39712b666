import type { AreaSource } from '../community/types.js';
import type { LinliError } from '../errors/linli-error.js';
import type { LocalDate } from '../time/local-date.js';

/** The columns a housing register (房屋清册 / 业主名册) can have. */
export type RegisterField =
  | 'building'
  | 'stairwell'
  | 'room'
  | 'floor'
  | 'area'
  | 'areaSource'
  | 'owner'
  | 'coOwners'
  | 'developer'
  | 'phone'
  | 'moveIn';

/** One unit of the register, cleaned: exact area, split owners, room as on the door. */
export interface RegisterRow {
  /** Building name as the register writes it, e.g. `96号楼`. */
  readonly building: string;
  /** Stairwell name, e.g. `1单元`. */
  readonly stairwell: string;
  /** Room as on the door, without leading zeros: `0301` reads `301`. */
  readonly room: string;
  readonly floor: number;
  /** Exclusive area in integer hundredths of m². */
  readonly area: number;
  readonly areaSource: AreaSource;
  /** The owner first, then co-owners; empty for a unit the developer has not sold. */
  readonly owners: readonly string[];
  /** The owners named are the developer (开发商), or the unit is unsold. */
  readonly developer: boolean;
  readonly phone?: string;
  readonly moveIn?: LocalDate;
}

/** A parsed row with the row number a spreadsheet shows for it (1-based, counting the header and title rows). */
export interface NumberedRegisterRow extends RegisterRow {
  readonly line: number;
}

/** A problem with one cell or row: where it is, and the typed error in zh-CN and en. */
export interface RegisterProblem {
  /** The spreadsheet's row number; 0 for the file as a whole. */
  readonly line: number;
  /** The header of the column, as written in the file; absent for a whole-row or whole-file problem. */
  readonly column?: string;
  readonly error: LinliError;
}

/** How a header of the file was read. */
export interface RegisterColumn {
  readonly header: string;
  /** The field it fills, or null when ignored. */
  readonly field: RegisterField | null;
}

/** What {@link parseRegister} makes of a file: the clean rows, every problem, and the column mapping used. */
export interface ParsedRegister {
  readonly rows: readonly NumberedRegisterRow[];
  readonly problems: readonly RegisterProblem[];
  /** The header row's columns; without one (`register.no_header`), the fullest row near the top, to map. */
  readonly columns: readonly RegisterColumn[];
  /** The spreadsheet row number of the header row; 0 when none was found. */
  readonly headerLine: number;
}
