import type { Attachment } from '../attachments/attachment.js';
import type { CommunityState } from '../community/state.js';
import type { DecideContext } from '../decide/context.js';
import { type CommandHandlers, decideBy } from '../decide/domain-module.js';
import { chooseId } from '../decide/ids.js';
import { type LinliError, LinliException, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { ErrorCode } from '../i18n/messages.js';
import type { LocalDate } from '../time/local-date.js';
import { emptyVotingState, type VotingState } from '../voting/state.js';
import { lastBilledMonth } from './charge-billing.js';
import type { FundsCommand } from './commands.js';
import type { FundsEvent } from './events.js';
import { billedKey } from './evolve.js';
import { type Entry, type IncomeOffset, summarizeLedger } from './ledger.js';
import { setProjectStatus, spendOnProject } from './projects.js';
import { nextReceiptNo, normalizeReceiptNo, type PaymentMethod, receiptNoTaken } from './receipts.js';
import { billMonth, daysOfMonth } from './recurring.js';
import type { SchemeSpec } from './scheme.js';
import { schemeUnitsOf } from './scheme-preview.js';
import { computeShares } from './shares.js';
import type { FundsState, SchemeVersion } from './state.js';

type Decision = Result<FundsEvent[], LinliError>;

const fail = (code: ErrorCode, path: (string | number)[] = [], params = {}): Decision =>
  err(linliError(code, path, params));

function schemeVersion(
  state: FundsState,
  schemeId: string,
  version: number | undefined,
): Result<SchemeVersion, LinliError> {
  const versions = state.schemes.get(schemeId);
  const found =
    versions && (version === undefined ? versions.at(-1) : versions.find((v) => v.version === version));
  if (!found)
    return err(
      linliError('entity.not_found', ['schemeId'], {
        kind: 'scheme',
        id: version ? `${schemeId} v${version}` : schemeId,
      }),
    );
  return ok(found);
}

/** Runs a computation that may throw a typed exception (allocation, scheme rules) as a Result. */
function attempt<T>(fn: () => T): Result<T, LinliError> {
  try {
    return ok(fn());
  } catch (e) {
    if (e instanceof LinliException) return err(e.error);
    throw e;
  }
}

/** What funds decisions read: the community (for scopes and households) and the funds slice. */
export interface FundsReads {
  readonly community: CommunityState;
  readonly funds: FundsState;
  /** The motions whose participatory budgets funded projects. */
  readonly voting: VotingState;
}

type Cmd<K extends FundsCommand['type']> = Extract<FundsCommand, { type: K }>;
type Decide<C> = (reads: FundsReads, command: C, context: DecideContext) => Decision;

const newEntryId = (context: DecideContext) => context.newId('entry');

function missingFund(state: FundsState, fundId: string, field = 'fundId'): LinliError | null {
  return state.funds.has(fundId)
    ? null
    : linliError('entity.not_found', [field], { kind: 'fund', id: fundId });
}

/** Every command but defining a scheme or opening a fund books into an existing fund; this checks it first. */
function inFund<
  C extends Cmd<
    'fund.pledge' | 'fund.pay' | 'fund.refund' | 'fund.expense' | 'fund.income' | 'charge.define'
  >,
>(decideIn: Decide<C>): Decide<C> {
  return (reads, command, context) => {
    const missing = missingFund(reads.funds, command.fundId);
    return missing ? err(missing) : decideIn(reads, command, context);
  };
}

const defineScheme: Decide<Cmd<'scheme.define'>> = ({ community, funds: state }, command, context) => {
  const { type: _t, id, scope, ...spec } = command;
  // An existing id makes a new version of that scheme; a generated one must be fresh.
  let schemeId = id ?? context.newId('scheme');
  while (id === undefined && state.schemes.has(schemeId)) schemeId = context.newId('scheme');
  const units = schemeUnitsOf(community, scope);
  if (units.length === 0) return fail('scheme.no_units', ['scope']);
  const cleanSpec = JSON.parse(JSON.stringify(spec)) as SchemeSpec;
  // Prove the scheme can be applied (unknown units, parts, caps) before recording it.
  const checked = attempt(() => computeShares(cleanSpec, units, 1_000_000));
  if (!checked.ok) return checked;
  const version = (state.schemes.get(schemeId)?.length ?? 0) + 1;
  return ok([
    {
      type: 'scheme.versioned',
      payload: { schemeId, version, spec: cleanSpec, units, definedOn: context.today },
    },
  ]);
};

const openFund: Decide<Cmd<'fund.open'>> = ({ funds: state }, command, context) => {
  const id = chooseId((x) => state.funds.has(x), 'fund', command.id, context);
  if (!id.ok) return id;
  return ok([{ type: 'fund.opened', payload: { id: id.value, name: command.name, budget: command.budget } }]);
};

const pledge: Decide<Cmd<'fund.pledge'>> = ({ funds: state }, command, context) => {
  const scheme = schemeVersion(state, command.schemeId, command.version);
  if (!scheme.ok) return scheme;
  const table = attempt(() => computeShares(scheme.value.spec, scheme.value.units, command.cost));
  if (!table.ok) return table;
  const date = command.date ?? context.today;
  const source = { schemeId: scheme.value.schemeId, version: scheme.value.version };
  const entries: Entry[] = table.value.rows
    .filter((r) => r.share !== 0)
    .map((r) => ({
      id: newEntryId(context),
      fundId: command.fundId,
      kind: 'pledge',
      amount: r.share,
      date,
      due: command.due,
      unitId: r.unitId,
      source,
    }));
  return ok([{ type: 'fund.recorded', payload: { entries } }]);
};

/** The command's attachments for its entry, if it has any (a refund has none). */
function attached(command: { readonly attachments?: readonly Attachment[] | undefined }) {
  return command.attachments === undefined ? {} : { attachments: command.attachments };
}

const payOrRefund: Decide<Cmd<'fund.pay' | 'fund.refund'>> = ({ funds: state }, command, context) => {
  const entries = state.entries.get(command.fundId) ?? [];
  const mine = entries.filter((e) => e.unitId === command.unitId);
  if (mine.length === 0 && !(command.type === 'fund.pay' && command.asCredit)) {
    return fail('fund.unknown_unit', ['unitId'], { unitId: command.unitId });
  }
  const statement = summarizeLedger(mine, '9999-12-31' as LocalDate).units[0];
  const owed = statement ? statement.arrears : 0;
  const paidNet = statement ? statement.paid - statement.refunded : 0;
  if (command.type === 'fund.pay' && command.amount > owed && command.asCredit !== true) {
    return fail('fund.overpayment', ['amount'], { amount: command.amount, owed });
  }
  if (command.type === 'fund.refund' && command.amount > paidNet) {
    return fail('fund.refund_exceeds', ['amount'], { amount: command.amount, paid: paidNet });
  }
  let paid = {};
  if (command.type === 'fund.pay') {
    const receipt = receiptOf(state, command);
    if (!receipt.ok) return receipt;
    paid = { ...receipt.value, recordedBy: context.actor, ...attached(command) };
  }
  const entry: Entry = {
    id: newEntryId(context),
    fundId: command.fundId,
    kind: command.type === 'fund.pay' ? 'payment' : 'refund',
    amount: command.amount,
    date: command.date ?? context.today,
    unitId: command.unitId,
    ...(command.reference === undefined ? {} : { reference: command.reference }),
    ...paid,
  };
  return ok([{ type: 'fund.recorded', payload: { entries: [entry] } }]);
};

/** A payment's method and receipt number: the given one if it is free in the fund, else the next. */
function receiptOf(
  state: FundsState,
  command: Cmd<'fund.pay'>,
): Result<{ receiptNo: string; method?: PaymentMethod }, LinliError> {
  const given = command.receiptNo === undefined ? '' : normalizeReceiptNo(command.receiptNo);
  if (given !== '' && receiptNoTaken(state, command.fundId, given))
    return err(linliError('fund.receipt_taken', ['receiptNo'], { receiptNo: given }));
  const receiptNo = given === '' ? nextReceiptNo(state, command.fundId) : given;
  return ok(command.method === undefined ? { receiptNo } : { receiptNo, method: command.method });
}

const expense: Decide<Cmd<'fund.expense'>> = (_reads, command, context) => {
  const entry: Entry = {
    id: newEntryId(context),
    fundId: command.fundId,
    kind: 'expense',
    amount: command.amount,
    date: command.date ?? context.today,
    reference: command.receipt,
    note: command.description,
    ...attached(command),
  };
  return ok([{ type: 'fund.recorded', payload: { entries: [entry] } }]);
};

/**
 * Net income offsets a charge's next bills, or is credited to the units of a scheme. Credits are
 * pushed onto `entries`; an offset comes back as its own event.
 */
function offsetIncome(
  state: FundsState,
  command: Cmd<'fund.income'>,
  net: number,
  entries: Entry[],
  context: DecideContext,
): Decision {
  const offset = command.offset;
  if (offset && 'chargeId' in offset) {
    if (!state.charges.has(offset.chargeId))
      return fail('entity.not_found', ['offset', 'chargeId'], { kind: 'charge', id: offset.chargeId });
    return ok([{ type: 'charge.offsetAdded', payload: { chargeId: offset.chargeId, amount: net } }]);
  }
  if (!offset) return ok([]);
  const scheme = schemeVersion(state, offset.schemeId, offset.version);
  if (!scheme.ok) return scheme;
  const table = attempt(() => computeShares(scheme.value.spec, scheme.value.units, net));
  if (!table.ok) return table;
  const source = { schemeId: scheme.value.schemeId, version: scheme.value.version };
  for (const r of table.value.rows) {
    if (r.share !== 0)
      entries.push({
        id: newEntryId(context),
        fundId: command.fundId,
        kind: 'credit',
        amount: r.share,
        date: command.date ?? context.today,
        unitId: r.unitId,
        source,
      });
  }
  return ok([]);
}

/** The offset as the income entry keeps it (no `version` key when none was named). */
function incomeOffset(offset: NonNullable<Cmd<'fund.income'>['offset']>): IncomeOffset {
  if ('chargeId' in offset) return { chargeId: offset.chargeId };
  return { schemeId: offset.schemeId, ...(offset.version === undefined ? {} : { version: offset.version }) };
}

const income: Decide<Cmd<'fund.income'>> = ({ funds: state }, command, context) => {
  const costs = command.relatedCosts ?? 0;
  if (costs > command.amount)
    return fail('fund.costs_exceed_income', ['relatedCosts'], { amount: command.amount, costs });
  const date = command.date ?? context.today;
  const incomeId = newEntryId(context);
  const entries: Entry[] = [
    {
      id: incomeId,
      fundId: command.fundId,
      kind: 'income',
      amount: command.amount,
      date,
      note: command.source,
      ...(command.invoice === undefined ? {} : { reference: command.invoice }),
      ...(command.offset === undefined ? {} : { offset: incomeOffset(command.offset) }),
      ...attached(command),
    },
  ];
  if (costs > 0)
    entries.push({
      id: newEntryId(context),
      fundId: command.fundId,
      kind: 'expense',
      amount: costs,
      date,
      note: `${command.source}: related costs`,
      relatedTo: incomeId,
    });
  const events = offsetIncome(state, command, command.amount - costs, entries, context);
  if (!events.ok) return events;
  return ok([{ type: 'fund.recorded', payload: { entries } }, ...events.value]);
};

const transfer: Decide<Cmd<'fund.transfer'>> = ({ funds: state }, command, context) => {
  const missing = missingFund(state, command.fundId) ?? missingFund(state, command.toFundId, 'toFundId');
  if (missing) return err(missing);
  const balance = summarizeLedger(state.entries.get(command.fundId) ?? [], '9999-12-31' as LocalDate).balance;
  if (command.amount > balance)
    return fail('fund.insufficient', ['amount'], { amount: command.amount, balance });
  const date = command.date ?? context.today;
  const out: Entry = {
    id: newEntryId(context),
    fundId: command.fundId,
    kind: 'transferOut',
    amount: command.amount,
    date,
    note: command.note,
    counterpart: command.toFundId,
  };
  const into: Entry = {
    id: newEntryId(context),
    fundId: command.toFundId,
    kind: 'transferIn',
    amount: command.amount,
    date,
    note: command.note,
    counterpart: command.fundId,
  };
  return ok([{ type: 'fund.recorded', payload: { entries: [out, into] } }]);
};

const reverse: Decide<Cmd<'fund.reverse'>> = ({ funds: state }, command, context) => {
  const original = state.entryIndex.get(command.entryId);
  if (!original || original.fundId !== command.fundId)
    return fail('entity.not_found', ['entryId'], { kind: 'entry', id: command.entryId });
  if (original.reverses !== undefined) return fail('fund.reverse_reversal', ['entryId']);
  if (state.reversed.has(original.id)) return fail('fund.already_reversed', ['entryId']);
  const { id: _id, ...rest } = original;
  const reversal: Entry = {
    ...rest,
    id: newEntryId(context),
    amount: -original.amount,
    date: context.today,
    reverses: original.id,
    note: command.reason,
  };
  return ok([{ type: 'fund.recorded', payload: { entries: [reversal] } }]);
};

const defineCharge: Decide<Cmd<'charge.define'>> = ({ funds: state }, command, context) => {
  if (command.end !== undefined && command.end < command.start)
    return fail('charge.ends_before_start', ['end']);
  const id = chooseId((x) => state.charges.has(x), 'charge', command.id, context);
  if (!id.ok) return id;
  const { fundId, name, monthlyAmount, scope, start, end, dueDay } = command;
  const charge = {
    id: id.value,
    fundId,
    name,
    monthlyAmount,
    scope,
    start,
    split: command.split ?? 'equal',
    ...(end === undefined ? {} : { end }),
    ...(dueDay === undefined ? {} : { dueDay }),
  };
  return ok([{ type: 'charge.defined', payload: charge }]);
};

/**
 * `charge.define` in an existing fund, or with `openFund`, in a fund opened by the same decision —
 * so a refused charge leaves no empty fund behind.
 */
const defineChargeIn: Decide<Cmd<'charge.define'>> = (reads, command, context) => {
  if (!command.openFund) return inFund(defineCharge)(reads, command, context);
  if (reads.funds.funds.has(command.fundId))
    return fail('entity.duplicate_id', ['fundId'], { kind: 'fund', id: command.fundId });
  const charge = defineCharge(reads, command, context);
  if (!charge.ok) return charge;
  const fund = { id: command.fundId, name: command.openFund.name, budget: 0 };
  return ok([{ type: 'fund.opened', payload: fund }, ...charge.value]);
};

/**
 * Ends a charge after a month. A month already billed stays billed, so the end may not come before
 * the last billed month (reverse those bills first); the end may move later again, which resumes it.
 */
const endCharge: Decide<Cmd<'charge.end'>> = ({ funds: state }, command) => {
  const charge = state.charges.get(command.chargeId);
  if (!charge) return fail('entity.not_found', ['chargeId'], { kind: 'charge', id: command.chargeId });
  if (command.end < charge.start) return fail('charge.ends_before_start', ['end']);
  const billed = lastBilledMonth(state, charge);
  if (billed !== undefined && command.end < billed)
    return fail('charge.ends_before_billed', ['end'], { end: command.end, billed });
  return ok([{ type: 'charge.ended', payload: { chargeId: charge.id, end: command.end } }]);
};

const billCharge: Decide<Cmd<'charge.bill'>> = ({ community, funds: state }, command, context) => {
  const charge = state.charges.get(command.chargeId);
  if (!charge) return fail('entity.not_found', ['chargeId'], { kind: 'charge', id: command.chargeId });
  if (command.month < charge.start || (charge.end !== undefined && command.month > charge.end)) {
    return fail('charge.outside_term', ['month'], {
      month: command.month,
      start: charge.start,
      end: charge.end ?? '—',
    });
  }
  if (state.billed.has(billedKey(charge.id, command.month)))
    return fail('charge.already_billed', ['month'], { month: command.month });
  const pool = state.offsetPools.get(charge.id) ?? 0;
  const offsetUsed = Math.min(pool, charge.monthlyAmount);
  const lines = billMonth(community, charge, command.month, charge.monthlyAmount - offsetUsed);
  if (lines.length === 0) return fail('charge.no_households', ['month'], { month: command.month });
  const days = daysOfMonth(command.month);
  const source = { chargeId: charge.id, month: command.month };
  const entries: Entry[] = lines
    .filter((l) => l.share !== 0)
    .map((l) => ({
      id: newEntryId(context),
      fundId: charge.fundId,
      kind: 'pledge',
      amount: l.share,
      date: days[0] as LocalDate,
      due: days.at(-1) as LocalDate,
      unitId: l.unitId,
      source,
    }));
  return ok([
    { type: 'fund.recorded', payload: { entries } },
    { type: 'charge.billed', payload: { chargeId: charge.id, month: command.month, offsetUsed } },
  ]);
};

/** The decision for each funds command type; a command type without one does not compile. */
export const fundsDeciders = {
  'scheme.define': defineScheme,
  'fund.open': openFund,
  'fund.pledge': inFund(pledge),
  'fund.pay': inFund(payOrRefund),
  'fund.refund': inFund(payOrRefund),
  'fund.expense': inFund(expense),
  'fund.income': inFund(income),
  'fund.transfer': transfer,
  'fund.reverse': reverse,
  'charge.define': defineChargeIn,
  'charge.end': endCharge,
  'charge.bill': billCharge,
  'project.setStatus': setProjectStatus,
  'project.spend': spendOnProject,
} satisfies CommandHandlers<FundsReads, FundsCommand, FundsEvent>;

/** Decides a validated funds command. Pure. */
export function decideFunds(
  community: CommunityState,
  state: FundsState,
  command: FundsCommand,
  context: DecideContext,
  voting: VotingState = emptyVotingState(),
): Decision {
  return decideBy(fundsDeciders, { community, funds: state, voting }, command, context);
}
