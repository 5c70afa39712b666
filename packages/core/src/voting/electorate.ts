import { ownerElectorate } from '../community/electorate.js';
import { effectiveArea, householdsOn, livesThereOn, unitsIn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import type { LocalDate } from '../time/local-date.js';
import type { MotionDefinition, Voter } from './motion.js';

/** What the electorate of a motion depends on: who votes, where, and any age limit or custom weights. */
export type ElectorateInput = Pick<MotionDefinition, 'basis' | 'scope' | 'minAge' | 'customWeights'>;

function customWeight(definition: ElectorateInput, unitIds: readonly string[]): number {
  const weights = definition.customWeights;
  if (!weights) return 0;
  return unitIds.reduce((sum, id) => sum + (weights[id] ?? 0), 0);
}

/**
 * The electorate of a motion on `date`, frozen when it opens so later moves and sales cannot change
 * who may vote or what their vote weighs.
 * - owners: one voter per owner head (SPC interpretation Arts. 8–9), weighted by its area;
 * - households: one voter per unit with residents, weighted by the unit's area;
 * - residents: one voter per resident (of at least `minAge`, when set), with no area.
 */
export function freezeElectorate(
  community: CommunityState,
  definition: ElectorateInput,
  date: LocalDate,
): Voter[] {
  const year = Number(date.slice(0, 4));
  switch (definition.basis) {
    case 'owners':
      return ownerElectorate(community, definition.scope, date).heads.map((head) => ({
        id: head.key,
        members: head.ownerIds,
        unitIds: head.unitIds,
        area: head.area,
        custom: customWeight(definition, head.unitIds),
      }));
    case 'households':
      return householdsOn(community, definition.scope, date).map(({ unit, residents }) => ({
        id: unit.id,
        members: residents.map((r) => r.id),
        unitIds: [unit.id],
        area: effectiveArea(unit).area,
        custom: customWeight(definition, [unit.id]),
      }));
    case 'residents': {
      const inScope = new Set(unitsIn(community, definition.scope).map((u) => u.id));
      const voters: Voter[] = [];
      for (const r of community.residents.values()) {
        if (!inScope.has(r.unitId) || !livesThereOn(r, date)) continue;
        // Age by calendar year: the roll is about who may vote this year, not to the day.
        if (
          definition.minAge !== undefined &&
          r.birthYear !== undefined &&
          year - r.birthYear < definition.minAge
        )
          continue;
        voters.push({
          id: r.id,
          members: [r.id],
          unitIds: [r.unitId],
          area: 0,
          custom: customWeight(definition, [r.unitId]),
        });
      }
      return voters;
    }
  }
}
