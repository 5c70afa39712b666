import { effectiveArea, livesThereOn, ownersOn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import type {
  AreaSource,
  Building,
  Community,
  Owner,
  Resident,
  Stairwell,
  Unit,
} from '../community/types.js';
import type { Area } from '../numbers/area.js';
import type { LocalDate } from '../time/local-date.js';

/** A unit as a reader wants it: with its effective area and current owners resolved. */
export interface UnitView extends Unit {
  readonly area: Area;
  readonly areaSource: AreaSource;
  readonly ownerIds: readonly string[];
}

/** A read model of the community for screens: plain arrays, in the order things were added. */
export interface CommunityView {
  readonly community: Community | null;
  readonly buildings: readonly Building[];
  readonly stairwells: readonly Stairwell[];
  readonly units: readonly UnitView[];
  readonly owners: readonly Owner[];
  /** Residents living in the community on `today`. */
  readonly residents: readonly Resident[];
}

/** Builds the read model from state, for the date `today`. */
export function communityView(state: CommunityState, today: LocalDate): CommunityView {
  return {
    community: state.community,
    buildings: [...state.buildings.values()],
    stairwells: [...state.stairwells.values()],
    units: [...state.units.values()].map((unit) => {
      const { area, source } = effectiveArea(unit);
      return { ...unit, area, areaSource: source, ownerIds: ownersOn(unit, today) };
    }),
    owners: [...state.owners.values()],
    residents: [...state.residents.values()].filter((r) => livesThereOn(r, today)),
  };
}
