import { Heap } from '../collections/heap.js';
import { LinliException, linliError } from '../errors/linli-error.js';
import { type Fraction, fraction } from './fraction.js';
import type { Money } from './money.js';

/** How leftover fen are placed after every share gets the floor of its quota. */
export type AllocationMethod =
  /** Largest remainder (Hamilton): the default; every share is within 1 fen of its exact quota (G2). */
  | 'hamilton'
  /** Webster / Sainte-Laguë: a divisor method; immune to the Alabama paradox, may very rarely miss quota. */
  | 'webster';

/** Options of {@link allocate}. */
export interface AllocateOptions {
  readonly method?: AllocationMethod;
  /**
   * Stable keys (e.g. unit ids), one per weight, that decide ties: the smaller key (by UTF-16 code
   * units) gets the extra fen. With keys, the result does not depend on input order (G5). Without
   * them, ties go to the earlier position.
   */
  readonly keys?: readonly string[];
}

/** The result of {@link allocate}, with everything a public notice needs to show its working. */
export interface Allocation {
  /** Shares in fen, in input order; they sum exactly to the total (G1). */
  readonly shares: Money[];
  /**
   * Share i's exact quota, total × wᵢ / Σw, in lowest terms. Computed on demand: building a BigInt
   * fraction for each of 100,000 rows would cost more than the allocation itself.
   */
  quota(index: number): Fraction;
  /** share − ⌊quota⌋ (or − ⌈quota⌉ for a negative total): the rounding each share received. */
  readonly adjustments: number[];
}

/** Integer weights as plain numbers or BigInt; each ≥ 0, not all 0. */
export type Weight = number | bigint;

function fail(
  code: 'allocate.bad_weight' | 'allocate.zero_weights' | 'number.not_integer',
  path: (string | number)[],
  params = {},
): never {
  throw new LinliException(linliError(code, path, params));
}

function checkInputs(total: number, weights: readonly Weight[], keys: readonly string[] | undefined): void {
  if (!Number.isSafeInteger(total))
    fail('number.not_integer', ['total'], { what: 'total', value: String(total) });
  if (keys && keys.length !== weights.length) fail('allocate.bad_weight', ['keys'], { index: 'keys' });
  let positive = false;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as Weight;
    const ok = typeof w === 'bigint' ? w >= 0n : Number.isSafeInteger(w) && w >= 0;
    if (!ok) fail('allocate.bad_weight', ['weights', i], { index: i });
    if (w > 0) positive = true;
  }
  if (!positive && total !== 0 && weights.length > 0) fail('allocate.zero_weights', ['weights']);
  if (weights.length === 0 && total !== 0) fail('allocate.zero_weights', ['weights']);
}

/** Tie order: index i comes before j when it should receive an extra fen first. */
function tieCompare(keys: readonly string[] | undefined): (i: number, j: number) => number {
  if (!keys) return (i, j) => i - j;
  return (i, j) => {
    const a = keys[i] as string;
    const b = keys[j] as string;
    return a < b ? -1 : a > b ? 1 : i - j;
  };
}

/**
 * Splits `total` fen in proportion to integer `weights`, exactly: the shares always sum to the total.
 * Remainders are compared as the integers total·wᵢ mod Σw, never as floats. Products that could pass
 * 2^53 take a BigInt path; the common case stays in plain numbers. A negative total (a refund, an
 * income) is split as its magnitude and negated, so allocate(−T) = −allocate(T) (G7).
 *
 * Throws a `LinliException` for a non-integer total, a negative or non-integer weight, or all-zero
 * weights with a non-zero total.
 */
export function allocate(
  amount: number,
  weights: readonly Weight[],
  options: AllocateOptions = {},
): Allocation {
  checkInputs(amount, weights, options.keys);
  const total = amount === 0 ? 0 : amount; // no −0 shares
  if (total === 0) {
    const zeros = weights.map(() => 0);
    return { shares: zeros as Money[], quota: () => fraction(0), adjustments: zeros };
  }
  if (total < 0) {
    const positive = allocate(-total, weights, options);
    return {
      shares: positive.shares.map((s) => (s === 0 ? 0 : -s) as Money),
      quota: (i) => {
        const q = positive.quota(i);
        return fraction(-q.numerator, q.denominator);
      },
      adjustments: positive.adjustments.map((a) => (a === 0 ? 0 : -a)),
    };
  }
  const n = weights.length;
  let sumNumber = 0;
  let maxWeight = 0;
  let anyBig = false;
  for (const w of weights) {
    if (typeof w === 'bigint') anyBig = true;
    else {
      sumNumber += w;
      if (w > maxWeight) maxWeight = w;
    }
  }
  const safe = !anyBig && Number.isSafeInteger(sumNumber) && total * maxWeight <= Number.MAX_SAFE_INTEGER;
  const method = options.method ?? 'hamilton';
  if (safe && method === 'hamilton')
    return hamiltonNumber(total, weights as readonly number[], sumNumber, options.keys);
  const big = weights.map((w) => BigInt(w));
  return method === 'hamilton'
    ? hamiltonBig(BigInt(total), big, options.keys)
    : websterBig(BigInt(total), big, options.keys, n);
}

/** The fast path: every product total·wᵢ fits in a double exactly. */
function hamiltonNumber(
  total: number,
  weights: readonly number[],
  sum: number,
  keys: readonly string[] | undefined,
): Allocation {
  const n = weights.length;
  const shares: number[] = [];
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = total * (weights[i] as number);
    let q = Math.floor(p / sum);
    let r = p - q * sum;
    // Floating division can land one off right at an integer; the exact remainder corrects it.
    if (r < 0) {
      q -= 1;
      r += sum;
    } else if (r >= sum) {
      q += 1;
      r -= sum;
    }
    shares.push(q);
    remainders[i] = r;
    given += q;
  }
  const extra = topRemainders(remainders, total - given, keys);
  const adjustments: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = extra[i] as number;
    if (e === 1) shares[i] = (shares[i] as number) + 1;
    adjustments.push(e);
  }
  return {
    shares: shares as Money[],
    quota: (i) => fraction(BigInt(total) * BigInt(weights[i] as number), BigInt(sum)),
    adjustments,
  };
}

/**
 * Marks the `count` indexes with the largest remainders, ties by key. Linear on average: a quickselect
 * finds the cut-off remainder, and only the ties at the cut-off are ordered.
 */
function topRemainders(
  remainders: Float64Array,
  count: number,
  keys: readonly string[] | undefined,
): Uint8Array {
  const n = remainders.length;
  const marks = new Uint8Array(n);
  if (count <= 0) return marks;
  const cut = select(Float64Array.from(remainders), n - count); // the count-th largest value
  const ties: number[] = [];
  let chosen = 0;
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (r > cut) {
      marks[i] = 1;
      chosen++;
    } else if (r === cut) ties.push(i);
  }
  ties.sort(tieCompare(keys));
  for (const i of ties) {
    if (chosen >= count) break;
    marks[i] = 1;
    chosen++;
  }
  return marks;
}

/** Hoare's quickselect: the value that would sit at index k if `a` were sorted ascending. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

function hamiltonBig(
  total: bigint,
  weights: readonly bigint[],
  keys: readonly string[] | undefined,
): Allocation {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const base = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let leftover = Number(total - base.reduce((a, b) => a + b, 0n));
  const byTie = tieCompare(keys);
  const order = weights.map((_, i) => i);
  order.sort((i, j) => {
    const a = remainders[i] as bigint;
    const b = remainders[j] as bigint;
    return a > b ? -1 : a < b ? 1 : byTie(i, j);
  });
  const adjustments = new Array<number>(weights.length).fill(0);
  for (const i of order) {
    if (leftover <= 0) break;
    adjustments[i] = 1;
    leftover -= 1;
  }
  const shares = base.map((b, i) => toMoney(b + BigInt(adjustments[i] as number)));
  return { shares, quota: (i) => fraction(total * (weights[i] as bigint), sum), adjustments };
}

function toMoney(value: bigint): Money {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new LinliException(linliError('number.unsafe', [], { what: 'share' }));
  return Number(value) as Money;
}

/**
 * Webster (Sainte-Laguë): shares are quotas rounded at a common divisor, found by starting from each
 * quota rounded half-up and moving single fen by the divisor criterion wᵢ / (2sᵢ ± 1), compared by
 * BigInt cross-multiplication. A divisor method never lets a larger total lower a share.
 */
function websterBig(
  total: bigint,
  weights: readonly bigint[],
  keys: readonly string[] | undefined,
  n: number,
): Allocation {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (2n * total * w + sum) / (2n * sum)); // round half up
  let given = shares.reduce((a, b) => a + b, 0n);
  const byTie = tieCompare(keys);
  // Priority to gain a fen: w / (2s + 1); to lose one: w / (2s − 1). Compare a/b vs c/d as a·d vs c·b.
  const better = (i: number, j: number, delta: bigint): number => {
    const wi = weights[i] as bigint;
    const wj = weights[j] as bigint;
    const di = 2n * (shares[i] as bigint) + delta;
    const dj = 2n * (shares[j] as bigint) + delta;
    const left = wi * dj;
    const right = wj * di;
    return left > right ? -1 : left < right ? 1 : byTie(i, j);
  };
  // Rounding leaves at most about n/2 fen to move; a heap finds each next row in O(log n), not O(n).
  const rows = Array.from({ length: n }, (_, i) => i);
  if (given < total) {
    const gainers = new Heap(
      (i, j) => better(i, j, 1n) < 0,
      rows.filter((i) => (weights[i] as bigint) > 0n),
    );
    for (; given < total; given += 1n) {
      const best = gainers.pop() as number;
      shares[best] = (shares[best] as bigint) + 1n;
      gainers.push(best); // its priority fell; everyone else's is unchanged
    }
  }
  if (given > total) {
    // The one that loses a fen is the one with the smallest w / (2s − 1); ties lose in reverse key order.
    const losers = new Heap(
      (i, j) => better(i, j, -1n) > 0,
      rows.filter((i) => (shares[i] as bigint) > 0n),
    );
    for (; given > total; given -= 1n) {
      const worst = losers.pop() as number;
      shares[worst] = (shares[worst] as bigint) - 1n;
      if ((shares[worst] as bigint) > 0n) losers.push(worst);
    }
  }
  return {
    shares: shares.map(toMoney),
    quota: (i) => fraction(total * (weights[i] as bigint), sum),
    adjustments: shares.map((s, i) => Number(s - (total * (weights[i] as bigint)) / sum)),
  };
}
