import type { Fraction } from '../numbers/fraction.js';

/** The unit roundoff of a double: one operation is off by at most this much of its result. */
export const ROUNDOFF = 2 ** -53;

/** n / d as a double, for any size of n and d (d > 0), off by at most 2·ROUNDOFF of it plus 2⁻⁶⁰. */
export function approximately(n: bigint, d: bigint): number {
  return Number((n << 64n) / d) / 2 ** 64;
}

/** How far {@link approximately} may be from n / d, given its result x. */
export function approximationError(x: number): number {
  return 2 * ROUNDOFF * Math.abs(x) + 2 ** -60;
}

/** An amount's numerator over the purses' current common denominator D: (a + b·t) / D. */
export interface Numerator {
  readonly a: bigint;
  readonly b: bigint;
}

/** What {@link Purses} holds, as a snapshot to resume a run from. */
export interface PursesAt {
  readonly classOf: Int32Array;
  readonly parent: number[];
  readonly paidIn: number[];
  readonly money: number[];
  readonly slope: number[];
  readonly moneyError: number[];
  readonly slopeError: number[];
  readonly denominators: bigint[];
  /** The endowment, then ρ of each round so far. */
  readonly amounts: Numerator[];
}

/**
 * Voters' remaining money, shared by classes: voters who paid ρ in the same rounds hold the same
 * amount, the endowment less those ρ (whoever paid all she had is in class 0 for good, holding
 * nothing). Every amount is linear in the steps t of the endowment: (a + b·t) / D, read at the run's
 * own endowment (t = 0).
 *
 * A class keeps no exact amount, only the round it paid in and the class it came from, so a purchase
 * costs no BigInt per voter: the exact amount (the endowment less each ρ it paid, all over the current
 * common denominator D) is worked out only where a decision needs it. What every class keeps is its
 * amount as a double with a bound on how far that double may be off, which settles nearly every
 * comparison; a comparison the bound cannot settle is made exactly.
 */
export class Purses {
  readonly classOf: Int32Array;
  /** Per class, the class it came from by paying ρ, and the round it paid in (−1 for classes 0 and 1). */
  readonly parent: number[];
  readonly paidIn: number[];
  /** Per class, its money in fen at t = 0 and its growth per step, as doubles, and how far each may be off. */
  readonly money: number[];
  readonly slope: number[];
  readonly moneyError: number[];
  readonly slopeError: number[];
  /** The common denominator after each purchase: `denominators[v]` divides every later one. */
  readonly denominators: bigint[];
  /**
   * Each voter's endowment, then ρ of each round so far, over the current denominator: brought to
   * each new one as it comes (a product by a small number each), so that reading them costs nothing.
   */
  readonly amounts: Numerator[];
  private factors = new Map<number, bigint>();
  private tally = new Int32Array(64);

  private constructor(at: PursesAt) {
    this.classOf = at.classOf;
    this.parent = at.parent;
    this.paidIn = at.paidIn;
    this.money = at.money;
    this.slope = at.slope;
    this.moneyError = at.moneyError;
    this.slopeError = at.slopeError;
    this.denominators = at.denominators;
    this.amounts = at.amounts;
  }

  /** Every voter in one class holding `endowment`, which grows by `step` fen a step. */
  static full(voters: number, endowment: Fraction, step: bigint): Purses {
    const money = approximately(endowment.numerator, endowment.denominator);
    return new Purses({
      classOf: new Int32Array(voters).fill(1),
      parent: [-1, -1],
      paidIn: [-1, -1],
      money: [0, money],
      slope: [0, Number(step)],
      moneyError: [0, approximationError(money)],
      slopeError: [0, 0],
      denominators: [endowment.denominator],
      amounts: [{ a: endowment.numerator, b: step * endowment.denominator }],
    });
  }

  /** The purses as they stand now, kept apart from later changes. */
  snapshot(): PursesAt {
    return {
      classOf: this.classOf.slice(),
      parent: this.parent.slice(),
      paidIn: this.paidIn.slice(),
      money: this.money.slice(),
      slope: this.slope.slice(),
      moneyError: this.moneyError.slice(),
      slopeError: this.slopeError.slice(),
      denominators: this.denominators.slice(),
      amounts: this.amounts.slice(),
    };
  }

  /** The purses of a snapshot read `steps` steps of the endowment further on: a + b·t becomes (a + b·steps) + b·t. */
  static resumed(at: PursesAt, steps: bigint): Purses {
    const n = Number(steps);
    const money = at.money.map((m, c) => m + (at.slope[c] as number) * n);
    return new Purses({
      classOf: at.classOf.slice(),
      parent: at.parent.slice(),
      paidIn: at.paidIn.slice(),
      money,
      slope: at.slope.slice(),
      moneyError: at.moneyError.map(
        (e, c) =>
          e +
          (at.slopeError[c] as number) * n +
          2 * ROUNDOFF * (Math.abs((at.slope[c] as number) * n) + Math.abs(money[c] as number)),
      ),
      slopeError: at.slopeError.slice(),
      denominators: at.denominators.slice(),
      amounts: at.amounts.map((x) => ({ a: x.a + x.b * steps, b: x.b })),
    });
  }

  get current(): number {
    return this.denominators.length - 1;
  }

  get denominator(): bigint {
    return this.denominators[this.current] as bigint;
  }

  /** The factor taking an amount over the denominator of `version` to the current one. */
  factor(version: number): bigint {
    if (version === this.current) return 1n;
    let f = this.factors.get(version);
    if (f === undefined) {
      f = this.denominator / (this.denominators[version] as bigint);
      this.factors.set(version, f);
    }
    return f;
  }

  /** The endowment (−1) or ρ of round r, over the current denominator. */
  numerator(r: number): Numerator {
    return this.amounts[r + 1] as Numerator;
  }

  /** The exact money of class c over the current denominator: the endowment less each ρ it paid. */
  exact(c: number): { a: bigint; b: bigint } {
    if (c === 0) return { a: 0n, b: 0n };
    const e = this.numerator(-1);
    let { a, b } = e;
    for (let k = c; this.paidIn[k] !== -1; k = this.parent[k] as number) {
      const rho = this.numerator(this.paidIn[k] as number);
      a -= rho.a;
      b -= rho.b;
    }
    return { a, b };
  }

  /** A zeroed scratch number per class, grown with the classes; whoever uses it zeroes it again. */
  scratch(): Int32Array {
    if (this.tally.length < this.money.length) this.tally = new Int32Array(this.money.length * 2);
    return this.tally;
  }

  /** The supporters' classes with their head counts, in no particular order. */
  groups(supporters: Int32Array): { classes: number[]; count: number[] } {
    const tally = this.scratch();
    const classes: number[] = [];
    for (let i = 0; i < supporters.length; i++) {
      const c = this.classOf[supporters[i] as number] as number;
      if (tally[c] === 0) classes.push(c);
      tally[c] = (tally[c] as number) + 1;
    }
    const count: number[] = new Array(classes.length);
    for (let i = 0; i < classes.length; i++) {
      const c = classes[i] as number;
      count[i] = tally[c] as number;
      tally[c] = 0;
    }
    return { classes, count };
  }

  /** The classes of `voters` that still hold money (class 0 is everyone who has none, for good). */
  holding(voters: Int32Array): number[] {
    const tally = this.scratch();
    const classes: number[] = [];
    for (const v of voters) {
      const c = this.classOf[v] as number;
      if (c === 0 || tally[c] !== 0) continue;
      tally[c] = 1;
      classes.push(c);
    }
    for (const c of classes) tally[c] = 0;
    return classes;
  }

  /** Records ρ of the round now ending, over the current denominator times s, which becomes the next one. */
  grow(s: bigint, rho: { a: bigint; b: bigint }): void {
    this.denominators.push(this.denominator * s);
    const { amounts } = this;
    for (let i = 0; i < amounts.length; i++) {
      const x = amounts[i] as Numerator;
      amounts[i] = { a: x.a * s, b: x.b * s };
    }
    amounts.push(rho);
    this.factors = new Map();
  }

  /** A class that came from `parent` by paying ρ of the latest round, left with what `left` says of payer i. */
  addClass(parent: number, left: Leftovers, i: number): number {
    this.parent.push(parent);
    this.paidIn.push(this.amounts.length - 2);
    this.money.push(left.money[i] as number);
    this.slope.push(left.slope[i] as number);
    this.moneyError.push(left.moneyError[i] as number);
    this.slopeError.push(left.slopeError[i] as number);
    return this.money.length - 1;
  }
}

/**
 * What each paying class has left after a purchase, money less ρ, (a + b·t) over the next common
 * denominator: as doubles with how far each may be off, and exactly on demand. Reused from purchase
 * to purchase, so paying costs no allocation per class.
 */
export class Leftovers {
  money = new Float64Array(64);
  slope = new Float64Array(64);
  moneyError = new Float64Array(64);
  slopeError = new Float64Array(64);
  private classes: readonly number[] = [];
  private purses: Purses | undefined;
  private s = 1n;
  private ra = 0n;
  private rb = 0n;

  /**
   * The classes paying ρ = ra / (D·s) (or all they have), D the purses' current denominator; read
   * before the purses {@link Purses.grow}.
   */
  fill(purses: Purses, classes: readonly number[], s: bigint, ra: bigint, rb: bigint): void {
    Object.assign(this, { purses, classes, s, ra, rb });
    if (this.money.length < classes.length) {
      const n = classes.length * 2;
      this.money = new Float64Array(n);
      this.slope = new Float64Array(n);
      this.moneyError = new Float64Array(n);
      this.slopeError = new Float64Array(n);
    }
    const rhoMoney = approximately(ra, purses.denominator * s);
    const rhoSlope = approximately(rb, purses.denominator * s);
    const rhoMoneyError = approximationError(rhoMoney);
    const rhoSlopeError = approximationError(rhoSlope);
    for (let i = 0; i < classes.length; i++) {
      const c = classes[i] as number;
      const money = (purses.money[c] as number) - rhoMoney;
      const slope = (purses.slope[c] as number) - rhoSlope;
      this.money[i] = money;
      this.slope[i] = slope;
      this.moneyError[i] = (purses.moneyError[c] as number) + rhoMoneyError + 2 * ROUNDOFF * Math.abs(money);
      this.slopeError[i] = (purses.slopeError[c] as number) + rhoSlopeError + 2 * ROUNDOFF * Math.abs(slope);
    }
  }

  /** The numerator of what class `i` has left, over the next denominator D·s. */
  exact(i: number): { a: bigint; b: bigint } {
    const { a, b } = (this.purses as Purses).exact(this.classes[i] as number);
    return { a: a * this.s - this.ra, b: b * this.s - this.rb };
  }

  /** Whether class `i` is left with nothing, now and at every step (it paid exactly all it had). */
  isNothing(i: number): boolean {
    const money = this.money[i] as number;
    const slope = this.slope[i] as number;
    if (Math.abs(money) > 4 * (this.moneyError[i] as number)) return false;
    if (Math.abs(slope) > 4 * (this.slopeError[i] as number)) return false;
    const { a, b } = this.exact(i);
    return a === 0n && b === 0n;
  }
}
