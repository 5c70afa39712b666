import * as z from 'zod/mini';
import type { LinliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { parseWith } from '../validation/zod-errors.js';

/** What a budget selection is computed from: projects with costs, approval ballots, the budget. */
export interface BudgetInput {
  /** The projects on the ballot, each with its cost in fen. */
  readonly projects: readonly { readonly id: string; readonly name: string; readonly cost: number }[];
  /** Each ballot lists the ids of the projects it approves. */
  readonly ballots: readonly (readonly string[])[];
  /** In fen. */
  readonly budget: number;
  /** The most projects one ballot may approve (the motion's `maxChoices`); no limit when absent. */
  readonly maxApprovals?: number;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function refuse(ctx: Ctx, path: (string | number)[], params: Record<string, string | number>): void {
  ctx.issues.push({ code: 'custom', input: undefined, path, params });
}

const isFen = (value: number) => Number.isSafeInteger(value);

/** Costs are positive whole fen and ids unique: a project costing −10 or 0 is no project. */
function checkProjects(projects: BudgetInput['projects'], ctx: Ctx): Set<string> {
  const ids = new Set<string>();
  projects.forEach((p, i) => {
    if (!isFen(p.cost) || p.cost <= 0)
      refuse(ctx, ['projects', i, 'cost'], {
        code: 'participatory.bad_cost',
        id: p.id,
        cost: String(p.cost),
      });
    if (ids.has(p.id))
      refuse(ctx, ['projects', i, 'id'], { code: 'participatory.duplicate_project', id: p.id });
    ids.add(p.id);
  });
  return ids;
}

/** Every approved id names a project, and no ballot approves more than the motion allows. */
function checkBallots(input: BudgetInput, ids: ReadonlySet<string>, ctx: Ctx): void {
  input.ballots.forEach((ballot, v) => {
    ballot.forEach((id, j) => {
      if (!ids.has(id)) refuse(ctx, ['ballots', v, j], { code: 'participatory.unknown_project', id });
    });
    const count = new Set(ballot).size;
    if (input.maxApprovals !== undefined && count > input.maxApprovals)
      refuse(ctx, ['ballots', v], { code: 'participatory.ballot_too_long', count, max: input.maxApprovals });
  });
}

const budgetInputSchema = z
  .object({
    projects: z.array(z.object({ id: z.string(), name: z.string(), cost: z.number() })),
    ballots: z.array(z.array(z.string())),
    budget: z.number(),
    maxApprovals: z.optional(z.int().check(z.minimum(0))),
  })
  .check(
    z.superRefine((input, ctx) => {
      if (!isFen(input.budget) || input.budget < 0)
        refuse(ctx as Ctx, ['budget'], { code: 'participatory.bad_budget', budget: String(input.budget) });
      const ids = checkProjects(input.projects, ctx as Ctx);
      checkBallots(input as BudgetInput, ids, ctx as Ctx);
    }),
  );

/**
 * Checks a budget selection's input before anything is computed: every cost a positive whole number
 * of fen, project ids unique, every ballot naming only known projects and no more than `maxApprovals`
 * of them, the budget a whole number of fen, not negative. The error has a stable code and the path
 * of the first problem, and lists every problem in `issues`.
 */
export function checkBudgetInput(input: BudgetInput): Result<BudgetInput, LinliError> {
  const parsed = parseWith(budgetInputSchema, input);
  return parsed.ok ? ok(input) : err(parsed.error);
}

const equalSharesOptionsSchema = z.object({
  utilities: z.optional(z.enum(['cost', 'approval'])),
  completion: z.optional(z.enum(['none', 'add-one', 'then-greedy', 'add-one-then-greedy'])),
  addOneStep: z.optional(
    z.number().check(
      z.superRefine((step, ctx) => {
        if (!isFen(step) || step <= 0)
          refuse(ctx as Ctx, [], { code: 'participatory.bad_step', step: String(step) });
      }),
    ),
  ),
  addOneStart: z.optional(z.enum(['whole-yuan', 'exact'])),
  tieBreaking: z.optional(z.array(z.enum(['min-cost', 'max-cost', 'max-votes']))),
});

/** Checks the Method of Equal Shares' options as a caller from plain JavaScript or JSON may pass them. */
export function checkEqualSharesOptions(options: unknown): Result<unknown, LinliError> {
  const parsed = parseWith(equalSharesOptionsSchema, options);
  return parsed.ok ? ok(options) : err(parsed.error);
}
