import { livesThereOn, unitsIn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import type { Resident } from '../community/types.js';
import type { LocalDate } from '../time/local-date.js';
import { type ElectorateInput, freezeElectorate } from './electorate.js';
import type { Voter } from './motion.js';

/**
 * Why a unit or resident in scope has no vote:
 * - `noResidents`: a households or residents motion, and nobody lives in the unit on the date;
 * - `underAge`: a residents motion with a minimum age the resident is under (by calendar year).
 */
export type ExclusionReason = 'noResidents' | 'underAge';

/** One unit or resident in scope left out of the electorate, with the reason. */
export interface Exclusion {
  /** The unit left out, or the unit of the resident left out. */
  readonly unitId: string;
  /** The resident left out (`underAge`); absent when the whole unit is. */
  readonly residentId?: string;
  /** Why they have no vote. */
  readonly reason: ExclusionReason;
}

/** The electorate a draft would freeze if opened on a date, with its totals and who is left out. */
export interface ElectoratePreview {
  /** Exactly the voters `motion.open` would freeze on that date. */
  readonly voters: readonly Voter[];
  /** One per voter. */
  readonly heads: number;
  /** The voters' area, integer hundredths of m² (0 for a residents motion). */
  readonly area: number;
  /** The units of the scope. */
  readonly unitsInScope: number;
  /** Units and residents in scope that have no vote, and why. */
  readonly excluded: readonly Exclusion[];
}

/**
 * Previews the electorate of a draft on `date`: the same roll {@link freezeElectorate} freezes when the
 * motion opens, plus the units and residents of the scope it leaves out and why — what a motion wizard
 * shows before opening. Owners motions leave no unit out: a unit with no recorded owner counts with
 * the developer's head.
 */
export function previewElectorate(
  community: CommunityState,
  definition: ElectorateInput,
  date: LocalDate,
): ElectoratePreview {
  const voters = freezeElectorate(community, definition, date);
  const units = unitsIn(community, definition.scope);
  const excluded: Exclusion[] = [];
  if (definition.basis !== 'owners') {
    const living = new Map<string, Resident[]>();
    for (const r of community.residents.values())
      if (livesThereOn(r, date)) living.set(r.unitId, [...(living.get(r.unitId) ?? []), r]);
    const voterIds = new Set(voters.map((v) => v.id));
    for (const unit of units) {
      const here = living.get(unit.id) ?? [];
      if (here.length === 0) excluded.push({ unitId: unit.id, reason: 'noResidents' });
      else if (definition.basis === 'residents')
        for (const r of here)
          if (!voterIds.has(r.id)) excluded.push({ unitId: unit.id, residentId: r.id, reason: 'underAge' });
    }
  }
  return {
    voters,
    heads: voters.length,
    area: voters.reduce((sum, v) => sum + v.area, 0),
    unitsInScope: units.length,
    excluded,
  };
}
