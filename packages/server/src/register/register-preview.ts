import type { Governance, LocalDate } from '@linli/core';
import {
  type ParsedRegister,
  parseRegister,
  planRegisterImport,
  REGISTER_FIELD_LABELS,
  type RegisterPlanSummary,
  type RegisterPreview,
  registerCommand,
} from '@linli/core/register';
import type { RegisterUpload } from './upload-form.js';

/** Rows a preview carries: enough to check a file by eye on a phone; the total is always given. */
export const PREVIEW_ROWS = 200;
/** Problems a preview carries; a file with more is wrong as a whole (a shifted column), and the count says so. */
export const PREVIEW_PROBLEMS = 500;

/** An upload read: the parsed register, and the command that would import it (or why there is none). */
export interface ReadUpload {
  readonly parsed: ParsedRegister;
  readonly command: ReturnType<typeof registerCommand>;
}

/** Reads an uploaded register with the organizer's mapping; writes nothing. */
export async function readUpload(upload: RegisterUpload, date: LocalDate): Promise<ReadUpload> {
  const bytes = new Uint8Array(await upload.file.arrayBuffer());
  const parsed = parseRegister(bytes, {
    filename: upload.file.name,
    ...(upload.mapping === undefined ? {} : { mapping: upload.mapping }),
  });
  return { parsed, command: registerCommand(parsed, { date }) };
}

function planOf(
  governance: Governance,
  command: ReadUpload['command'],
  date: LocalDate,
): RegisterPlanSummary {
  if (!command.ok) return command;
  const plan = planRegisterImport(governance.snapshot().community, command.value, date);
  if (!plan.ok) return plan;
  return { ok: true, changes: plan.value.events.length, counts: plan.value.counts };
}

/** The preview of an upload against the community as it is now. */
export function previewOf(
  governance: Governance,
  file: string,
  { parsed, command }: ReadUpload,
  date: LocalDate,
): RegisterPreview {
  return {
    file,
    date,
    headerLine: parsed.headerLine,
    columns: parsed.columns,
    fields: REGISTER_FIELD_LABELS,
    rows: parsed.rows.slice(0, PREVIEW_ROWS),
    rowCount: parsed.rows.length,
    problems: parsed.problems.slice(0, PREVIEW_PROBLEMS),
    problemCount: parsed.problems.length,
    plan: planOf(governance, command, date),
  };
}
