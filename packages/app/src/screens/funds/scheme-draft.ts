import { findUnit, type RoomEntry } from '../motion/room-lookup.js';
import { fenOf } from '../motion-wizard/fund-draft.js';

/** The new-fund form as typed: text until sent, so the core judges every figure and what was typed stays. */
export interface SchemeDraft {
  readonly name: string;
  /** Yuan as typed. */
  readonly budget: string;
  /** Yuan as typed; empty means the budget. */
  readonly cost: string;
  /** `community`, `building:<id>` or `stairwell:<id>`. */
  readonly scope: string;
  readonly basis: 'equal' | 'area' | 'floorCoefficients';
  /** Each floor's coefficient as typed ("1.20"), by floor. */
  readonly coefficients: Readonly<Record<string, string>>;
  readonly subsidyKind: 'none' | 'fixed' | 'percent';
  /** Yuan (fixed) or percent (percent), as typed. */
  readonly subsidy: string;
  readonly exemptions: readonly { readonly room: string; readonly reason: string }[];
  /** `YYYY-MM-DD`. */
  readonly due: string;
}

/** An empty draft over `scope`. */
export const emptyDraft = (scope: string, due: string): SchemeDraft => ({
  name: '',
  budget: '',
  cost: '',
  scope,
  basis: 'floorCoefficients',
  coefficients: {},
  subsidyKind: 'none',
  subsidy: '',
  exemptions: [],
  due,
});

/** A decimal as typed in hundredths (yuan → fen, 1.20 → 120, 30% → 3000 basis points), else the text for the core to refuse. */
const hundredths = (typed: string): number | string => fenOf(typed) ?? typed;

/** The scope a draft names, as the core's scope. */
export function scopeOf(draft: Pick<SchemeDraft, 'scope'>): Record<string, string> {
  const [kind = 'community', id = ''] = draft.scope.split(':');
  return kind === 'community' ? { kind } : { kind, id };
}

/**
 * The `scheme.define` command a draft stands for. Nothing is judged here: rooms are looked up on the
 * doors (an unknown room is sent as typed, so the core names it), figures are converted exactly or
 * sent as typed, and the core's validation and `computeShares` decide.
 */
export function schemeCommand(draft: SchemeDraft, rooms: readonly RoomEntry[]): Record<string, unknown> {
  const basis =
    draft.basis === 'floorCoefficients'
      ? {
          kind: 'floorCoefficients',
          coefficients: Object.fromEntries(
            Object.entries(draft.coefficients).map(([floor, c]) => [floor, hundredths(c.trim() || '0')]),
          ),
        }
      : { kind: draft.basis };
  const subsidy =
    draft.subsidyKind === 'fixed'
      ? { kind: 'fixed', amount: hundredths(draft.subsidy) }
      : draft.subsidyKind === 'percent'
        ? { kind: 'percent', basisPoints: hundredths(draft.subsidy) }
        : undefined;
  const exemptions = draft.exemptions.map((e) => {
    const found = findUnit(rooms, e.room);
    return { unitId: found.kind === 'unit' ? found.unit.unitId : e.room, reason: e.reason };
  });
  return {
    type: 'scheme.define',
    name: draft.name,
    scope: scopeOf(draft),
    basis,
    ...(subsidy ? { subsidy } : {}),
    ...(exemptions.length > 0 ? { exemptions } : {}),
  };
}

/** The amount the draft shares now, in fen (the budget when no amount is typed), else the text. */
export function costOf(draft: SchemeDraft): number | string {
  const typed = draft.cost.trim() === '' ? draft.budget : draft.cost;
  return hundredths(typed);
}

/** The floors of the units a draft's scope covers, lowest first, for one coefficient field each. */
export function floorsOf(units: readonly { readonly floor: number }[]): number[] {
  return [...new Set(units.map((u) => u.floor))].sort((a, b) => a - b);
}
