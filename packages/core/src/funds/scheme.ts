/** A unit as a cost-sharing scheme sees it, frozen when the scheme version is made. */
export interface SchemeUnit {
  readonly unitId: string;
  readonly room: string;
  readonly floor: number;
  /** Hundredths of m². */
  readonly area: number;
}

/** How the weight of each unit is formed. Coefficients are integer hundredths (0.7 is 70). */
export type SchemeBasis =
  /** Every unit the same. */
  | { readonly kind: 'equal' }
  /** By exclusive area: the Civil Code Art. 283 default when owners have not agreed otherwise. */
  | { readonly kind: 'area' }
  /** Floor coefficient × area; floors missing from the table use `above` if higher than every listed floor, else 0. */
  | {
      readonly kind: 'floorCoefficients';
      readonly coefficients: Readonly<Record<string, number>>;
      readonly above?: number;
    }
  /**
   * The elevator rule: the cost is cut into equal segments, one per floor from `fromFloor` to the top,
   * and each segment is shared (equally or by area) only by the units at or above it.
   */
  | { readonly kind: 'elevator'; readonly fromFloor: number; readonly within: 'equal' | 'area' }
  /** Parts of the cost split different ways, e.g. 70% by coefficient × area and 30% equally. Basis points sum to 10,000. */
  | {
      readonly kind: 'combined';
      readonly parts: readonly { readonly basisPoints: number; readonly basis: SchemeBasis }[];
    };

/** Government money that reduces the cost before it is split (补贴). */
export type Subsidy =
  | { readonly kind: 'fixed'; readonly amount: number }
  | { readonly kind: 'percent'; readonly basisPoints: number; readonly cap?: number };

/** A cost-sharing scheme (分摊方案): everything but the units, which are frozen per version. */
export interface SchemeSpec {
  readonly name: string;
  readonly basis: SchemeBasis;
  readonly method?: 'hamilton' | 'webster';
  readonly subsidy?: Subsidy;
  /** Units that pay nothing, with why (weight 0, still listed). */
  readonly exemptions?: readonly { readonly unitId: string; readonly reason: string }[];
  /** Units that pay a set amount; the rest is spread over the others. */
  readonly fixed?: readonly { readonly unitId: string; readonly amount: number; readonly reason: string }[];
  /** Most any one unit pays (`unitId` omitted: every unit); the excess is spread over the others. */
  readonly caps?: readonly { readonly unitId?: string; readonly max: number }[];
  /** Manual changes with reasons; their net is spread back over the other units so the total holds. */
  readonly adjustments?: readonly {
    readonly unitId: string;
    readonly amount: number;
    readonly reason: string;
  }[];
}

/** Floor-coefficient tables in common use. */
export const floorCoefficientPresets = {
  /** A Guangzhou example: floors 1–2 pay nothing, floors 3…9 pay 0.7 … 1.3 (and 1.3 above). */
  guangzhou: {
    kind: 'floorCoefficients',
    coefficients: { '1': 0, '2': 0, '3': 70, '4': 80, '5': 90, '6': 100, '7': 110, '8': 120, '9': 130 },
    above: 130,
  },
} as const satisfies Record<string, SchemeBasis>;
