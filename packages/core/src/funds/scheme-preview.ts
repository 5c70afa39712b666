import type { Scope } from '../community/queries.js';
import { effectiveArea, unitsIn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import { type LinliError, LinliException, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { parseWith } from '../validation/zod-errors.js';
import { defineSchemeSchema, pledgeSchema } from './commands.js';
import type { SchemeSpec, SchemeUnit } from './scheme.js';
import { computeShares, type ShareTable } from './shares.js';

/** The units of `scope` as a scheme freezes them: room, floor and the area that counts. */
export function schemeUnitsOf(community: CommunityState, scope: Scope): SchemeUnit[] {
  return unitsIn(community, scope).map((u) => ({
    unitId: u.id,
    room: u.room,
    floor: u.floor,
    area: effectiveArea(u).area,
  }));
}

/**
 * What `scheme.define` of `draft` and then `fund.pledge` of `cost` would give every household, without
 * recording anything: the same validation, the same units and the same `computeShares`, so a live
 * preview shows exactly the shares the pledge will book (they sum exactly to cost − subsidy). A draft
 * or cost the commands would refuse gets the same typed error, its path as the command's.
 */
export function previewScheme(
  community: CommunityState,
  draft: unknown,
  cost: unknown,
): Result<ShareTable, LinliError> {
  const scheme = parseWith(defineSchemeSchema, draft);
  if (!scheme.ok) return scheme;
  const amount = parseWith(pledgeSchema.shape.cost, cost);
  if (!amount.ok) return err({ ...amount.error, path: ['cost'] });
  const { type: _t, id: _id, scope, ...spec } = scheme.value;
  const units = schemeUnitsOf(community, scope);
  if (units.length === 0) return err(linliError('scheme.no_units', ['scope']));
  try {
    return ok(computeShares(JSON.parse(JSON.stringify(spec)) as SchemeSpec, units, amount.value));
  } catch (e) {
    if (e instanceof LinliException) return err(e.error);
    throw e;
  }
}
