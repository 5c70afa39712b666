import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { DecideContext } from './context.js';

/**
 * The id for a new entity: the caller's, if free (else `entity.duplicate_id`), or a generated one —
 * drawn again while it collides with an id a caller chose earlier.
 */
export function chooseId(
  taken: (id: string) => boolean,
  kind: string,
  requested: string | undefined,
  context: Pick<DecideContext, 'newId'>,
): Result<string, LinliError> {
  if (requested !== undefined) {
    return taken(requested)
      ? err(linliError('entity.duplicate_id', ['id'], { kind, id: requested }))
      : ok(requested);
  }
  let id = context.newId(kind);
  while (taken(id)) id = context.newId(kind);
  return ok(id);
}
