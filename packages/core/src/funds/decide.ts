import { effectiveArea, unitsIn } from '../community/queries.js';
import type { CommunityState } from '../community/state.js';
import { type LinliError, LinliException, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { DecideContext } from '../governance/context.js';
import { chooseId } from '../governance/ids.js';
import type { ErrorCode } from '../i18n/messages.js';
import type { LocalDate } from '../time/local-date.js';
import type { FundsCommand } from './commands.js';
import type { FundsEvent } from './events.js';
import { billedKey } from './evolve.js';
import { type Entry, summarizeLedger } from './ledger.js';
import { billMonth, daysOfMonth } from './recurring.js';
import type { SchemeSpec } from './scheme.js';
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

/** Decides a validated funds command. Pure. */
export function decideFunds(
  community: CommunityState,
  state: FundsState,
  command: FundsCommand,
  context: DecideContext,
): Decision {
  const today = context.today;
  const newEntryId = () => context.newId('entry');
  const fundOf = (fundId: string, field = 'fundId') =>
    state.funds.has(fundId) ? null : linliError('entity.not_found', [field], { kind: 'fund', id: fundId });

  switch (command.type) {
    case 'scheme.define': {
      const { type: _t, id, scope, ...spec } = command;
      // An existing id makes a new version of that scheme; a generated one must be fresh.
      let schemeId = id ?? context.newId('scheme');
      while (id === undefined && state.schemes.has(schemeId)) schemeId = context.newId('scheme');
      const units = unitsIn(community, scope).map((u) => ({
        unitId: u.id,
        room: u.room,
        floor: u.floor,
        area: effectiveArea(u).area,
      }));
      if (units.length === 0) return fail('scheme.no_units', ['scope']);
      const cleanSpec = JSON.parse(JSON.stringify(spec)) as SchemeSpec;
      // Prove the scheme can be applied (unknown units, parts, caps) before recording it.
      const checked = attempt(() => computeShares(cleanSpec, units, 1_000_000));
      if (!checked.ok) return checked;
      const version = (state.schemes.get(schemeId)?.length ?? 0) + 1;
      return ok([
        {
          type: 'scheme.versioned',
          payload: { schemeId, version, spec: cleanSpec, units, definedOn: today },
        },
      ]);
    }
    case 'fund.open': {
      const id = chooseId((x) => state.funds.has(x), 'fund', command.id, context);
      if (!id.ok) return id;
      return ok([
        { type: 'fund.opened', payload: { id: id.value, name: command.name, budget: command.budget } },
      ]);
    }
    case 'fund.pledge': {
      const missing = fundOf(command.fundId);
      if (missing) return err(missing);
      const scheme = schemeVersion(state, command.schemeId, command.version);
      if (!scheme.ok) return scheme;
      const table = attempt(() => computeShares(scheme.value.spec, scheme.value.units, command.cost));
      if (!table.ok) return table;
      const date = command.date ?? today;
      const source = { schemeId: scheme.value.schemeId, version: scheme.value.version };
      const entries: Entry[] = table.value.rows
        .filter((r) => r.share !== 0)
        .map((r) => ({
          id: newEntryId(),
          fundId: command.fundId,
          kind: 'pledge',
          amount: r.share,
          date,
          due: command.due,
          unitId: r.unitId,
          source,
        }));
      return ok([{ type: 'fund.recorded', payload: { entries } }]);
    }
    case 'fund.pay':
    case 'fund.refund': {
      const missing = fundOf(command.fundId);
      if (missing) return err(missing);
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
      const entry: Entry = {
        id: newEntryId(),
        fundId: command.fundId,
        kind: command.type === 'fund.pay' ? 'payment' : 'refund',
        amount: command.amount,
        date: command.date ?? today,
        unitId: command.unitId,
        ...(command.reference === undefined ? {} : { reference: command.reference }),
      };
      return ok([{ type: 'fund.recorded', payload: { entries: [entry] } }]);
    }
    case 'fund.expense': {
      const missing = fundOf(command.fundId);
      if (missing) return err(missing);
      const entry: Entry = {
        id: newEntryId(),
        fundId: command.fundId,
        kind: 'expense',
        amount: command.amount,
        date: command.date ?? today,
        reference: command.receipt,
        note: command.description,
      };
      return ok([{ type: 'fund.recorded', payload: { entries: [entry] } }]);
    }
    case 'fund.income': {
      const missing = fundOf(command.fundId);
      if (missing) return err(missing);
      const costs = command.relatedCosts ?? 0;
      if (costs > command.amount)
        return fail('fund.costs_exceed_income', ['relatedCosts'], { amount: command.amount, costs });
      const date = command.date ?? today;
      const entries: Entry[] = [
        {
          id: newEntryId(),
          fundId: command.fundId,
          kind: 'income',
          amount: command.amount,
          date,
          note: command.source,
        },
      ];
      if (costs > 0)
        entries.push({
          id: newEntryId(),
          fundId: command.fundId,
          kind: 'expense',
          amount: costs,
          date,
          note: `${command.source}: related costs`,
        });
      const net = command.amount - costs;
      const events: FundsEvent[] = [];
      const offset = command.offset;
      if (offset && 'chargeId' in offset) {
        if (!state.charges.has(offset.chargeId))
          return fail('entity.not_found', ['offset', 'chargeId'], { kind: 'charge', id: offset.chargeId });
        events.push({ type: 'charge.offsetAdded', payload: { chargeId: offset.chargeId, amount: net } });
      } else if (offset) {
        const scheme = schemeVersion(state, offset.schemeId, offset.version);
        if (!scheme.ok) return scheme;
        const table = attempt(() => computeShares(scheme.value.spec, scheme.value.units, net));
        if (!table.ok) return table;
        const source = { schemeId: scheme.value.schemeId, version: scheme.value.version };
        for (const r of table.value.rows) {
          if (r.share !== 0)
            entries.push({
              id: newEntryId(),
              fundId: command.fundId,
              kind: 'credit',
              amount: r.share,
              date,
              unitId: r.unitId,
              source,
            });
        }
      }
      return ok([{ type: 'fund.recorded', payload: { entries } }, ...events]);
    }
    case 'fund.transfer': {
      const missing = fundOf(command.fundId) ?? fundOf(command.toFundId, 'toFundId');
      if (missing) return err(missing);
      const balance = summarizeLedger(
        state.entries.get(command.fundId) ?? [],
        '9999-12-31' as LocalDate,
      ).balance;
      if (command.amount > balance)
        return fail('fund.insufficient', ['amount'], { amount: command.amount, balance });
      const date = command.date ?? today;
      const out: Entry = {
        id: newEntryId(),
        fundId: command.fundId,
        kind: 'transferOut',
        amount: command.amount,
        date,
        note: command.note,
        counterpart: command.toFundId,
      };
      const into: Entry = {
        id: newEntryId(),
        fundId: command.toFundId,
        kind: 'transferIn',
        amount: command.amount,
        date,
        note: command.note,
        counterpart: command.fundId,
      };
      return ok([{ type: 'fund.recorded', payload: { entries: [out, into] } }]);
    }
    case 'fund.reverse': {
      const original = state.entryIndex.get(command.entryId);
      if (!original || original.fundId !== command.fundId)
        return fail('entity.not_found', ['entryId'], { kind: 'entry', id: command.entryId });
      if (original.reverses !== undefined) return fail('fund.reverse_reversal', ['entryId']);
      if (state.reversed.has(original.id)) return fail('fund.already_reversed', ['entryId']);
      const { id: _id, ...rest } = original;
      const reversal: Entry = {
        ...rest,
        id: newEntryId(),
        amount: -original.amount,
        date: today,
        reverses: original.id,
        note: command.reason,
      };
      return ok([{ type: 'fund.recorded', payload: { entries: [reversal] } }]);
    }
    case 'charge.define': {
      const missing = fundOf(command.fundId);
      if (missing) return err(missing);
      if (command.end !== undefined && command.end < command.start)
        return fail('charge.ends_before_start', ['end']);
      const id = chooseId((x) => state.charges.has(x), 'charge', command.id, context);
      if (!id.ok) return id;
      const { fundId, name, monthlyAmount, scope, start, end } = command;
      const charge = {
        id: id.value,
        fundId,
        name,
        monthlyAmount,
        scope,
        start,
        split: command.split ?? 'equal',
        ...(end === undefined ? {} : { end }),
      };
      return ok([{ type: 'charge.defined', payload: charge }]);
    }
    case 'charge.bill': {
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
          id: newEntryId(),
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
    }
  }
}
