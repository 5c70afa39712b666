import { LinliException, linliError } from '../errors/linli-error.js';
import { type Allocation, allocate } from '../numbers/allocate.js';
import { addFractions, type Fraction, fraction, fractionToString } from '../numbers/fraction.js';
import type { Money } from '../numbers/money.js';
import type { SchemeBasis, SchemeSpec, SchemeUnit } from './scheme.js';

/** One unit's line in a public cost table (公示): how its share came about. */
export interface ShareRow {
  readonly unitId: string;
  readonly room: string;
  readonly floor: number;
  /** Hundredths of m². */
  readonly area: number;
  /** The floor coefficient in hundredths, where the scheme uses one. */
  readonly coefficient: number | null;
  /** The weight as a decimal string (it may exceed 2^53 in combined schemes). */
  readonly weight: string;
  /** The exact quota before rounding, "n/d" fen. */
  readonly quota: string;
  /** The share in fen. */
  readonly share: Money;
  /** Fen added (or, for adjustments and caps, moved) by rounding: share − ⌊quota⌋ before caps and adjustments. */
  readonly rounding: number;
  readonly exempt?: string;
  readonly fixed?: string;
  readonly capped?: boolean;
  readonly adjustment?: { readonly amount: number; readonly reason: string };
}

/** A whole share table: the cost, the subsidy, what is split, and every unit's row. */
export interface ShareTable {
  readonly cost: Money;
  readonly subsidy: Money;
  /** cost − subsidy: what the rows add up to, exactly. */
  readonly net: Money;
  readonly rows: readonly ShareRow[];
}

function fail(
  code:
    | 'scheme.unknown_unit'
    | 'scheme.bad_parts'
    | 'scheme.fixed_exceeds'
    | 'scheme.caps_too_low'
    | 'number.negative',
  path: (string | number)[],
  params = {},
): never {
  throw new LinliException(linliError(code, path, params));
}

/** The coefficient (hundredths) a floor-coefficient basis gives a floor: listed, else `above` past the top listed floor, else 0. */
export function coefficientOf(
  basis: Extract<SchemeBasis, { kind: 'floorCoefficients' }>,
  floor: number,
): number {
  const listed = basis.coefficients[String(floor)];
  if (listed !== undefined) return listed;
  const floors = Object.keys(basis.coefficients).map(Number);
  return floors.length > 0 && floor > Math.max(...floors) ? (basis.above ?? 0) : 0;
}

interface Split {
  readonly shares: number[];
  readonly quotas: Fraction[];
  readonly rounding: number[];
  readonly weights: bigint[];
}

/** Splits `amount` over `units` by `basis`, with unit ids as tie-break keys. Zero weights are honoured. */
function splitBy(
  basis: SchemeBasis,
  units: readonly SchemeUnit[],
  amount: number,
  method: SchemeSpec['method'],
  active: readonly boolean[],
): Split {
  const keys = units.map((u) => u.unitId);
  const n = units.length;
  const fromAllocation = (a: Allocation, weights: bigint[]): Split => ({
    shares: a.shares,
    quotas: units.map((_, i) => a.quota(i)),
    rounding: a.adjustments,
    weights,
  });
  const simple = (weightOf: (u: SchemeUnit) => bigint): Split => {
    const weights = units.map((u, i) => (active[i] ? weightOf(u) : 0n));
    if (amount === 0 || weights.every((w) => w === 0n)) {
      if (amount !== 0) throw new LinliException(linliError('allocate.zero_weights', ['basis']));
      return {
        shares: new Array(n).fill(0),
        quotas: units.map(() => fraction(0)),
        rounding: new Array(n).fill(0),
        weights,
      };
    }
    return fromAllocation(allocate(amount, weights, { keys, ...(method ? { method } : {}) }), weights);
  };
  switch (basis.kind) {
    case 'equal':
      return simple(() => 1n);
    case 'area':
      return simple((u) => BigInt(u.area));
    case 'floorCoefficients':
      return simple((u) => BigInt(coefficientOf(basis, u.floor)) * BigInt(u.area));
    case 'elevator': {
      const top = Math.max(...units.map((u) => u.floor));
      const segments: number[] = [];
      for (let f = basis.fromFloor; f <= top; f++) segments.push(f);
      const perSegment = allocate(
        amount,
        segments.map(() => 1),
        { keys: segments.map((f) => String(f).padStart(4, '0')) },
      );
      const parts = segments.map((floor, s) =>
        splitBy(
          basis.within === 'area' ? { kind: 'area' } : { kind: 'equal' },
          units,
          perSegment.shares[s] as number,
          method,
          units.map((u, i) => (active[i] as boolean) && u.floor >= floor),
        ),
      );
      return sumSplits(parts, n);
    }
    case 'combined': {
      const points = basis.parts.reduce((sum, p) => sum + p.basisPoints, 0);
      if (points !== 10_000) fail('scheme.bad_parts', ['basis', 'parts'], { points });
      const portions = allocate(
        amount,
        basis.parts.map((p) => p.basisPoints),
      );
      return sumSplits(
        basis.parts.map((p, k) => splitBy(p.basis, units, portions.shares[k] as number, method, active)),
        n,
      );
    }
  }
}

function sumSplits(parts: readonly Split[], n: number): Split {
  const shares = new Array<number>(n).fill(0);
  const rounding = new Array<number>(n).fill(0);
  const weights = new Array<bigint>(n).fill(0n);
  let quotas = Array.from({ length: n }, () => fraction(0));
  for (const part of parts) {
    for (let i = 0; i < n; i++) {
      shares[i] = (shares[i] as number) + (part.shares[i] as number);
      rounding[i] = (rounding[i] as number) + (part.rounding[i] as number);
      weights[i] = (weights[i] as bigint) + (part.weights[i] as bigint);
    }
    quotas = quotas.map((q, i) => addFractions(q, part.quotas[i] as Fraction));
  }
  return { shares, quotas, rounding, weights };
}

/** The subsidy in fen for a cost: fixed, or a percentage (rounded down) up to its cap, never above the cost. */
export function subsidyFor(cost: number, spec: SchemeSpec): number {
  const s = spec.subsidy;
  if (!s) return 0;
  const raw = s.kind === 'fixed' ? s.amount : Math.floor((cost * s.basisPoints) / 10_000);
  const capped = s.kind === 'percent' && s.cap !== undefined ? Math.min(raw, s.cap) : raw;
  return Math.min(capped, cost);
}

/**
 * Computes a scheme's share table for `cost` fen over `units`: subsidy first, fixed amounts out, the
 * rest split by the basis (exempt units weigh 0), caps enforced with the excess re-spread, manual
 * adjustments applied with their net spread back. The rows always sum to cost − subsidy, to the fen.
 */
export function computeShares(spec: SchemeSpec, units: readonly SchemeUnit[], cost: number): ShareTable {
  if (!Number.isSafeInteger(cost) || cost < 0) fail('number.negative', ['cost'], { what: 'cost' });
  const index = new Map(units.map((u, i) => [u.unitId, i]));
  const known = (unitId: string, path: (string | number)[]) => {
    const i = index.get(unitId);
    if (i === undefined) fail('scheme.unknown_unit', path, { unitId });
    return i;
  };
  const subsidy = subsidyFor(cost, spec);
  const net = cost - subsidy;
  const n = units.length;
  const exempt = new Map<number, string>();
  spec.exemptions?.forEach((e, k) => {
    exempt.set(known(e.unitId, ['exemptions', k, 'unitId']), e.reason);
  });
  const fixed = new Map<number, { amount: number; reason: string }>();
  spec.fixed?.forEach((f, k) => {
    fixed.set(known(f.unitId, ['fixed', k, 'unitId']), { amount: f.amount, reason: f.reason });
  });
  const fixedTotal = [...fixed.values()].reduce((sum, f) => sum + f.amount, 0);
  if (fixedTotal > net) fail('scheme.fixed_exceeds', ['fixed'], { fixed: fixedTotal, net });

  const active = units.map((_, i) => !exempt.has(i) && !fixed.has(i));
  const base = splitBy(spec.basis, units, net - fixedTotal, spec.method, active);
  const shares = base.shares.slice();
  for (const [i, f] of fixed) shares[i] = f.amount;

  // Caps: clamp, then spread what was cut over the uncapped units by the same basis, until none exceeds.
  const capOf = (i: number) => {
    let cap = Number.POSITIVE_INFINITY;
    for (const c of spec.caps ?? [])
      if (c.unitId === undefined || c.unitId === units[i]?.unitId) cap = Math.min(cap, c.max);
    return cap;
  };
  const capped = new Set<number>();
  for (let round = 0; round < n; round++) {
    let excess = 0;
    for (let i = 0; i < n; i++) {
      const cap = capOf(i);
      if ((shares[i] as number) > cap) {
        excess += (shares[i] as number) - cap;
        shares[i] = cap;
        capped.add(i);
      }
    }
    if (excess === 0) break;
    const open = units.map((_, i) => (active[i] as boolean) && !capped.has(i));
    if (!open.some(Boolean)) fail('scheme.caps_too_low', ['caps']);
    const spread = splitBy(spec.basis, units, excess, spec.method, open);
    for (let i = 0; i < n; i++) shares[i] = (shares[i] as number) + (spread.shares[i] as number);
  }

  // Manual adjustments: the adjusted units move by their amount, everyone else absorbs the net.
  const adjusted = new Map<number, { amount: number; reason: string }>();
  spec.adjustments?.forEach((a, k) => {
    adjusted.set(known(a.unitId, ['adjustments', k, 'unitId']), { amount: a.amount, reason: a.reason });
  });
  const netAdjustment = [...adjusted.values()].reduce((sum, a) => sum + a.amount, 0);
  for (const [i, a] of adjusted) shares[i] = (shares[i] as number) + a.amount;
  if (netAdjustment !== 0) {
    const absorb = splitBy(
      spec.basis,
      units,
      -netAdjustment,
      spec.method,
      units.map((_, i) => (active[i] as boolean) && !adjusted.has(i) && !capped.has(i)),
    );
    for (let i = 0; i < n; i++) shares[i] = (shares[i] as number) + (absorb.shares[i] as number);
  }

  const rows: ShareRow[] = units.map((u, i) => ({
    unitId: u.unitId,
    room: u.room,
    floor: u.floor,
    area: u.area,
    coefficient: spec.basis.kind === 'floorCoefficients' ? coefficientOf(spec.basis, u.floor) : null,
    weight: String(base.weights[i]),
    quota: fractionToString(base.quotas[i] as Fraction),
    share: shares[i] as Money,
    rounding: base.rounding[i] as number,
    ...(exempt.has(i) ? { exempt: exempt.get(i) as string } : {}),
    ...(fixed.has(i) ? { fixed: (fixed.get(i) as { reason: string }).reason } : {}),
    ...(capped.has(i) ? { capped: true } : {}),
    ...(adjusted.has(i) ? { adjustment: adjusted.get(i) as { amount: number; reason: string } } : {}),
  }));
  return { cost: cost as Money, subsidy: subsidy as Money, net: net as Money, rows };
}
