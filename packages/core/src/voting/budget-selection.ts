import { type LinliError, linliError } from '../errors/linli-error.js';
import { checkBudgetInput } from '../funds/budget-input.js';
import { type EqualSharesOptions, equalShares } from '../funds/equal-shares.js';
import {
  approvalSets,
  type BudgetSelection,
  greedyByApprovals,
  type Project,
} from '../funds/participatory.js';
import type { Ballot, Funding, Motion, MotionDefinition } from './motion.js';

/** A draft command's funding as the command's schema gives it (absent fields may be `undefined`). */
export interface FundingInput {
  readonly amount: number;
  readonly selection?: Funding['selection'] | undefined;
  readonly utilities?: Funding['utilities'] | undefined;
  readonly completion?: Funding['completion'] | undefined;
  readonly addOneStep?: number | undefined;
}

/** The funding of a draft command with its default filled in: Equal Shares unless greedy is asked for. */
export function resolveFunding(input: FundingInput): Funding {
  return {
    amount: input.amount,
    selection: input.selection ?? 'equalShares',
    ...(input.utilities === undefined ? {} : { utilities: input.utilities }),
    ...(input.completion === undefined ? {} : { completion: input.completion }),
    ...(input.addOneStep === undefined ? {} : { addOneStep: input.addOneStep }),
  };
}

/** A funded motion's options as the budget's projects. */
export function projectsOf(d: Pick<MotionDefinition, 'options'>): Project[] {
  return d.options.map((o) => ({ id: o.id, name: o.label, cost: o.cost ?? 0 }));
}

/**
 * A participatory budget's definition rules: approval ballots only, a positive budget, every option
 * costed with a positive whole number of fen; costs without a budget are refused, as nothing would
 * read them.
 */
export function checkFunding(d: MotionDefinition): LinliError | null {
  const costed = d.options.findIndex((o) => o.cost !== undefined);
  if (d.funding === undefined)
    return costed === -1
      ? null
      : linliError('participatory.costs_without_budget', ['options', costed, 'cost']);
  if (d.kind !== 'approval') return linliError('participatory.needs_approval', ['kind'], { kind: d.kind });
  const uncosted = d.options.findIndex((o) => o.cost === undefined);
  if (uncosted !== -1) {
    const id = d.options[uncosted]?.id ?? '';
    return linliError('participatory.uncosted_option', ['options', uncosted, 'cost'], { id });
  }
  if (d.funding.amount <= 0) return linliError('participatory.no_budget', ['funding', 'amount']);
  const checked = checkBudgetInput({ projects: projectsOf(d), ballots: [], budget: d.funding.amount });
  if (checked.ok) return null;
  const [, index, ...rest] = checked.error.path;
  return { ...checked.error, path: ['options', index ?? 0, ...rest] };
}

/** The Equal Shares options a funding names; absent ones take the method's documented defaults. */
function equalSharesOptions(f: Funding): EqualSharesOptions {
  return {
    ...(f.utilities === undefined ? {} : { utilities: f.utilities }),
    ...(f.completion === undefined ? {} : { completion: f.completion }),
    ...(f.addOneStep === undefined ? {} : { addOneStep: f.addOneStep }),
  };
}

/**
 * The projects a funded motion selects from its ballots, by its rule: what `motion.close` records.
 * The ballots passed the motion's own checks when cast, so the input is valid.
 */
export function selectProjects(motion: Motion, ballots: readonly Ballot[]): BudgetSelection | undefined {
  const f = motion.funding;
  if (f === undefined) return undefined;
  const projects = projectsOf(motion);
  const approvals = approvalSets(motion, ballots);
  return f.selection === 'greedy'
    ? greedyByApprovals(projects, approvals, f.amount)
    : equalShares(projects, approvals, f.amount, equalSharesOptions(f));
}
