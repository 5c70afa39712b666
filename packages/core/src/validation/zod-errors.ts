import type * as z from 'zod/mini';
import { type LinliError, linliError, type PathSegment } from '../errors/linli-error.js';
import { type ErrorCode, isErrorCode, type MessageParams } from '../i18n/messages.js';

type Issue = z.core.$ZodIssue;

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/**
 * Translates one zod issue into a Linli error with our own stable code and bilingual message. We
 * render messages ourselves instead of loading zod's locale bundles, which keeps zod/mini small in
 * the browser and the wording consistent with the rest of Linli.
 */
function fromIssue(issue: Issue): LinliError {
  const path = toPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return linliError('validation.not_integer', path);
      return linliError('validation.invalid_type', path, { expected: issue.expected });
    case 'too_small':
      return linliError('validation.too_small', path, {
        minimum: String(issue.minimum),
        origin: issue.origin,
      });
    case 'too_big':
      return linliError('validation.too_big', path, { maximum: String(issue.maximum), origin: issue.origin });
    case 'invalid_format':
      return linliError('validation.invalid_format', path, { format: issue.format });
    case 'invalid_value':
      return linliError('validation.invalid_value', path, { values: list(issue.values) });
    case 'unrecognized_keys':
      return linliError('validation.unrecognized_keys', path, { keys: list(issue.keys) });
    case 'custom': {
      const params = (issue.params ?? {}) as { code?: string } & Record<string, string | number>;
      const { code, ...rest } = params;
      if (code && isErrorCode(code)) return linliError(code as ErrorCode, path, rest as MessageParams);
      return linliError('validation.invalid', path);
    }
    default:
      return linliError('validation.invalid', path);
  }
}

/**
 * Runs a zod schema and returns either the parsed value or a {@link LinliError} for the first issue,
 * with every issue in `issues` so a form can mark all bad fields at once.
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; error: LinliError } {
  const result = schema.safeParse(input, { reportInput: false });
  if (result.success) return { ok: true, value: result.data };
  const all = result.error.issues.map(fromIssue);
  const [first] = all;
  const error = first ?? linliError('validation.invalid');
  return { ok: false, error: all.length > 1 ? { ...error, issues: all } : error };
}
