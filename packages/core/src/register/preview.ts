import type { LinliError } from '../errors/linli-error.js';
import type { LocalDate } from '../time/local-date.js';
import type { RegisterFieldLabel } from './field-labels.js';
import type { NumberedRegisterRow, RegisterColumn, RegisterField, RegisterProblem } from './types.js';

/** What an import would change (event type → how many), or the typed error that would refuse it. */
export type RegisterPlanSummary =
  | { readonly ok: true; readonly changes: number; readonly counts: Readonly<Record<string, number>> }
  | { readonly ok: false; readonly error: LinliError };

/**
 * A register file as read, and what importing it would do — the answer of a server's
 * `POST /c/:id/register/preview`, which the browser's import screen draws.
 */
export interface RegisterPreview {
  readonly file: string;
  readonly date: LocalDate;
  readonly headerLine: number;
  readonly columns: readonly RegisterColumn[];
  readonly fields: readonly RegisterFieldLabel[];
  /** The first rows (a server caps them); `rowCount` is the total. */
  readonly rows: readonly NumberedRegisterRow[];
  readonly rowCount: number;
  /** The first problems; `problemCount` is the total. */
  readonly problems: readonly RegisterProblem[];
  readonly problemCount: number;
  readonly plan: RegisterPlanSummary;
}

/** What an applied import changed (`upToDate` when the community already matched the file). */
export interface RegisterImported {
  readonly changes: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly upToDate: boolean;
}

/** Header as written in the file → the field it fills, or null to ignore the column. */
export type RegisterMapping = Readonly<Record<string, RegisterField | null>>;
