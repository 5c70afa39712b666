import type { DecideContext } from '../decide/context.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { fen, moneyToDecimal } from '../numbers/money.js';
import type { LocalDate } from '../time/local-date.js';
import type { Motion } from '../voting/motion.js';
import { actsForOrganizer } from '../voting/office.js';
import type { VotingState } from '../voting/state.js';
import type { FundsCommand } from './commands.js';
import type { FundsEvent } from './events.js';
import { PROJECT_STATUSES, type ProjectStatus } from './project-commands.js';
import type { FundsState } from './state.js';

/** A status change of a funded project: who moved it, when. */
export interface ProjectStatusChange {
  readonly status: ProjectStatus;
  readonly by: string;
  readonly at: string;
}

/** Money spent on a funded project. */
export interface ProjectSpending {
  readonly amount: number;
  readonly note: string;
  readonly date: LocalDate;
  readonly by: string;
  readonly at: string;
}

/** What the log says about one funded project since its motion closed. */
export interface ProjectRecord {
  readonly changes: ProjectStatusChange[];
  readonly spending: ProjectSpending[];
}

/** The key of a funded project in {@link FundsState.projects}. */
export function projectKey(motionId: string, projectId: string): string {
  return `${motionId}\u241f${projectId}`;
}

/** A funded project as the project list shows it: budget, status and spending, all money in fen. */
export interface FundedProject {
  readonly motionId: string;
  readonly motionTitle: string;
  readonly projectId: string;
  readonly name: string;
  /** Its cost as voted: what it may spend. */
  readonly budget: number;
  readonly status: ProjectStatus;
  readonly spent: number;
  readonly remaining: number;
  readonly changes: readonly ProjectStatusChange[];
  readonly spending: readonly ProjectSpending[];
}

const EMPTY: ProjectRecord = { changes: [], spending: [] };

function fundedProject(m: Motion, projectId: string, record: ProjectRecord): FundedProject | undefined {
  const option = m.options.find((o) => o.id === projectId);
  if (!option || option.cost === undefined) return undefined;
  const spent = record.spending.reduce((sum, s) => sum + s.amount, 0);
  return {
    motionId: m.id,
    motionTitle: m.title,
    projectId,
    name: option.label,
    budget: option.cost,
    status: record.changes.at(-1)?.status ?? 'planned',
    spent,
    remaining: option.cost - spent,
    changes: record.changes,
    spending: record.spending,
  };
}

/** Whether a closed motion funded a project: its budget passed and the recorded selection bought it. */
function fundedBy(m: Motion | undefined, projectId: string): m is Motion {
  return (
    m?.status === 'closed' &&
    m.result?.outcome === 'passed' &&
    (m.result.selection?.funded.includes(projectId) ?? false)
  );
}

/**
 * Every project a participatory budget funded, motion by motion in the order drafted, projects in
 * the order bought: each with its status and its spending against its budget.
 */
export function fundedProjects(voting: VotingState, funds: FundsState): FundedProject[] {
  return [...voting.motions.values()].flatMap(({ motion: m }) =>
    (m.status === 'closed' && m.result?.outcome === 'passed'
      ? (m.result.selection?.funded ?? [])
      : []
    ).flatMap(
      (projectId) =>
        fundedProject(m, projectId, funds.projects.get(projectKey(m.id, projectId)) ?? EMPTY) ?? [],
    ),
  );
}

type Decision = Result<FundsEvent[], LinliError>;
type Cmd<K extends FundsCommand['type']> = Extract<FundsCommand, { type: K }>;

/** What project decisions read: the motions that funded the projects, and the projects' records. */
export interface ProjectReads {
  readonly voting: VotingState;
  readonly funds: FundsState;
}

/** The funded project a command names, if the actor acts for its motion's office. */
function findProject(
  reads: ProjectReads,
  command: { motionId: string; projectId: string },
  actor: string,
): Result<FundedProject, LinliError> {
  const m = reads.voting.motions.get(command.motionId)?.motion;
  if (!fundedBy(m, command.projectId))
    return err(linliError('project.not_funded', ['projectId'], { projectId: command.projectId }));
  if (!actsForOrganizer(actor, m.organizer)) return err(linliError('auth.forbidden', ['motionId']));
  const record = reads.funds.projects.get(projectKey(m.id, command.projectId)) ?? EMPTY;
  const project = fundedProject(m, command.projectId, record);
  return project
    ? ok(project)
    : err(linliError('project.not_funded', ['projectId'], { projectId: command.projectId }));
}

/** planned → in progress → done, one step at a time: a skipped or backward step is refused. */
export function setProjectStatus(
  reads: ProjectReads,
  command: Cmd<'project.setStatus'>,
  context: DecideContext,
): Decision {
  const found = findProject(reads, command, context.actor);
  if (!found.ok) return found;
  const from = found.value.status;
  if (PROJECT_STATUSES.indexOf(command.status) !== PROJECT_STATUSES.indexOf(from) + 1)
    return err(linliError('project.bad_transition', ['status'], { from, to: command.status }));
  const { motionId, projectId, status } = command;
  const payload = { motionId, projectId, status, by: context.actor, at: context.now.toISOString() };
  return ok([{ type: 'project.statusChanged', payload }]);
}

/** Spending within what remains of the project's budget; more is refused and nothing is recorded. */
export function spendOnProject(
  reads: ProjectReads,
  command: Cmd<'project.spend'>,
  context: DecideContext,
): Decision {
  const found = findProject(reads, command, context.actor);
  if (!found.ok) return found;
  const { remaining } = found.value;
  if (command.amount > remaining)
    return err(
      linliError('project.over_budget', ['amount'], {
        remaining: moneyToDecimal(fen(remaining)),
        amount: moneyToDecimal(fen(command.amount)),
      }),
    );
  const payload = {
    motionId: command.motionId,
    projectId: command.projectId,
    amount: command.amount,
    note: command.note,
    date: command.date ?? context.today,
    by: context.actor,
    at: context.now.toISOString(),
  };
  return ok([{ type: 'project.spent', payload }]);
}

function recordOf(state: FundsState, motionId: string, projectId: string): ProjectRecord {
  const key = projectKey(motionId, projectId);
  let record = state.projects.get(key);
  if (!record) {
    record = { changes: [], spending: [] };
    state.projects.set(key, record);
  }
  return record;
}

/** Folds a status change into the project's record. */
export function projectStatusChanged(
  state: FundsState,
  event: { payload: FundsEventPayload<'project.statusChanged'> },
): void {
  const { motionId, projectId, status, by, at } = event.payload;
  recordOf(state, motionId, projectId).changes.push({ status, by, at });
}

/** Folds spending into the project's record. */
export function projectSpent(
  state: FundsState,
  event: { payload: FundsEventPayload<'project.spent'> },
): void {
  const { motionId, projectId, amount, note, date, by, at } = event.payload;
  recordOf(state, motionId, projectId).spending.push({ amount, note, date, by, at });
}

type FundsEventPayload<K extends FundsEvent['type']> = Extract<FundsEvent, { type: K }>['payload'];
