/**
 * @linli/core — the framework-agnostic domain model of Linli (邻里): exact numbers, typed bilingual
 * errors, the community model, a tamper-evident event log with stores, and a reactive facade.
 *
 * The public API is listed here by name, one group per domain. It is what the widgets, the server, the
 * stories and the READMEs use, plus a few names an integrator needs (see the package README's "Public API").
 * Everything else is internal and may change in any release. `api/core.api.md` records this surface;
 * `npm test` fails when it changes without that report being regenerated (`npm run api`).
 *
 * @packageDocumentation
 */

// Announcements: notices (公告), their reads (organizers only) and drafted reminders.
export {
  type Announcement,
  type NoticeScope,
  unitInScope,
} from './announcements/announcement.js';
export { MAX_NOTICE_BODY } from './announcements/commands.js';
export {
  activeAnnouncements,
  announcementReads,
  type NoticeReader,
  type NoticeReads,
} from './announcements/queries.js';
export { draftArrearsReminder, draftMotionReminder, type NoticeDraft } from './announcements/reminders.js';
export type {
  AnnouncementsEvent,
  AnnouncementsEventPayloads,
  AnnouncementsState,
} from './announcements/state.js';
// Attachments: content-addressed references to receipts, invoices and notices' files.
export {
  ATTACHMENT_TYPES,
  type Attachment,
  type AttachmentType,
  attachmentHashes,
  attachmentSchema,
  attachmentsSchema,
  MAX_ATTACHMENTS,
  sha256Schema,
} from './attachments/attachment.js';
// Community: buildings, units, owners, residents, and who counts on a date.
export {
  type CountedUnit,
  countHeadsAndArea,
  type HeadcountAndArea,
  type OwnerHead,
  ownerElectorate,
} from './community/electorate.js';
export type { CommunityEvent, CommunityEventPayloads, CommunityEventType } from './community/events.js';
export {
  effectiveArea,
  householdsOn,
  ownersOn,
  residentsOn,
  type Scope,
  unitsIn,
} from './community/queries.js';
export type { CommunityState } from './community/state.js';
export type {
  AreaSource,
  Building,
  Community,
  Contact,
  Owner,
  OwnershipPeriod,
  Resident,
  Stairwell,
  Unit,
} from './community/types.js';
export type { DecideContext } from './decide/context.js';
// Typed bilingual errors and the Result type every command returns.
export {
  errorFrom,
  type LinliError,
  LinliException,
  linliError,
  type PathSegment,
} from './errors/linli-error.js';
export { err, ok, type Result } from './errors/result.js';
export {
  type DueFor,
  type FundArrears,
  fundArrears,
  type HouseholdArrears,
  type UnpaidDue,
} from './funds/arrears.js';
export { type BudgetInput, checkBudgetInput, checkEqualSharesOptions } from './funds/budget-input.js';
// Funds: cost-sharing schemes, ledgers, CSV exports, participatory budgeting.
export { type ChargeBilling, chargeBilling } from './funds/charge-billing.js';
export { fundViewCsv, shareTableCsv, statementsCsv } from './funds/csv.js';
export {
  type BudgetTieBreak,
  EQUAL_SHARES_DEFAULTS,
  type EqualSharesCompletion,
  type EqualSharesOptions,
  type EqualSharesSelection,
  equalShares,
  type ResolvedEqualSharesOptions,
  type Utilities,
} from './funds/equal-shares.js';
export type { FundsEvent, FundsEventPayloads, FundsEventType } from './funds/events.js';
export { type FundSummary, fundPayments, fundSummaries } from './funds/fund-accounts.js';
export {
  type FundNotice,
  fundNotice,
  type NoticeExpense,
  type NoticeIncome,
  type NoticeOffset,
} from './funds/fund-notice.js';
export { type FundExemption, type FundRow, type FundView, fundView } from './funds/fund-view.js';
export {
  type BillDue,
  type FundAccount,
  householdAccounts,
  type ShareBasisLine,
} from './funds/household-account.js';
export {
  type AccountLine,
  type HouseholdStatement,
  householdStatement,
  householdStatementCsv,
} from './funds/household-statement.js';
export {
  type Ageing,
  type Entry,
  type EntryKind,
  type IncomeOffset,
  type LedgerSummary,
  summarizeLedger,
  type UnitStatement,
} from './funds/ledger.js';
export { type LedgerExportInput, ledgerCsv } from './funds/ledger-export.js';
export {
  approvalSets,
  type BudgetSelection,
  greedyByApprovals,
  type Project,
  type ProjectOutcome,
} from './funds/participatory.js';
export { type PaymentReceipt, paymentReceipt } from './funds/payment-receipt.js';
export {
  PROJECT_STATUSES,
  type ProjectStatus,
  setProjectStatusSchema,
  spendOnProjectSchema,
} from './funds/project-commands.js';
export {
  type FundedProject,
  fundedProjects,
  type ProjectRecord,
  type ProjectSpending,
  type ProjectStatusChange,
  projectKey,
} from './funds/projects.js';
export {
  nextReceiptNo,
  PAYMENT_METHODS,
  type PaymentMethod,
  receiptNoTaken,
} from './funds/receipts.js';
export { type BillLine, billMonth, DEFAULT_DUE_DAY, dueDateOf } from './funds/recurring.js';
export {
  floorCoefficientPresets,
  type SchemeBasis,
  type SchemeSpec,
  type SchemeUnit,
  type Subsidy,
} from './funds/scheme.js';
export { previewScheme, schemeUnitsOf } from './funds/scheme-preview.js';
export { computeShares, type ShareRow, type ShareTable } from './funds/shares.js';
export type { Charge, Fund, FundsState, SchemeVersion } from './funds/state.js';
// The governance facade: commands, decide, state, read models and published views.
export { type Command, commandSchema } from './governance/commands.js';
export type { CommunityView, UnitView } from './governance/community-view.js';
export { latestDate, YEARS_AHEAD } from './governance/date-window.js';
export { type DecidedEvent, decide } from './governance/decide.js';
export { type DueItem, type DueWork, dueWork } from './governance/due-work.js';
export {
  createGovernance,
  DEFAULT_MAX_RETRIES,
  type ExecuteOptions,
  type Governance,
  type GovernanceOptions,
} from './governance/governance.js';
export type {
  HouseholdDuty,
  HouseholdHome,
  HouseholdSwap,
  HouseholdUnit,
} from './governance/household-home.js';
export type {
  HolderName,
  HouseholdMotion,
  HouseholdMotionsAnswer,
  HouseholdSeat,
} from './governance/household-motions.js';
export {
  type BillLineRecord,
  type DuesLine,
  type HouseholdRecord,
  type HouseholdRecordOptions,
  householdRecord,
  type OwnershipLine,
  type ResidentLine,
  type RoleLine,
  type TurnsLine,
  type VoteLine,
} from './governance/household-record.js';
export { publishedRosterWindow } from './governance/published-roster.js';
export {
  fetchPublishedView,
  type PublishedView,
  publishView,
  type ReadModels,
  type UnitLabel,
  viewGovernance,
} from './governance/published-view.js';
export { SCHEDULER_ACTOR } from './governance/scheduler-actor.js';
export type { RestoreOptions, Snapshot, SnapshotMigration } from './governance/snapshot.js';
export { applyEvent, type GovernanceState, replay } from './governance/state.js';
// Locales and the zh-CN/en message tables.
export { type Locale, locales, resolveLocale } from './i18n/locale.js';
export type { MessageParams, MessageTable, MessageTemplates } from './i18n/message-table.js';
export { numberMessages } from './i18n/messages/numbers.js';
export { type ErrorCode, errorMessages, formatMessage, isErrorCode } from './i18n/messages.js';
// The hash-chained event log: sealing, verification, checkpoints and stores.
export { canonicalJson } from './log/canonical-json.js';
export {
  checkpointMessage,
  isCheckpoint,
  type SignedCheckpoint,
  type VerifyCheckpointOptions,
  verifyCheckpoint,
} from './log/checkpoint.js';
export { CheckpointKeeper, type CheckpointKeeperOptions } from './log/checkpoint-keeper.js';
export {
  type DraftEvent,
  draftOf,
  EMPTY_HEAD,
  type EventFormat,
  eventHashInput,
  type HashFunction,
  hashEvent,
  headOf,
  type LoggedEvent,
  type LogHead,
  nobleSha256Hex,
  sealEvents,
  sealGroups,
  sha256Hex,
} from './log/event.js';
export { GroupCommitStore } from './log/group-commit-store.js';
export { MemoryStore } from './log/memory-store.js';
export { randomSalt, type SaltSource, sequentialSalts } from './log/salt.js';
export type {
  AppendGroup,
  AppendGroupsOptions,
  AppendOptions,
  AppendPlan,
  AppendPlannedOptions,
  EventStore,
  PlannedAppend,
  ReadOptions,
  StoredLog,
  StoreListener,
} from './log/store.js';
export { type VerifyFailure, type VerifyOptions, type VerifyResult, verify } from './log/verify.js';
// Exact numbers: integer fen, hundredths of a square metre, BigInt fractions, largest-remainder allocation.
export {
  type AllocateOptions,
  type Allocation,
  type AllocationMethod,
  allocate,
  type Weight,
} from './numbers/allocate.js';
export {
  type Area,
  addArea,
  areaToDecimal,
  centiSquareMetres,
  formatArea,
  squareMetres,
  sumArea,
} from './numbers/area.js';
export { amountInChineseCapitals } from './numbers/chinese-capitals.js';
export {
  atLeast,
  type Comparison,
  compareFractions,
  type Fraction,
  fraction,
  meets,
  minimumToMeet,
  moreThan,
} from './numbers/fraction.js';
export {
  addMoney,
  fen,
  formatMoney,
  type Money,
  moneyToDecimal,
  multiplyMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
  yuan,
} from './numbers/money.js';
export { numberError } from './numbers/number-error.js';
// Remote: a store and a live view over the server’s HTTP API.
export { readEventStream, type StreamMessage } from './remote/event-stream.js';
export { HttpStore, type HttpStoreOptions } from './remote/http-store.js';
export {
  connectLiveView,
  type LiveView,
  type LiveViewOptions,
  type Outbox,
  type OutboxEntry,
  QUEUED_ERROR,
  type RefusedCommand,
  UNREACHABLE_ERROR,
} from './remote/live-view.js';
// Roles: appointed positions and their terms.
export type { RoleDefinition, RoleStatus, Term } from './roles/roles.js';
export {
  type BuildingRoles,
  holderName,
  type PublishedHolder,
  type PublishedRole,
  type RoleContact,
  roleContacts,
  rolesRoster,
} from './roles/roster.js';
export { type RolesEvent, type RolesEventPayloads, type RolesState, rolesOn } from './roles/state.js';

// Rotation: duty rosters, holidays, iCalendar export.
export { WEEKDAYS, type Weekday } from './rotation/calendar.js';
export type {
  Absence,
  Cover,
  Duty,
  DutyDefinition,
  HolidayHandling,
  Swap,
  SwapStatus,
} from './rotation/duty.js';
export type { RotationEvent, RotationEventPayloads, RotationEventType } from './rotation/events.js';
export {
  type DutyFairness,
  dutyFairness,
  type FairnessExclusion,
  type HouseholdTurns,
} from './rotation/fairness.js';
export { chineseHolidays, type HolidayProvider, noHolidays } from './rotation/holidays.js';
export { type ICalOptions, rosterToICal } from './rotation/ical.js';
export type { ByDay, Recurrence, RecurrenceRule } from './rotation/recurrence.js';
export { type MemberStats, memberStats, type RosterSlot } from './rotation/roster.js';
export type { AssignedSlot, AssignmentPolicy, ReentryRule, SlotDate } from './rotation/schedule.js';
export type { RotationState } from './rotation/state.js';
export {
  pendingSwaps,
  type SwapStage,
  type SwapWithStage,
  swapInEffect,
  swapStage,
} from './rotation/swaps.js';
// Injected time, ids and randomness, and calendar dates.
export { type Clock, fixedClock, systemClock } from './time/clock.js';
export { type IdGenerator, sequentialIds } from './time/ids.js';
export { isLocalDate, type LocalDate, localDateOf } from './time/local-date.js';
export { type RandomSource, seededRandom } from './time/random.js';
// Text rules and zod helpers shared by commands and hosts.
export { EARLIEST_DATE } from './validation/schemas.js';
export {
  lineSchema,
  multilineSchema,
  type TextProblem,
  type TextRules,
  textProblem,
} from './validation/text.js';
export { parseWith } from './validation/zod-errors.js';
export { ballotNumber, isBallotNumberOf } from './voting/ballot-number.js';
export { ballotChoiceText } from './voting/choice-text.js';
// Voting: motions, rules, tallies and their explanations, secrecy, tie lotteries, exports.
export type { BallotColumns } from './voting/columns.js';
export type { ElectorateInput } from './voting/electorate.js';
export {
  type ElectoratePreview,
  type Exclusion,
  type ExclusionReason,
  previewElectorate,
} from './voting/electorate-preview.js';
export type { CheckResult, DimensionTotals, Totals } from './voting/evaluate.js';
export type { VotingEvent, VotingEventPayloads, VotingEventType } from './voting/events.js';
export { type Bilingual, type Explanation, type ExplanationLine, explainTally } from './voting/explain.js';
export { exportMotion, type MotionExport, toBlt } from './voting/export.js';
export { motionCsv } from './voting/export-csv.js';
export {
  type HistoryStamp,
  type MotionAction,
  type MotionHistoryEntry,
  motionHistory,
} from './voting/history.js';
export { type LotterySecret, lotteryCommitment, lotteryPriority, lotterySeed } from './voting/lottery.js';
export { dotBudget } from './voting/methods/dot-method.js';
export { explainCount } from './voting/methods/explainers.js';
export { type IrvResult, type IrvRound, instantRunoff } from './voting/methods/irv.js';
export type { RankedBallots } from './voting/methods/ranked-ballots.js';
export { type SchulzeResult, schulze } from './voting/methods/schulze.js';
export type { TiePicker, TiePriority } from './voting/methods/tie-order.js';
export type {
  AmendableBy,
  Amendment,
  AmendmentStatus,
  Ballot,
  BallotChannel,
  BallotChoice,
  Basis,
  Funding,
  Motion,
  MotionDefinition,
  MotionKind,
  MotionOption,
  MotionStatus,
  Outcome,
  PaperCheck,
  ProxyAuthorization,
  RankedMethod,
  RecordedResult,
  Secrecy,
  TieBreak,
  Voter,
} from './voting/motion.js';
export { amendmentStatus } from './voting/motion.js';
export { actsForOrganizer, officeOf } from './voting/office.js';
export { type PlainNeeds, plainNeeds } from './voting/plain-needs.js';
export { voterNamed } from './voting/roll.js';
export { checkRuleFits, type RuleFitInput, rulePresetsFor } from './voting/rule-fit.js';
export { ruleSource } from './voting/rule-source.js';
export {
  type ApprovalCheck,
  type Check,
  civilCode278,
  type DecisionRule,
  type Dimension,
  type ParticipationCheck,
  rulePresets,
  type Threshold,
} from './voting/rules.js';
export { measureSecrecy, type SecrecyMeasure, smallestFit } from './voting/secrecy.js';
export { previewSecrecy, type SecrecyPreview } from './voting/secrecy-preview.js';
export type { MotionState, VotingState } from './voting/state.js';
export {
  type ConsentStatus,
  type OptionResult,
  type StvRoundView,
  type Tally,
  type TallyOptions,
  tallyMotion,
} from './voting/tally.js';
