import { type LinliError, linliError, type PathSegment } from '../../errors/linli-error.js';
import { err, ok, type Result } from '../../errors/result.js';
import type { ErrorCode } from '../../i18n/messages.js';
import type { OptionIndex } from './method.js';

/** The index of option `id`, or `ballot.unknown_option` at `path`. */
export function optionAt(options: OptionIndex, id: string, path: PathSegment[]): Result<number, LinliError> {
  const i = options.get(id);
  return i === undefined ? err(linliError('ballot.unknown_option', path, { id })) : ok(i);
}

/** The indexes of distinct option ids given in `field`, in order; a repeat is `ballot.duplicate_option`. */
export function distinctOptions(
  options: OptionIndex,
  ids: readonly string[],
  field: string,
): Result<number[], LinliError> {
  const out: number[] = [];
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) return err(linliError('ballot.duplicate_option', [field, i], { id }));
    seen.add(id);
    const found = optionAt(options, id, [field, i]);
    if (!found.ok) return found;
    out.push(found.value);
  }
  return ok(out);
}

/**
 * A figure for every option from a record keyed by option id (scores, points): every id must be an
 * option and every option must be given, else `incomplete` names the ones missing.
 */
export function perOption(
  motionOptions: readonly { readonly id: string }[],
  options: OptionIndex,
  given: Readonly<Record<string, number>>,
  field: string,
  incomplete: ErrorCode,
): Result<number[], LinliError> {
  for (const id of Object.keys(given)) {
    const found = optionAt(options, id, [field, id]);
    if (!found.ok) return found;
  }
  const missing = motionOptions.filter((o) => given[o.id] === undefined).map((o) => o.id);
  if (missing.length > 0) return err(linliError(incomplete, [field], { missing: missing.join(', ') }));
  return ok(motionOptions.map((o) => given[o.id] as number));
}
