import { LinliException } from '../errors/linli-error.js';
import type { Ballot, Motion } from '../voting/motion.js';
import { checkBudgetInput } from './budget-input.js';
import { notFunded, ordinal, yuan } from './selection-text.js';

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
 * Refuses input no selection can be computed from (see {@link checkBudgetInput}): throws a
 * {@link LinliException} with the first problem, before anything is computed.
 */
export function assertBudgetInput(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
  budget: number,
): void {
  const checked = checkBudgetInput({ projects, ballots: approvals, budget });
  if (!checked.ok) throw new LinliException(checked.error);
}

/**
 * Greedy by approval count (what most cities do): take projects from most to least approved, skipping
 * any that no longer fits the remaining budget. Throws a {@link LinliException} on bad input (see
 * {@link checkBudgetInput}).
 */
export function greedyByApprovals(
  projects: readonly Project[],
  approvals: readonly (readonly string[])[],
  budget: number,
): BudgetSelection {
  assertBudgetInput(projects, approvals, budget);
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

/** The selection with funded projects in the order bought and outcomes in option order. */
export function finish(
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

/** The approval sets of an approval motion's ballots, as option ids, ready for either method. */
export function approvalSets(motion: Motion, ballots: readonly Ballot[]): string[][] {
  return ballots.flatMap((b) =>
    b.choice.kind === 'approval' ? [b.choice.options.map((i) => motion.options[i]?.id as string)] : [],
  );
}
