import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isLocalDate, type LinliError, localDateOf } from '@linli/core';
import {
  parseRegister,
  planRegisterImport,
  REGISTER_CHANGE_LABELS,
  type RegisterProblem,
  registerCommand,
} from '@linli/core/register';
import { type Print, withCommunity } from './admin.js';
import { CliFailure } from './backup.js';
import { UsageError } from './command-line.js';
import type { DataFolder } from './data-folder.js';

/** What `import` was asked: the register file, whether to apply it, and the date ownership changes take. */
export interface ImportRequest {
  readonly community: string;
  readonly file: string;
  readonly apply: boolean;
  readonly date?: string;
}

const both = (error: LinliError) => `${error.message['zh-CN']} / ${error.message.en}`;

function problemLine({ line, column, error }: RegisterProblem): string {
  const where = line === 0 ? 'file' : `row ${line}${column === undefined ? '' : `, column ${column}`}`;
  return `  ${where}: ${both(error)}`;
}

/**
 * `import <community> <file> [--apply] [--date YYYY-MM-DD]`: reads a housing register (.xlsx or .csv,
 * UTF-8 or GB18030), prints every problem with its row and column, and what the import would change.
 * Nothing is applied without `--apply`; then the whole register goes in as one command — all of it or
 * nothing — and importing the same file again changes nothing.
 */
export async function importRegisterFile(
  data: DataFolder,
  request: ImportRequest,
  print: Print,
): Promise<void> {
  const date: string = request.date ?? localDateOf(new Date());
  if (!isLocalDate(date)) throw new UsageError(`import: --date must be a date YYYY-MM-DD, not "${date}"`);
  const bytes = await readFile(request.file).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`import: cannot read ${request.file} (${e.code ?? 'error'})`);
  });
  const parsed = parseRegister(new Uint8Array(bytes), { filename: basename(request.file) });
  const households = `${parsed.rows.length} household${parsed.rows.length === 1 ? '' : 's'}`;
  print(
    parsed.headerLine === 0
      ? `Read ${request.file}: no header row found.`
      : `Read ${households} from ${request.file} (header on row ${parsed.headerLine}).`,
  );
  if (parsed.problems.length > 0) {
    for (const problem of parsed.problems) print(problemLine(problem));
    throw new CliFailure(`import: ${parsed.problems.length} problem(s) above; nothing was imported`);
  }
  await withCommunity(data, request.community, async (governance) => {
    const command = registerCommand(parsed, { date });
    if (!command.ok) throw new CliFailure(`import: ${both(command.error)}`);
    const plan = planRegisterImport(governance.snapshot().community, command.value, date);
    if (!plan.ok) throw new CliFailure(`import: nothing was imported: ${both(plan.error)}`);
    if (plan.value.events.length === 0) {
      print('Nothing to change: the community already matches this register.');
      return;
    }
    for (const [type, count] of Object.entries(plan.value.counts)) {
      const label = REGISTER_CHANGE_LABELS[type];
      print(`  ${label ? `${label['zh-CN']} ${label.en}` : type}: ${count}`);
    }
    if (!request.apply) {
      print(`Preview only: ${plan.value.events.length} changes. Run again with --apply to import them.`);
      return;
    }
    const applied = await governance.execute(command.value);
    if (!applied.ok) throw new CliFailure(`import: nothing was imported: ${both(applied.error)}`);
    print(`Imported: ${applied.value.length} changes, written together (all or nothing).`);
  });
}
