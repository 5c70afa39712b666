// A deliberately naive Method of Equal Shares, for tests only: a direct transcription of the method's
// definition, with every voter's money held separately, every project priced again every round, and
// add-one trying every step. It shares no code with the fast one beyond the Fraction arithmetic.
import {
  addFractions,
  compareFractions,
  divideFractions,
  type Fraction,
  fraction,
  fractionToString,
  multiplyFractions,
  subtractFractions,
} from '../numbers/fraction.js';
import { EQUAL_SHARES_DEFAULTS, type EqualSharesOptions } from './equal-shares.js';
import type { Project } from './participatory.js';

const ZERO = fraction(0);
const sum = (xs: readonly Fraction[]) => xs.reduce(addFractions, ZERO);
const min = (a: Fraction, b: Fraction) => (compareFractions(a, b) <= 0 ? a : b);

/**
 * The least ρ with Σ min(moneyᵢ, ρ) = cost, found as pabutools' naive MES does: start with everyone
 * paying an even share, move whoever cannot afford it to paying all she has, repeat.
 */
function affordability(money: readonly Fraction[], cost: number): Fraction | null {
  if (compareFractions(sum(money), fraction(cost)) < 0) return null;
  let rich = [...money];
  let poorMoney = ZERO;
  for (;;) {
    const rho = divideFractions(subtractFractions(fraction(cost), poorMoney), fraction(rich.length));
    const poor = rich.filter((m) => compareFractions(m, rho) < 0);
    if (poor.length === 0) return rho;
    poorMoney = addFractions(poorMoney, sum(poor));
    rich = rich.filter((m) => compareFractions(m, rho) >= 0);
  }
}

interface NaiveRun {
  readonly bought: number[];
  readonly rho: Fraction[];
  readonly spent: number;
}

function naiveRun(
  projects: readonly Project[],
  supporters: readonly number[][],
  voters: number,
  endowment: Fraction,
  options: Required<EqualSharesOptions>,
): NaiveRun {
  const money: Fraction[] = Array.from({ length: voters }, () => endowment);
  const bought: number[] = [];
  const rhos: Fraction[] = [];
  let spent = 0;
  for (;;) {
    const priced = projects.flatMap((p, i) => {
      const who = supporters[i] as number[];
      if (bought.includes(i) || who.length === 0) return [];
      const rho = affordability(
        who.map((v) => money[v] as Fraction),
        p.cost,
      );
      if (!rho) return [];
      const key = options.utilities === 'cost' ? multiplyFractions(rho, fraction(1, p.cost)) : rho;
      return [{ i, rho, key }];
    });
    if (priced.length === 0) return { bought, rho: rhos, spent };
    priced.sort(
      (x, y) => compareFractions(x.key, y.key) || tieBreak(projects, supporters, options, x.i, y.i),
    );
    const best = priced[0] as { i: number; rho: Fraction };
    for (const v of supporters[best.i] as number[])
      money[v] = subtractFractions(money[v] as Fraction, min(money[v] as Fraction, best.rho));
    bought.push(best.i);
    rhos.push(best.rho);
    spent += (projects[best.i] as Project).cost;
  }
}

function tieBreak(
  projects: readonly Project[],
  supporters: readonly number[][],
  options: Required<EqualSharesOptions>,
  x: number,
  y: number,
): number {
  for (const rule of options.tieBreaking) {
    const cx = (projects[x] as Project).cost;
    const cy = (projects[y] as Project).cost;
    const vx = (supporters[x] as number[]).length;
    const vy = (supporters[y] as number[]).length;
    const d = rule === 'min-cost' ? cx - cy : rule === 'max-cost' ? cy - cx : vy - vx;
    if (d !== 0) return d;
  }
  return x - y;
}

/** What the tests compare: the funded projects in order, ρ of each, the share used, the pure outcome. */
export interface NaiveSelection {
  readonly funded: string[];
  readonly maxPayment: Record<string, string>;
  readonly endowment: string;
  readonly uncompleted: string[];
}

/** The Method of Equal Shares with the same options as {@link equalShares}, computed the slow, obvious way. */
export function naiveEqualShares(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
  budget: number,
  given: EqualSharesOptions = {},
): NaiveSelection {
  const options = { ...EQUAL_SHARES_DEFAULTS, ...given };
  const voters = approvals.length;
  const supporters = projects.map((p) =>
    approvals.flatMap((ballot, v) => (ballot.includes(p.id) ? [v] : [])),
  );
  const share = voters === 0 ? ZERO : fraction(budget, voters);
  const pure = naiveRun(projects, supporters, voters, share, options);
  let run = pure;
  let endowment = share;
  const supportedCost = projects.reduce(
    (s, p, i) => s + ((supporters[i] as number[]).length > 0 ? p.cost : 0),
    0,
  );
  if (options.completion.startsWith('add-one') && supportedCost > budget) {
    endowment = options.addOneStart === 'exact' ? share : fraction(Math.floor(budget / voters / 100) * 100);
    run = naiveRun(projects, supporters, voters, endowment, options);
    const fits = (r: NaiveRun) =>
      projects.some(
        (p, i) =>
          !r.bought.includes(i) && (supporters[i] as number[]).length > 0 && p.cost <= budget - r.spent,
      );
    while (fits(run)) {
      const raised = addFractions(endowment, fraction(options.addOneStep));
      const next = naiveRun(projects, supporters, voters, raised, options);
      if (next.spent > budget) break;
      run = next;
      endowment = raised;
    }
  }
  const funded = [...run.bought];
  if (options.completion.endsWith('greedy')) {
    let left = budget - run.spent;
    const rest = projects
      .map((_, i) => i)
      .filter((i) => !funded.includes(i) && (supporters[i] as number[]).length > 0)
      .sort(
        (x, y) =>
          (supporters[y] as number[]).length - (supporters[x] as number[]).length ||
          tieBreak(projects, supporters, options, x, y),
      );
    for (const i of rest) {
      const cost = (projects[i] as Project).cost;
      if (cost <= left) {
        funded.push(i);
        left -= cost;
      }
    }
  }
  const id = (i: number) => (projects[i] as Project).id;
  return {
    funded: funded.map(id),
    maxPayment: Object.fromEntries(
      run.bought.map((i, k) => [id(i), fractionToString(run.rho[k] as Fraction)]),
    ),
    endowment: fractionToString(endowment),
    uncompleted: pure.bought.map(id),
  };
}
