import { importRegisterSchema } from '../community/commands.js';
import type { CommunityEvent, CommunityEventType } from '../community/events.js';
import { importRegister } from '../community/import-register.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import { parseWith } from '../validation/zod-errors.js';
import { type CommunityRecords, stateOfRecords } from './community-records.js';
import { registerError } from './register-error.js';
import type { ParsedRegister, RegisterRow } from './types.js';

/** The `register.import` command, ready for `governance.execute`. */
export interface RegisterImportCommand {
  readonly type: 'register.import';
  readonly rows: readonly RegisterRow[];
  readonly date?: LocalDate;
}

/** The command options: the date ownership changes take effect (default: the day it runs). */
export interface RegisterImportOptions {
  readonly date?: LocalDate;
}

const rowOnly = ({ line: _line, ...row }: RegisterRow & { readonly line?: number }): RegisterRow => row;

/**
 * The command that applies a parsed register, or `register.has_problems` while the preview still lists
 * problems: a register is imported whole or not at all, so a row that could not be read is never
 * silently dropped.
 */
export function registerCommand(
  parsed: Pick<ParsedRegister, 'rows' | 'problems'>,
  options: RegisterImportOptions = {},
): Result<RegisterImportCommand, LinliError> {
  if (parsed.problems.length > 0)
    return err(registerError('register.has_problems', { count: parsed.problems.length }));
  if (parsed.rows.length === 0) return err(registerError('register.no_header'));
  return ok({
    type: 'register.import',
    rows: parsed.rows.map(rowOnly),
    ...(options.date === undefined ? {} : { date: options.date }),
  });
}

/** What an import would change: its events, and how many of each type. */
export interface RegisterPlan {
  readonly events: readonly CommunityEvent[];
  readonly counts: Readonly<Partial<Record<CommunityEventType, number>>>;
}

/**
 * The preview of `command` against the community's current records: exactly the events the command
 * would append on `today` (`YYYY-MM-DD`; ids are placeholders: `new-unit-1` …), or the error that
 * would refuse it. Pure: pass `governance.snapshot().community`.
 */
export function planRegisterImport(
  records: CommunityRecords,
  command: RegisterImportCommand,
  today: string,
): Result<RegisterPlan, LinliError> {
  if (!isLocalDate(today)) return err(linliError('date.invalid', ['today'], { value: today }));
  if (!records.community) return err(linliError('community.not_founded'));
  const valid = parseWith(importRegisterSchema, command);
  if (!valid.ok) return err(valid.error);
  let n = 0;
  const decided = importRegister(stateOfRecords(records), valid.value, {
    today,
    newId: (kind) => `new-${kind}-${++n}`,
  });
  if (!decided.ok) return decided;
  const counts: Partial<Record<CommunityEventType, number>> = {};
  for (const event of decided.value) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return ok({ events: decided.value, counts });
}
