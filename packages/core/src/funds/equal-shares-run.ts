import { type Fraction, fraction } from '../numbers/fraction.js';
import {
  approximately,
  approximationError,
  Leftovers,
  Purses,
  type PursesAt,
  ROUNDOFF,
} from './equal-shares-purses.js';

/** How a voter values a funded project she approved: by its cost, or 1 for any project. */
export type Utilities = 'cost' | 'approval';

/**
 * The election as the method sees it: projects by index, voters by index, all validated. Built once
 * and shared by every run of the add-one completion.
 */
export interface EqualSharesElection {
  /** Cost of each project in fen, a positive integer. */
  readonly costs: readonly number[];
  /** The voters approving each project, without repeats. */
  readonly supporters: readonly Int32Array[];
  /** The projects each voter approves, without repeats. */
  readonly ballots: readonly Int32Array[];
  readonly voters: number;
  /** Negative when project a wins a tie against b: the tie-breaking rules, then option order. */
  readonly tieOrder: (a: number, b: number) => number;
}

/**
 * An amount that is exact at the endowment the run was made for (t = 0) and follows the run's own
 * arithmetic as the endowment grows by t steps: (a + b·t) / den. Money, ρ and keys are all of this
 * form as long as the run makes the same decisions, which is what lets add-one skip steps.
 */
interface Linear {
  readonly a: bigint;
  readonly b: bigint;
  readonly den: bigint;
}

/** One run of the method at a fixed endowment. */
export interface EqualSharesRun {
  /** Funded projects in the order bought. */
  readonly bought: readonly number[];
  /** Total cost of what was bought, in fen. */
  readonly spent: number;
  /** The run stopped early because what it had bought already cost more than its spending cap. */
  readonly overCap: boolean;
  /**
   * How many steps of the endowment the same decisions are certain to hold for: raising the
   * endowment by 0 … `stable` − 1 steps gives the same purchases in the same order. At least 1.
   */
  readonly stable: bigint;
  /** ρ of each bought project (the most one supporter paid), exact, at `t` steps above this run's endowment. */
  readonly rhoAt: (index: number, t: bigint) => Fraction;
  /**
   * The run at `steps` steps of the endowment above this one, exactly as a fresh run would make it, but
   * recomputed only from the first round whose decisions this run cannot vouch for at that endowment:
   * the rounds before it are the same purchases, and the purses they leave are read `steps` further on.
   */
  readonly raised: (steps: bigint) => EqualSharesRun;
}

/** The first step at which a condition (a + b·t ≥ 0, or > 0 when strict) may fail, given it holds at t = 0. */
function firstFailure(a: bigint, b: bigint, strict: boolean): bigint | null {
  if (b >= 0n) return null;
  const n = -b;
  const t = strict ? (a + n - 1n) / n : a / n + 1n;
  return t < 1n ? 1n : t;
}

/** What a project is ranked by (smaller first) and ρ, both linear in the steps. */
interface Priced {
  readonly rho: Linear;
  readonly key: Linear;
  /** The key as doubles, (value + growth·t), with how far each may be off: most comparisons need no more. */
  readonly value: number;
  readonly valueError: number;
  readonly growth: number;
  readonly growthError: number;
  readonly version: number;
  /** The supporters' classes that pay all they have (the rest pay ρ). */
  readonly poor: ReadonlySet<number>;
}

/** Where a round started: enough to resume a raised run from it. */
interface RoundStart {
  readonly purses: PursesAt;
  readonly open: readonly number[];
  /** The step, counted from the first run of the chain, at which the snapshot's amounts are exact. */
  readonly base: bigint;
  /** The keys known as the round started (at `base`), and their floats that set the pricing order. */
  readonly priced: readonly (Priced | null)[];
  readonly approx: readonly number[];
}

/** The rounds a run has made; a raised run takes over the prefix it can vouch for. */
interface Rounds {
  readonly bought: number[];
  /** ρ of each purchase, exact at the step `base`. */
  readonly rhos: { readonly rho: Linear; readonly base: bigint }[];
  /** Per round, the first step (counted as `base` is) at which one of that round's decisions may change. */
  readonly failAt: bigint[];
  /**
   * Where the rounds a raised run can resume from started: the first round, and each round whose
   * `failAt` is lower than every earlier round's (the first round that may change is always one of
   * them). Only these are kept: a snapshot of every round of every run would keep the collector busy.
   */
  readonly starts: (RoundStart | undefined)[];
}

/**
 * A project's key priced `steps` further on, as a bound only (it is stale in the raised run and priced
 * again before it can win). Any split into poor and rich gives a ρ no higher than the true one (each
 * supporter pays at most all she has and at most ρ), so the key of the old split, read at the raised
 * endowment on the same purses, is still a lower bound, and the raised run can pass over a project
 * whose bound is already worse than the best, as it does within a run.
 */
function raisedKey(priced: Priced, steps: bigint): Priced {
  const { key } = priced;
  const grown = priced.growth * Number(steps);
  const value = priced.value + grown;
  return {
    ...priced,
    key: { a: key.a + key.b * steps, b: key.b, den: key.den },
    value,
    valueError:
      priced.valueError +
      priced.growthError * Number(steps) +
      2 * ROUNDOFF * (Math.abs(grown) + Math.abs(value)),
  };
}

/**
 * The sign of x − y + (growth of x − growth of y)·t for two keys as doubles, or 0 when their error
 * bounds cannot tell it.
 */
function roughly(x: Priced, y: Priced, t: number): number {
  const grown = (x.growth - y.growth) * t;
  const gap = x.value - y.value + grown;
  const error =
    x.valueError +
    y.valueError +
    (x.growthError + y.growthError + 2 * ROUNDOFF * Math.abs(x.growth - y.growth)) * t +
    2 * ROUNDOFF * (Math.abs(x.value - y.value) + Math.abs(grown) + Math.abs(gap));
  return gap > 4 * error ? 1 : gap < -4 * error ? -1 : 0;
}

/**
 * What the supporters who pay all they have leave the rest to pay, ra / D: the cost less their money.
 * Their money is the endowment less each ρ they paid, so it is kept as a head count per round until
 * asked for, and costs a few BigInt products per round then, none per voter.
 */
class Owing {
  private endowed = 0;
  private readonly rounds: number[] = [];
  private known: { a: bigint; b: bigint } | undefined;

  constructor(
    private readonly purses: Purses,
    private readonly cost: number,
    /** Heads per round, zero outside a pricing; {@link release} zeroes it again. */
    private readonly heads: Int32Array,
  ) {}

  /** The n voters of class c pay all they have. */
  add(c: number, n: number): void {
    if (c === 0) return;
    const { parent, paidIn } = this.purses;
    const { heads } = this;
    this.endowed += n;
    this.known = undefined;
    for (let k = c; paidIn[k] !== -1; k = parent[k] as number) {
      const r = paidIn[k] as number;
      if (heads[r] === 0) this.rounds.push(r);
      heads[r] = (heads[r] as number) + n;
    }
  }

  /** The numerator over the current denominator. */
  exact(): { a: bigint; b: bigint } {
    if (this.known) return this.known;
    const { purses, heads } = this;
    const e = purses.numerator(-1);
    const endowed = BigInt(this.endowed);
    let a = BigInt(this.cost) * purses.denominator - endowed * e.a;
    let b = -endowed * e.b;
    for (const r of this.rounds) {
      const rho = purses.numerator(r);
      const n = BigInt(heads[r] as number);
      a += n * rho.a;
      b += n * rho.b;
    }
    this.known = { a, b };
    return this.known;
  }

  release(): void {
    for (const r of this.rounds) this.heads[r] = 0;
  }
}

/** A step no decision fails at. */
const NEVER = 2n ** 64n;

/** The settings every run of one add-one chain shares. */
interface Settings {
  readonly utilities: Utilities;
  readonly step: bigint;
  readonly spendingCap: number;
  /** Per project, every project some supporter of it also approves (itself included). */
  readonly neighbours: readonly Int32Array[];
}

/** Per project, the projects sharing a voter with it, itself included. */
function neighboursOf(election: EqualSharesElection): Int32Array[] {
  const seen = new Uint8Array(election.costs.length);
  return election.supporters.map((supporters) => {
    const found: number[] = [];
    for (const v of supporters) {
      for (const q of election.ballots[v] as Int32Array) {
        if (seen[q] === 1) continue;
        seen[q] = 1;
        found.push(q);
      }
    }
    for (const q of found) seen[q] = 0;
    return Int32Array.from(found);
  });
}

/**
 * One run of the Method of Equal Shares; see {@link runEqualShares}. Keeps, besides the exact
 * decisions at its own endowment (t = 0), how far (in steps of `step` fen) each round's decisions are
 * certain to hold, and where each round started, so the add-one completion can skip steps whose outcome
 * is already known and recompute the others from the first round that may differ.
 */
class Run {
  private readonly priced: (Priced | null)[];
  private readonly approx: number[];
  private readonly stale: boolean[];
  private readonly leftovers = new Leftovers();
  /** Scratch for {@link Owing}: heads per round. */
  private readonly weights: Int32Array;
  private round = 0;
  /** The open projects as the round started, and the lowest `failAt` of the rounds before it. */
  private roundOpen: readonly number[] = [];
  private lowest = NEVER;
  /** Where this round started, once a decision of the round fails sooner than any earlier one's. */
  private start: RoundStart | undefined;

  constructor(
    private readonly election: EqualSharesElection,
    private readonly settings: Settings,
    private readonly purses: Purses,
    private readonly base: bigint,
    private open: number[],
    private readonly rounds: Rounds,
    from?: RoundStart,
  ) {
    this.priced = from
      ? from.priced.map((priced) => priced && raisedKey(priced, base - from.base))
      : election.costs.map(() => null);
    this.approx = from ? from.approx.slice() : election.costs.map(() => 0);
    this.stale = election.costs.map(() => true);
    this.weights = new Int32Array(election.costs.length + 1);
  }

  /** Records that a decision of this round holds while a + b·t ≥ 0 (> 0 when strict). */
  private holds(a: bigint, b: bigint, strict: boolean): void {
    if (this.settled()) return;
    const t = firstFailure(a, b, strict);
    if (t === null) return;
    const { failAt } = this.rounds;
    if (this.base + t >= (failAt[this.round] as bigint)) return;
    failAt[this.round] = this.base + t;
    // Only such a round can be the first to change (see Rounds.starts). Nothing has moved money in
    // the round before its decisions are recorded, so the purses are still as the round found them.
    if (this.base + t < this.lowest) this.keepStart();
  }

  /** Whether this round may already change at the very next step: no further condition can say less. */
  private settled(): boolean {
    return (this.rounds.failAt[this.round] as bigint) <= this.base + 1n;
  }

  private keepStart(): void {
    this.start ??= {
      purses: this.purses.snapshot(),
      open: this.roundOpen.slice(),
      base: this.base,
      priced: this.priced.slice(),
      approx: this.approx.slice(),
    };
  }

  /**
   * The least ρ at which the supporters can buy project p, each paying ρ or all she has, or null
   * when all their money together is less than its cost; records the poor/rich split it relies on.
   */
  private price(p: number): Priced | null {
    const purses = this.purses;
    const supporters = this.election.supporters[p] as Int32Array;
    const { classes, count } = purses.groups(supporters);
    const costFen = this.election.costs[p] as number;
    const owing = new Owing(purses, costFen, this.weights);
    // Whoever holds less than the even share pays all she has, which raises the share of the rest;
    // repeat until nobody left holds less. ρ only rises, so this reaches the split a sort would find.
    // Each class is told rich or poor by its double where the error bounds allow, exactly otherwise.
    let payers = supporters.length;
    let owed = costFen;
    let owedError = 0;
    const poor = new Set<number>();
    const isPoor = new Uint8Array(classes.length);
    for (let changed = true; changed && payers > 0; ) {
      changed = false;
      const share = owed / payers;
      const shareError = owedError / payers + 2 * ROUNDOFF * Math.abs(share);
      // The exact share, once a class lies too close to tell: a·payers < ra exactly when
      // a ≤ ⌊(ra − 1) / payers⌋ (ra > 0 while anyone pays). The even share only rises within a pass,
      // so the share as first needed in the pass is safe.
      let below: bigint | undefined;
      for (let i = 0; i < classes.length; i++) {
        const c = classes[i] as number;
        if (isPoor[i] === 1) continue;
        const money = purses.money[c] as number;
        const margin = 4 * ((purses.moneyError[c] as number) + shareError);
        if (money > share + margin) continue;
        if (money >= share - margin) {
          below ??= (owing.exact().a - 1n) / BigInt(payers);
          if (purses.exact(c).a > below) continue;
        }
        const n = count[i] as number;
        owing.add(c, n);
        payers -= n;
        owed -= n * money;
        owedError +=
          n * (purses.moneyError[c] as number) + 2 * ROUNDOFF * (n * Math.abs(money) + Math.abs(owed));
        isPoor[i] = 1;
        poor.add(c);
        changed = true;
      }
    }
    if (payers === 0) {
      // Their money stays short of the cost.
      if (!this.settled()) this.holds(owing.exact().a, owing.exact().b, true);
      owing.release();
      return null;
    }
    const { a: ra, b: rb } = owing.exact();
    owing.release();
    const den = BigInt(payers) * purses.denominator;
    const rho = { a: ra, b: rb, den };
    const key = this.settings.utilities === 'approval' ? rho : { a: ra, b: rb, den: den * BigInt(costFen) };
    const value = approximately(key.a, key.den);
    const growth = approximately(key.b, key.den);
    return {
      rho,
      key,
      value,
      valueError: approximationError(value),
      growth,
      growthError: approximationError(growth),
      version: purses.current,
      poor,
    };
  }

  /**
   * Records that a paying class's money less ρ stays ≤ 0 (poor) or ≥ 0 (rich) as the steps go on. It
   * holds at t = 0; when the doubles show it still holds, with room to spare, at the round's earliest
   * failure so far, it holds at every step before (the amount is linear), and nothing is recorded.
   */
  private keepsSign(i: number, poor: boolean): void {
    if (this.settled()) return;
    const left = this.leftovers;
    const horizon = Number((this.rounds.failAt[this.round] as bigint) - this.base - 1n);
    const sign = poor ? -1 : 1;
    const grown = (left.slope[i] as number) * horizon;
    const end = (left.money[i] as number) + grown;
    const error =
      (left.moneyError[i] as number) +
      (left.slopeError[i] as number) * horizon +
      2 * ROUNDOFF * (Math.abs(grown) + Math.abs(end));
    if (sign * end > 4 * error) return;
    const { a, b } = left.exact(i);
    this.holds(poor ? -a : a, poor ? -b : b, false);
  }

  /** The sign at t = 0 of x − y, for two projects' keys. */
  private compare(px: Priced, py: Priced): number {
    const rough = roughly(px, py, 0);
    if (rough !== 0) return rough;
    const x = px.key;
    const y = py.key;
    const d = x.a * y.den - y.a * x.den;
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }

  /**
   * Records that project x's key stays above project y's (or level, unless strict) as the steps go
   * on; nothing to record when the doubles show it still above at the round's earliest failure so far.
   */
  private staysAbove(px: Priced, py: Priced, strict: boolean): void {
    if (this.settled()) return;
    const horizon = Number((this.rounds.failAt[this.round] as bigint) - this.base - 1n);
    if (roughly(px, py, horizon) > 0) return;
    const x = px.key;
    const y = py.key;
    const b = x.b * y.den - y.b * x.den;
    if (b >= 0n) return; // the gap never narrows
    this.holds(x.a * y.den - y.a * x.den, b, strict);
  }

  /** The project bought next among `open`, or −1; records why every other open project lost. */
  private choose(open: number[]): number {
    const { tieOrder } = this.election;
    open.sort((x, y) => (this.approx[x] as number) - (this.approx[y] as number));
    let best = -1;
    for (const p of open) {
      if (best >= 0 && this.priced[p]) {
        // A key never falls, so an old key already worse than the best cannot win now.
        const d = this.compare(this.priced[p] as Priced, this.priced[best] as Priced);
        if (d > 0 || (d === 0 && tieOrder(best, p) < 0)) continue;
      }
      if (this.stale[p]) {
        this.stale[p] = false;
        const priced = this.price(p);
        this.priced[p] = priced;
        if (!priced) continue;
        this.approx[p] = priced.value;
      }
      if (best < 0) best = p;
      else {
        const d = this.compare(this.priced[p] as Priced, this.priced[best] as Priced);
        if (d < 0 || (d === 0 && tieOrder(p, best) < 0)) best = p;
      }
    }
    if (best >= 0) {
      const bestPriced = this.priced[best] as Priced;
      for (const p of open) {
        const priced = this.priced[p];
        if (p === best || !priced) continue;
        this.staysAbove(priced, bestPriced, tieOrder(best, p) > 0);
      }
    }
    return best;
  }

  /** Every supporter of p pays ρ or all she has; projects sharing a voter whose money changed go stale. */
  private pay(p: number): void {
    const purses = this.purses;
    const { rho, version, poor } = this.priced[p] as Priced;
    const f = purses.factor(version);
    const payers = rho.den / (this.purses.denominators[version] as bigint);
    let ra = rho.a * f;
    let rb = rho.b * f;
    // Keep the common denominator small: divide out what ρ's numerator shares with the payer count.
    let g = Number(payers);
    for (const x of [ra, rb]) {
      let y = Number(x % BigInt(g));
      let z = g;
      while (y !== 0) [z, y] = [y, z % y];
      g = Math.abs(z);
    }
    const s = payers / BigInt(g);
    ra /= BigInt(g);
    rb /= BigInt(g);
    const supporters = this.election.supporters[p] as Int32Array;
    const classes = purses.holding(supporters);
    const left = this.leftovers;
    left.fill(purses, classes, s, ra, rb);
    const keeps = new Uint8Array(classes.length);
    for (let i = 0; i < classes.length; i++) {
      // ρ is exact only while the split into poor and rich that priced it holds.
      const isPoor = poor.has(classes[i] as number);
      this.keepsSign(i, isPoor);
      keeps[i] = isPoor || left.isNothing(i) ? 0 : 1;
    }
    purses.grow(s, { a: ra, b: rb });
    // Where each paying class goes, by class, plus one (1: no money left, for good); 0 stays put.
    const moved = purses.scratch();
    for (let i = 0; i < classes.length; i++) {
      const c = classes[i] as number;
      moved[c] = 1 + (keeps[i] === 1 ? purses.addClass(c, left, i) : 0);
    }
    // Every project a supporter whose money changed approves must be priced again. Once all projects
    // sharing a voter with p are stale no supporter can add one, so the ballots are read only until
    // then: at municipal scale, a few hundred of the thousands of supporters.
    const { stale } = this;
    const neighbours = this.settings.neighbours[p] as Int32Array;
    let fresh = 0;
    for (let i = 0; i < neighbours.length; i++) if (!stale[neighbours[i] as number]) fresh++;
    for (let i = 0; i < supporters.length; i++) {
      const v = supporters[i] as number;
      const next = (moved[purses.classOf[v] as number] as number) - 1;
      if (next < 0) continue;
      purses.classOf[v] = next;
      if (fresh === 0) continue;
      const ballot = this.election.ballots[v] as Int32Array;
      for (let j = 0; j < ballot.length; j++) {
        const q = ballot[j] as number;
        if (stale[q]) continue;
        stale[q] = true;
        fresh--;
      }
    }
    for (const c of classes) moved[c] = 0;
  }

  execute(): EqualSharesRun {
    const { costs } = this.election;
    const { bought, rhos, failAt, starts } = this.rounds;
    let spent = bought.reduce((sum, p) => sum + (costs[p] as number), 0);
    let overCap = false;
    // BigInt, so no Math.min: the lowest of the inherited rounds.
    this.lowest = NEVER;
    for (const t of failAt) if (t < this.lowest) this.lowest = t;
    for (;;) {
      this.round = bought.length;
      failAt[this.round] = NEVER;
      this.roundOpen = this.open;
      this.start = undefined;
      if (this.round === 0) this.keepStart();
      const best = this.choose(this.open);
      this.open = this.open.filter((p) => p !== best && !(this.priced[p] === null && !this.stale[p]));
      if (best >= 0) {
        bought.push(best);
        rhos.push({ rho: (this.priced[best] as Priced).rho, base: this.base });
        spent += costs[best] as number;
        overCap = spent > this.settings.spendingCap;
        if (!overCap) this.pay(best);
      }
      starts[this.round] = this.start;
      if ((failAt[this.round] as bigint) < this.lowest) this.lowest = failAt[this.round] as bigint;
      if (best < 0 || overCap) break;
    }
    return {
      bought,
      spent,
      overCap,
      stable: this.lowest === NEVER ? BigInt(Number.MAX_SAFE_INTEGER) : this.lowest - this.base,
      rhoAt: (i, t) => {
        const { rho, base } = rhos[i] as { rho: Linear; base: bigint };
        return fraction(rho.a + rho.b * (this.base + t - base), rho.den);
      },
      raised: (steps) => this.raised(steps),
    };
  }

  /** See {@link EqualSharesRun.raised}. */
  private raised(steps: bigint): EqualSharesRun {
    const { bought, rhos, failAt, starts } = this.rounds;
    const at = this.base + steps;
    // Every round before the first that may change holds at `at`; resume from the latest kept start
    // up to it (that round itself, by how starts are kept).
    const found = failAt.findIndex((t) => t <= at);
    let r = found < 0 ? failAt.length - 1 : found;
    while (starts[r] === undefined) r--;
    const start = starts[r] as RoundStart;
    const purses = Purses.resumed(start.purses, at - start.base);
    const rounds = {
      bought: bought.slice(0, r),
      rhos: rhos.slice(0, r),
      failAt: failAt.slice(0, r),
      starts: starts.slice(0, r),
    };
    return new Run(this.election, this.settings, purses, at, start.open.slice(), rounds, start).execute();
  }
}

/**
 * One run of the Method of Equal Shares with every voter starting at `endowment` fen. Each round buys
 * the project whose supporters can pay for it at the least ρ (approval utilities) or the least ρ per
 * fen of cost (cost utilities). A project's key never falls (money only shrinks), so a project whose
 * old key is already worse than the best new one is not recomputed, and only projects sharing a
 * voter with the last purchase are recomputed at all. Stops as soon as the purchases cost more than
 * `spendingCap`. With a `step`, it also reports for how many steps of the endowment its decisions
 * are certain to stay the same ({@link EqualSharesRun.stable}), and can be raised by whole steps
 * ({@link EqualSharesRun.raised}).
 */
export function runEqualShares(
  election: EqualSharesElection,
  endowment: Fraction,
  utilities: Utilities,
  options: { readonly step?: number; readonly spendingCap?: number } = {},
): EqualSharesRun {
  const step = BigInt(options.step ?? 0);
  const settings = {
    utilities,
    step,
    spendingCap: options.spendingCap ?? Number.POSITIVE_INFINITY,
    neighbours: neighboursOf(election),
  };
  const open = election.costs
    .map((_, p) => p)
    .filter((p) => (election.supporters[p] as Int32Array).length > 0);
  const rounds = { bought: [], rhos: [], failAt: [], starts: [] };
  return new Run(
    election,
    settings,
    Purses.full(election.voters, endowment, step),
    0n,
    open,
    rounds,
  ).execute();
}
