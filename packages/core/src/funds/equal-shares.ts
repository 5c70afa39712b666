import { LinliException } from '../errors/linli-error.js';
import {
  addFractions,
  compareFractions,
  type Fraction,
  fraction,
  fractionToString,
} from '../numbers/fraction.js';
import { checkEqualSharesOptions } from './budget-input.js';
import {
  type EqualSharesElection,
  type EqualSharesRun,
  runEqualShares,
  type Utilities,
} from './equal-shares-run.js';
import {
  assertBudgetInput,
  type BudgetSelection,
  finish,
  type Project,
  type ProjectOutcome,
} from './participatory.js';
import { notFunded, yuan } from './selection-text.js';

export type { Utilities } from './equal-shares-run.js';

/**
 * What happens to the money the Method of Equal Shares leaves unspent:
 * - `none`: nothing; the pure method at an equal share of the budget.
 * - `add-one`: raise every voter's share by `addOneStep` fen at a time and keep the last outcome that
 *   still fits the budget, stopping early once nothing more fits (equalshares.net's "Add1").
 * - `then-greedy`: then fund the remaining projects by approval count while they fit ("utilitarian").
 * - `add-one-then-greedy`: both, in that order (equalshares.net's default, "Add1u").
 */
export type EqualSharesCompletion = 'none' | 'add-one' | 'then-greedy' | 'add-one-then-greedy';

/** A rule that breaks a tie between projects, tried in the order given; option order decides last. */
export type BudgetTieBreak = 'min-cost' | 'max-cost' | 'max-votes';

/** The choices of the Method of Equal Shares; every field has the documented default. */
export interface EqualSharesOptions {
  /** Default `cost` (equalshares.net's default); `approval` was Linli's only model before. */
  readonly utilities?: Utilities;
  /** Default `add-one-then-greedy`. */
  readonly completion?: EqualSharesCompletion;
  /** Fen added to every voter's share per add-one step. Default 100 (¥1, equalshares.net's one currency unit). */
  readonly addOneStep?: number;
  /**
   * Where add-one starts: `whole-yuan`, each voter's share rounded down to whole yuan (equalshares.net's
   * "integral" option, on by default there), or `exact`, the exact share (pabutools). Default `whole-yuan`.
   */
  readonly addOneStart?: 'whole-yuan' | 'exact';
  /** Default `['min-cost', 'max-votes']`, then option order. */
  readonly tieBreaking?: readonly BudgetTieBreak[];
}

/** The options with every default filled in, as recorded beside a result. */
export type ResolvedEqualSharesOptions = Required<EqualSharesOptions>;

/** The defaults of {@link EqualSharesOptions}. */
export const EQUAL_SHARES_DEFAULTS: ResolvedEqualSharesOptions = {
  utilities: 'cost',
  completion: 'add-one-then-greedy',
  addOneStep: 100,
  addOneStart: 'whole-yuan',
  tieBreaking: ['min-cost', 'max-votes'],
};

/** The outcome of the Method of Equal Shares: the completed selection and the pure one beside it. */
export interface EqualSharesSelection extends BudgetSelection {
  readonly method: 'equalShares';
  readonly options: ResolvedEqualSharesOptions;
  /** Each voter's share in the run that decided the equal-shares part, exact "n/d" fen. */
  readonly endowment: string;
  /** The pure method at an equal share of the budget, before any completion. */
  readonly uncompleted: { readonly funded: readonly string[]; readonly spent: number };
}

function tieOrder(
  costs: readonly number[],
  votes: readonly number[],
  rules: readonly BudgetTieBreak[],
): (a: number, b: number) => number {
  return (a, b) => {
    for (const rule of rules) {
      const d =
        rule === 'min-cost'
          ? (costs[a] as number) - (costs[b] as number)
          : rule === 'max-cost'
            ? (costs[b] as number) - (costs[a] as number)
            : (votes[b] as number) - (votes[a] as number);
      if (d !== 0) return d;
    }
    return a - b;
  };
}

/** The election by index, with supporters and ballots deduplicated. */
function indexElection(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
  rules: readonly BudgetTieBreak[],
): EqualSharesElection & { readonly votes: readonly number[] } {
  const index = new Map(projects.map((p, i) => [p.id, i]));
  const supporters: number[][] = projects.map(() => []);
  const ballots = approvals.map((set, v) => {
    const chosen = [...new Set(set.map((id) => index.get(id) as number))];
    for (const p of chosen) (supporters[p] as number[]).push(v);
    return Int32Array.from(chosen);
  });
  const costs = projects.map((p) => p.cost);
  const votes = supporters.map((s) => s.length);
  return {
    costs,
    votes,
    voters: approvals.length,
    ballots,
    supporters: supporters.map((s) => Int32Array.from(s)),
    tieOrder: tieOrder(costs, votes, rules),
  };
}

/** Whether no supported project left over would still fit the money not spent. */
function exhaustive(election: EqualSharesElection, run: EqualSharesRun, budget: number): boolean {
  const bought = new Set(run.bought);
  return election.costs.every(
    (cost, p) =>
      bought.has(p) || (election.supporters[p] as Int32Array).length === 0 || cost > budget - run.spent,
  );
}

/** A run of the method and the endowment it is read at: `at` steps above the run's own. */
interface Decided {
  readonly run: EqualSharesRun;
  readonly at: bigint;
  readonly endowment: Fraction;
}

/**
 * Add-one: raising every share a step at a time, the last outcome that still fits the budget; it
 * stops at the first outcome to which nothing more can be added. Skipped when every supported project
 * fits the budget together (as equalshares.net does), since the raise would then only buy them one
 * by one. Steps whose outcome a run already guarantees ({@link EqualSharesRun.stable}) are not rerun,
 * and each step that is runs only from the first round that may change ({@link EqualSharesRun.raised}):
 * the result is the same as trying every step.
 */
function addOne(
  election: EqualSharesElection,
  budget: number,
  options: ResolvedEqualSharesOptions,
  pure: Decided,
): Decided {
  const supportedCost = election.costs.reduce(
    (s, c, p) => ((election.supporters[p] as Int32Array).length > 0 ? s + c : s),
    0,
  );
  if (supportedCost <= budget) return pure;
  const start =
    options.addOneStart === 'exact'
      ? pure.endowment
      : fraction(Math.floor(budget / election.voters / 100) * 100);
  const step = BigInt(options.addOneStep);
  const at = (k: bigint) => addFractions(start, fraction(step * k));
  const settings = { step: options.addOneStep, spendingCap: budget };
  let k = 0n;
  let run = runEqualShares(election, start, options.utilities, settings);
  for (;;) {
    if (exhaustive(election, run, budget)) return { run, at: 0n, endowment: at(k) };
    const next = run.raised(run.stable);
    if (next.overCap || next.spent > budget)
      return { run, at: run.stable - 1n, endowment: at(k + run.stable - 1n) };
    k += run.stable;
    run = next;
  }
}

/** The projects left over, funded by approvals (then the tie rules, then option order) while they fit. */
function greedyAfter(
  election: EqualSharesElection & { readonly votes: readonly number[] },
  budget: number,
  run: EqualSharesRun,
): number[] {
  const bought = new Set(run.bought);
  const order = election.costs
    .map((_, p) => p)
    .filter((p) => !bought.has(p) && (election.votes[p] as number) > 0)
    .sort((a, b) => (election.votes[b] as number) - (election.votes[a] as number) || election.tieOrder(a, b));
  let left = budget - run.spent;
  const added: number[] = [];
  for (const p of order) {
    const cost = election.costs[p] as number;
    if (cost > left) continue;
    left -= cost;
    added.push(p);
  }
  return added;
}

/**
 * The Method of Equal Shares for approval ballots (Peters & Skowron), exact in BigInt fractions. The
 * budget is split equally among the voters; a project is bought by its supporters only, each paying
 * the same amount ρ or all she has left, and the project that is cheapest for its supporters goes
 * first: the least ρ per fen of cost under cost utilities (the default), the least ρ under approval
 * utilities. Ties go by `tieBreaking`, then option order. The completion (see
 * {@link EqualSharesCompletion}) spends what the pure method leaves; `uncompleted` keeps the pure
 * outcome beside the completed one.
 *
 * Throws a {@link LinliException} carrying the first problem {@link checkBudgetInput} finds (a cost
 * that is not a positive whole number of fen, a ballot naming an unknown project, a negative budget);
 * nothing is computed then.
 */
export function equalShares(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
  budget: number,
  options: EqualSharesOptions = {},
): EqualSharesSelection {
  assertBudgetInput(projects, approvals, budget);
  const checked = checkEqualSharesOptions(options);
  if (!checked.ok) throw new LinliException(checked.error);
  const resolved: ResolvedEqualSharesOptions = { ...EQUAL_SHARES_DEFAULTS, ...options };
  const election = indexElection(projects, approvals, resolved.tieBreaking);
  const base = election.voters > 0 ? fraction(budget, election.voters) : fraction(0);
  const pureRun = runEqualShares(election, base, resolved.utilities);
  const pure: Decided = { run: pureRun, at: 0n, endowment: base };
  const raised =
    resolved.completion === 'add-one' || resolved.completion === 'add-one-then-greedy'
      ? addOne(election, budget, resolved, pure)
      : pure;
  const greedy =
    resolved.completion === 'then-greedy' || resolved.completion === 'add-one-then-greedy'
      ? greedyAfter(election, budget, raised.run)
      : [];
  return describe(projects, election, budget, resolved, raised, greedy, pureRun);
}

/** The selection with a reason, in both languages, for every project. */
function describe(
  projects: readonly Project[],
  election: EqualSharesElection & { readonly votes: readonly number[] },
  budget: number,
  options: ResolvedEqualSharesOptions,
  raised: Decided,
  greedy: readonly number[],
  pureRun: EqualSharesRun,
): EqualSharesSelection {
  const outcomes: ProjectOutcome[] = [];
  const decided = new Set<number>();
  raised.run.bought.forEach((project, i) => {
    const rho = raised.run.rhoAt(i, raised.at);
    const n = election.votes[project] as number;
    decided.add(project);
    outcomes.push({
      projectId: (projects[project] as Project).id,
      approvals: n,
      funded: true,
      round: i + 1,
      maxPayment: fractionToString(rho),
      reason: {
        'zh-CN': `第 ${i + 1} 轮入选：${n} 位支持者平摊，每人最多出 ¥${yuan(rho)}`,
        en: `Funded in round ${i + 1}: its ${n} supporters shared the cost, each paying at most ¥${yuan(rho)}`,
      },
    });
  });
  greedy.forEach((project, i) => {
    const n = election.votes[project] as number;
    decided.add(project);
    outcomes.push({
      projectId: (projects[project] as Project).id,
      approvals: n,
      funded: true,
      round: raised.run.bought.length + i + 1,
      reason: {
        'zh-CN': `补充阶段按票数入选（${n} 票），用剩余预算`,
        en: `Funded in the completion by approvals (${n}), from money left over`,
      },
    });
  });
  const left = budget - raised.run.spent - greedy.reduce((s, p) => s + (election.costs[p] as number), 0);
  projects.forEach((p, i) => {
    if (decided.has(i)) return;
    const n = election.votes[i] as number;
    const backing = fraction(raised.endowment.numerator * BigInt(n), raised.endowment.denominator);
    outcomes.push(
      notFunded(
        p,
        n,
        compareFractions(backing, fraction(p.cost)) < 0
          ? {
              'zh-CN': `${n} 位支持者的份额合计 ¥${yuan(backing)}，不足费用 ¥${yuan(p.cost)}`,
              en: `Its ${n} supporters' shares total ¥${yuan(backing)}, less than its ¥${yuan(p.cost)} cost`,
            }
          : {
              'zh-CN': `支持者的钱已用于更受支持的项目，剩余预算 ¥${yuan(left)} 也不够`,
              en: `Its supporters' money went to projects they backed more strongly, and the ¥${yuan(left)} left is not enough`,
            },
      ),
    );
  });
  const selection = finish('equalShares', projects, outcomes, budget);
  return {
    ...selection,
    method: 'equalShares',
    options,
    endowment: fractionToString(raised.endowment),
    uncompleted: {
      funded: pureRun.bought.map((p) => (projects[p] as Project).id),
      spent: pureRun.spent,
    },
  };
}
