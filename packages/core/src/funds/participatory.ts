import {
  addFractions,
  compareFractions,
  divideFractions,
  type Fraction,
  fraction,
  fractionToString,
  subtractFractions,
} from '../numbers/fraction.js';
import type { Ballot, Motion } from '../voting/motion.js';

/** A resident-proposed project (自治项目) with its cost in fen. */
export interface Project {
  readonly id: string;
  readonly name: string;
  readonly cost: number;
}

/** Why a project was or was not funded. */
export interface ProjectOutcome {
  readonly projectId: string;
  readonly approvals: number;
  readonly funded: boolean;
  /** The round in which it was funded (1-based), or null. */
  readonly round: number | null;
  /** Equal shares: the most any supporter paid, exact, "n/d" fen. */
  readonly maxPayment?: string;
  readonly reason: { readonly 'zh-CN': string; readonly en: string };
}

/** A selection of projects within a budget. */
export interface BudgetSelection {
  readonly method: 'greedy' | 'equalShares';
  readonly funded: readonly string[];
  readonly spent: number;
  readonly budget: number;
  readonly outcomes: readonly ProjectOutcome[];
}

const yuan = (fen: number | Fraction) => {
  const value = typeof fen === 'number' ? fen : Number(fen.numerator) / Number(fen.denominator);
  return (value / 100).toFixed(2);
};

function approvalCounts(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
): Map<string, number> {
  const counts = new Map(projects.map((p) => [p.id, 0]));
  for (const set of approvals)
    for (const id of new Set(set)) if (counts.has(id)) counts.set(id, (counts.get(id) as number) + 1);
  return counts;
}

/** Most approvals first; ties: cheaper first, then by id. */
function byApprovals(counts: Map<string, number>) {
  return (a: Project, b: Project) =>
    (counts.get(b.id) as number) - (counts.get(a.id) as number) ||
    a.cost - b.cost ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Greedy by approval count (what most cities do): take projects from most to least approved, skipping
 * any that no longer fits the remaining budget.
 */
export function greedyByApprovals(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
  budget: number,
): BudgetSelection {
  const counts = approvalCounts(projects, approvals);
  let left = budget;
  let round = 0;
  const outcomes: ProjectOutcome[] = [...projects].sort(byApprovals(counts)).map((p) => {
    const n = counts.get(p.id) as number;
    if (n > 0 && p.cost <= left) {
      left -= p.cost;
      round += 1;
      return {
        projectId: p.id,
        approvals: n,
        funded: true,
        round,
        reason: {
          'zh-CN': `${n} 票，按票数第 ${round} 个入选，费用 ¥${yuan(p.cost)} 在剩余预算内`,
          en: `${n} approvals; funded ${ordinal(round)} by approvals, ¥${yuan(p.cost)} fit the remaining budget`,
        },
      };
    }
    return notFunded(p, n, {
      'zh-CN': `费用 ¥${yuan(p.cost)} 超过剩余预算 ¥${yuan(left)}`,
      en: `¥${yuan(p.cost)} exceeds the remaining ¥${yuan(left)}`,
    });
  });
  return finish('greedy', projects, outcomes, budget);
}

/** An unfunded project's outcome; with no approvals the reason is always that nobody backed it. */
function notFunded(p: Project, approvals: number, reason: ProjectOutcome['reason']): ProjectOutcome {
  return {
    projectId: p.id,
    approvals,
    funded: false,
    round: null,
    reason: approvals === 0 ? { 'zh-CN': '没有人支持', en: 'Nobody approved it' } : reason,
  };
}

function ordinal(n: number): string {
  const s =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
}

function finish(
  method: BudgetSelection['method'],
  projects: readonly Project[],
  outcomes: ProjectOutcome[],
  budget: number,
): BudgetSelection {
  const cost = new Map(projects.map((p) => [p.id, p.cost]));
  const funded = outcomes
    .filter((o) => o.funded)
    .sort((a, b) => (a.round as number) - (b.round as number))
    .map((o) => o.projectId);
  const order = new Map(projects.map((p, i) => [p.id, i]));
  return {
    method,
    funded,
    spent: funded.reduce((s, id) => s + (cost.get(id) as number), 0),
    budget,
    outcomes: [...outcomes].sort(
      (a, b) => (order.get(a.projectId) as number) - (order.get(b.projectId) as number),
    ),
  };
}

interface MesRun {
  readonly selected: { id: string; rho: Fraction }[];
  readonly spent: number;
}

/** One run of the Method of Equal Shares with every voter starting at `endowment` fen. Exact arithmetic. */
function runEqualShares(
  projects: readonly Project[],
  supporters: Map<string, number[]>,
  voters: number,
  endowment: Fraction,
  exclude: ReadonlySet<string>,
): MesRun {
  const money: Fraction[] = Array.from({ length: voters }, () => endowment);
  const open = new Set(projects.filter((p) => !exclude.has(p.id)).map((p) => p.id));
  const cost = new Map(projects.map((p) => [p.id, p.cost]));
  const selected: { id: string; rho: Fraction }[] = [];
  let spent = 0;
  for (;;) {
    let best: { id: string; rho: Fraction; n: number } | null = null;
    for (const id of [...open]) {
      const who = supporters.get(id) ?? [];
      const c = fraction(cost.get(id) as number);
      const total = who.reduce((s, v) => addFractions(s, money[v] as Fraction), fraction(0));
      if (who.length === 0 || compareFractions(total, c) < 0) {
        open.delete(id); // money only shrinks: it will never be affordable again
        continue;
      }
      // The least ρ with Σ min(moneyᵢ, ρ) = cost: the richest supporters pay ρ, the poorer all they have.
      const budgets = who.map((v) => money[v] as Fraction).sort(compareFractions);
      let remaining = c;
      let payers = budgets.length;
      let rho = fraction(0);
      for (const b of budgets) {
        const even = divideFractions(remaining, fraction(payers));
        if (compareFractions(b, even) >= 0) {
          rho = even;
          break;
        }
        remaining = subtractFractions(remaining, b);
        payers -= 1;
      }
      const n = who.length;
      const cmp = best === null ? -1 : compareFractions(rho, best.rho);
      if (best === null || cmp < 0 || (cmp === 0 && (n > best.n || (n === best.n && id < best.id))))
        best = { id, rho, n };
    }
    if (!best) return { selected, spent };
    for (const v of supporters.get(best.id) ?? []) {
      const m = money[v] as Fraction;
      money[v] = compareFractions(m, best.rho) <= 0 ? fraction(0) : subtractFractions(m, best.rho);
    }
    open.delete(best.id);
    selected.push({ id: best.id, rho: best.rho });
    spent += cost.get(best.id) as number;
  }
}

/**
 * The Method of Equal Shares for approval ballots, with the standard completion. The budget is split
 * equally among voters; a project is bought by its supporters only, each paying the same amount ρ or
 * all they have left, and the project with the smallest ρ goes first. Because that usually leaves money
 * unspent, the completion raises every voter's starting share step by step (Add1: 1% of the initial
 * share a step, at least 1 fen, for at most 300 steps) while the outcome still fits the budget, and then fills what is left
 * greedily by approvals. All money is exact (BigInt fractions).
 */
export function equalShares(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
  budget: number,
): BudgetSelection {
  const voters = approvals.length;
  const counts = approvalCounts(projects, approvals);
  const supporters = new Map<string, number[]>(projects.map((p) => [p.id, []]));
  approvals.forEach((set, v) => {
    for (const id of new Set(set)) supporters.get(id)?.push(v);
  });
  if (voters === 0) return greedyByApprovals(projects, approvals, budget);
  const base = fraction(budget, voters);
  const step = fraction(Math.max(1, Math.ceil(budget / voters / 100)));
  let run = runEqualShares(projects, supporters, voters, base, new Set());
  let endowment = base;
  // Add1 completion: the largest uniform raise whose outcome still fits the real budget. Raises go
  // up to three times the initial share (300 steps); beyond that the greedy completion takes over.
  const supported = projects.filter((p) => (counts.get(p.id) as number) > 0).length;
  for (let i = 0; i < 300 && run.selected.length < supported; i++) {
    const raised = addFractions(endowment, step);
    const next = runEqualShares(projects, supporters, voters, raised, new Set());
    if (next.spent > budget) break;
    run = next;
    endowment = raised;
  }
  const outcomes: ProjectOutcome[] = [];
  const chosen = new Set(run.selected.map((s) => s.id));
  run.selected.forEach((s, i) => {
    const n = counts.get(s.id) as number;
    outcomes.push({
      projectId: s.id,
      approvals: n,
      funded: true,
      round: i + 1,
      maxPayment: fractionToString(s.rho),
      reason: {
        'zh-CN': `第 ${i + 1} 轮入选：${n} 位支持者平摊，每人最多出 ¥${yuan(s.rho)}`,
        en: `Funded in round ${i + 1}: its ${n} supporters shared the cost, each paying at most ¥${yuan(s.rho)}`,
      },
    });
  });
  // Greedy completion for what is left.
  let left = budget - run.spent;
  let round = run.selected.length;
  for (const p of [...projects].filter((p) => !chosen.has(p.id)).sort(byApprovals(counts))) {
    const n = counts.get(p.id) as number;
    if (n > 0 && p.cost <= left) {
      left -= p.cost;
      round += 1;
      outcomes.push({
        projectId: p.id,
        approvals: n,
        funded: true,
        round,
        reason: {
          'zh-CN': `补充阶段按票数入选（${n} 票），用剩余预算`,
          en: `Funded in the completion by approvals (${n}), from money left over`,
        },
      });
      continue;
    }
    const supportersMoney = fraction(n * Number(endowment.numerator), Number(endowment.denominator));
    outcomes.push(
      notFunded(
        p,
        n,
        compareFractions(supportersMoney, fraction(p.cost)) < 0
          ? {
              'zh-CN': `${n} 位支持者的份额合计 ¥${yuan(supportersMoney)}，不足费用 ¥${yuan(p.cost)}`,
              en: `Its ${n} supporters' shares total ¥${yuan(supportersMoney)}, less than its ¥${yuan(p.cost)} cost`,
            }
          : {
              'zh-CN': `支持者的钱已用于更受支持的项目，剩余预算 ¥${yuan(left)} 也不够`,
              en: `Its supporters' money went to projects they backed more strongly, and the ¥${yuan(left)} left is not enough`,
            },
      ),
    );
  }
  return finish('equalShares', projects, outcomes, budget);
}

/** The approval sets of an approval motion's ballots, as option ids, ready for either method. */
export function approvalSets(motion: Motion, ballots: readonly Ballot[]): string[][] {
  return ballots.flatMap((b) =>
    b.choice.kind === 'approval' ? [b.choice.options.map((i) => motion.options[i]?.id as string)] : [],
  );
}
