/**
 * @linli/core — the framework-agnostic domain model of Linli (邻里): exact numbers, typed bilingual
 * errors, the community model, a tamper-evident event log with stores, and a reactive facade.
 *
 * @packageDocumentation
 */
export * from './community/commands.js';
export { decideCommunity } from './community/decide.js';
export * from './community/electorate.js';
export * from './community/events.js';
export * from './community/queries.js';
export * from './community/state.js';
export * from './community/types.js';
export * from './errors/linli-error.js';
export * from './errors/result.js';
export * from './funds/commands.js';
export * from './funds/csv.js';
export { decideFunds } from './funds/decide.js';
export * from './funds/events.js';
export * from './funds/evolve.js';
export * from './funds/fund-view.js';
export * from './funds/ledger.js';
export * from './funds/participatory.js';
export * from './funds/recurring.js';
export * from './funds/scheme.js';
export * from './funds/shares.js';
export * from './funds/state.js';
export * from './governance/commands.js';
export * from './governance/community-view.js';
export * from './governance/context.js';
export { checkDateWindow, latestDate, YEARS_AHEAD } from './governance/date-window.js';
export { type DecidedEvent, decide } from './governance/decide.js';
export * from './governance/governance.js';
export * from './governance/published-roster.js';
export * from './governance/published-view.js';
export * from './governance/snapshot.js';
export * from './governance/state.js';
export * from './i18n/locale.js';
export type { MessageParams, MessageTable, MessageTemplates } from './i18n/message-table.js';
export { numberMessages } from './i18n/messages/numbers.js';
export { type ErrorCode, errorMessages, formatMessage, isErrorCode } from './i18n/messages.js';
export * from './log/canonical-json.js';
export * from './log/checkpoint.js';
export * from './log/checkpoint-keeper.js';
export * from './log/event.js';
export * from './log/group-commit-store.js';
export * from './log/memory-store.js';
export * from './log/salt.js';
export * from './log/store.js';
export * from './log/verify.js';
export * from './numbers/index.js';
export * from './remote/event-stream.js';
export * from './remote/http-store.js';
export * from './remote/live-view.js';
export * from './roles/commands.js';
export { decideRoles } from './roles/decide.js';
export * from './roles/roles.js';
export * from './roles/state.js';
export * from './rotation/calendar.js';
export * from './rotation/commands.js';
export { decideRotation } from './rotation/decide.js';
export * from './rotation/duty.js';
export * from './rotation/events.js';
export * from './rotation/holidays.js';
export * from './rotation/ical.js';
export * from './rotation/recurrence.js';
export * from './rotation/roster.js';
export * from './rotation/schedule.js';
export * from './rotation/state.js';
export * from './time/clock.js';
export * from './time/ids.js';
export * from './time/local-date.js';
export { cryptoRandom, type RandomSource, seededRandom } from './time/random.js';
export { EARLIEST_DATE } from './validation/schemas.js';
export {
  lineSchema,
  multilineSchema,
  optionalLineSchema,
  storableText,
  type TextProblem,
  type TextRules,
  textProblem,
} from './validation/text.js';
export { parseWith } from './validation/zod-errors.js';
export * from './voting/columns.js';
export * from './voting/commands.js';
export { decideVoting } from './voting/decide.js';
export * from './voting/electorate.js';
export * from './voting/evaluate.js';
export * from './voting/events.js';
export * from './voting/explain.js';
export * from './voting/export.js';
export * from './voting/lottery.js';
export * from './voting/methods/counts.js';
export { dotBudget } from './voting/methods/dot-method.js';
export { explainCount } from './voting/methods/explainers.js';
export * from './voting/methods/irv.js';
export * from './voting/methods/pairwise.js';
export * from './voting/methods/ranked-ballots.js';
export * from './voting/methods/ranked-pairs.js';
export * from './voting/methods/schulze.js';
export * from './voting/methods/stv.js';
export * from './voting/methods/tie-order.js';
export * from './voting/motion.js';
export { voterNamed } from './voting/roll.js';
export * from './voting/rules.js';
export * from './voting/secrecy.js';
export * from './voting/secrecy-preview.js';
export * from './voting/state.js';
export * from './voting/tally.js';
export * from './voting/visibility.js';
