import { sha256Hex } from '../log/event.js';
import { type CheckResult, type DimensionTotals, evaluateCheck, type Totals } from './evaluate.js';
import { lotteryPriority } from './lottery.js';
import type { IrvRound } from './methods/irv.js';
import type { MethodCount, OptionResult, StvRoundView, Weights } from './methods/method.js';
import { methodOf } from './methods/registry.js';
import type { Motion, Outcome } from './motion.js';
import type { Check, Dimension } from './rules.js';
import type { MotionState } from './state.js';

export type { OptionResult, StvRoundView } from './methods/method.js';
export { sumProposal } from './methods/roll-sums.js';

/** Where each unit that must consent stands. */
export interface ConsentStatus {
  readonly unitId: string;
  readonly voterId: string | null;
  readonly vote: 'yes' | 'no' | 'abstain' | 'block' | null;
}

/** A tally of a motion at one moment. */
export interface Tally {
  readonly motionId: string;
  readonly status: Motion['status'];
  /** True once voting can no longer change: recorded as closed, or past `closesAt`. */
  readonly final: boolean;
  /** Secret motion before close: only turnout and participation checks are given. */
  readonly hidden: boolean;
  /** Voters on the roll and voters who have voted. */
  readonly eligibleVoters: number;
  readonly votedVoters: number;
  readonly totals: Totals;
  readonly checks: readonly CheckResult[];
  readonly consent: readonly ConsentStatus[];
  /** Ballots that block (consent decisions). */
  readonly blocks: number;
  /** Per answer (`yes`, `no`, `abstain`, `block`) for proposals; per option otherwise. */
  readonly options: readonly OptionResult[];
  /** IRV rounds, option votes by index. */
  readonly irvRounds?: readonly IrvRound[];
  /** STV quota and rounds; votes as exact fractions written "n/d" so the tally stays plain JSON. */
  readonly stv?: { readonly quota: number; readonly rounds: readonly StvRoundView[] };
  /** Condorcet methods: `pairwise[i][j]` voters prefer option i to option j. */
  readonly pairwise?: readonly (readonly number[])[];
  /** Winning option ids in order (elected, for STV). */
  readonly winners: readonly string[];
  /** Whether a lottery had to pick among tied winners. */
  readonly lottery: boolean;
  readonly outcome: Outcome;
  /** The outcome can no longer change, whatever the voters who may still vote (or change) do. */
  readonly decidedEarly: boolean;
  /** The seed used for tie-breaks: the recorded one after close, else a provisional one. */
  readonly seed: string;
  /** Secret motions: dimensions whose weights are withheld (zero here) lest they name voters; see `visibleTally`. */
  readonly withheld?: readonly Dimension[];
}

const dimensions: readonly Dimension[] = ['headcount', 'area', 'custom'];

function totalsFrom(eligible: Weights, participating: Weights, yes: Weights): Totals {
  const t = (j: number): DimensionTotals => ({
    eligible: eligible[j] as number,
    participating: participating[j] as number,
    yes: yes[j] as number,
  });
  return { headcount: t(0), area: t(1), custom: t(2) };
}

/** A check at the voters' worst (for passing) or best completion, to decide whether the outcome is settled. */
function checkAt(check: Check, totals: Totals, free: Totals, allowChange: boolean, best: boolean): boolean {
  const shifted: Record<Dimension, DimensionTotals> = {
    headcount: totals.headcount,
    area: totals.area,
    custom: totals.custom,
  };
  for (const d of dimensions) {
    const t = totals[d];
    const f = free[d];
    // f.eligible: weight that has not voted; f.participating: weight that voted but may still change.
    if (best) {
      const yes = t.yes + f.eligible + (allowChange ? t.participating - t.yes : 0);
      shifted[d] = { eligible: t.eligible, participating: t.participating + f.eligible, yes };
    } else if (check.kind === 'participation') {
      shifted[d] = t;
    } else {
      const yes = allowChange ? 0 : t.yes;
      shifted[d] = { eligible: t.eligible, participating: t.participating + f.eligible, yes };
    }
  }
  return evaluateCheck(check, shifted).met;
}

/** Options of {@link tallyMotion}. */
export interface TallyOptions {
  /** The current instant (from the governance clock); voting is final once it passes `closesAt`. */
  readonly now: Date;
  /** Reveal a secret motion's ballots before close (for the count recorded at close only). */
  readonly reveal?: boolean;
  /** The tie-break seed to use (the log head when closing); defaults to the recorded or a provisional one. */
  readonly seed?: string;
}

/**
 * Tallies a motion: per-dimension totals, every check with what is required and missing, per-option
 * results, rounds or the pairwise matrix, the outcome, and whether it is already settled. The count
 * itself is the motion's counting method's (see `methods/registry.ts`).
 */
export function tallyMotion(entry: MotionState, options: TallyOptions): Tally {
  const m = entry.motion;
  const seed = options.seed ?? m.result?.seed ?? sha256Hex(new TextEncoder().encode(`provisional:${m.id}`));
  const final =
    m.status === 'closed' || (m.status === 'open' && options.now.getTime() >= Date.parse(m.closesAt));
  const hidden = m.secrecy === 'secret' && !final && options.reveal !== true;
  const columns = entry.columns;
  if (!columns) {
    const none: Weights = [0, 0, 0];
    return {
      motionId: m.id,
      status: m.status,
      final: false,
      hidden,
      eligibleVoters: 0,
      votedVoters: 0,
      totals: totalsFrom(none, none, none),
      checks: [],
      ...nothingDecided,
      seed,
    };
  }
  const optionIds = m.options.map((o) => o.id);
  const method = methodOf(m);
  if (!method) throw new Error(`motion ${m.id} has no counting method`);
  const count = method.count({ motion: m, columns, priority: lotteryPriority(seed, optionIds) });
  const { eligible, cast: participating } = count.roll;
  const totals = totalsFrom(eligible, participating, count.yes);
  const checks = m.rule.checks.map((check) => evaluateCheck(check, totals));
  const consent = consentOf(entry);
  const { winners, tied, lottery } = count.settlement;
  const blocks = count.blocks ?? 0;
  const blockMet = !(m.rule.noBlock === true && blocks > 0);
  const hasWinner = method.byThreshold || (winners.length > 0 && !tied);
  const passesNow =
    checks.every((c) => c.met) && consent.every((c) => c.vote === 'yes') && blockMet && hasWinner;
  const settled = method.byThreshold
    ? settledByChecks(m, totals, consent, blocks)
    : settledByTurnout(m, count, passesNow);

  let outcome: Outcome;
  // A tie is reported as such once enough took part; whether the tied options had enough support
  // in favour is moot until the tie is resolved.
  const participationMet = checks.every((c) => c.check.kind !== 'participation' || c.met);
  if (final) outcome = passesNow ? 'passed' : tied && participationMet ? 'tied' : 'failed';
  else outcome = settled.pass ? 'passed' : settled.fail ? 'failed' : 'pending';

  const tally: Tally = {
    motionId: m.id,
    status: m.status,
    final,
    hidden,
    eligibleVoters: eligible[0],
    votedVoters: participating[0],
    totals,
    checks,
    consent,
    blocks,
    options: count.options,
    ...(count.irvRounds ? { irvRounds: count.irvRounds } : {}),
    ...(count.stv ? { stv: count.stv } : {}),
    ...(count.pairwise ? { pairwise: count.pairwise } : {}),
    winners: winners.map((w) => optionIds[w] as string),
    lottery,
    outcome,
    decidedEarly: !final && (settled.pass || settled.fail),
    seed,
  };
  return hidden ? redact(tally) : tally;
}

/** Whether every completion of the vote passes, or every one fails. */
interface Settled {
  readonly pass: boolean;
  readonly fail: boolean;
}

/** Where each unit that must consent stands: its voter's proposal answer, if any. */
function consentOf(entry: MotionState): ConsentStatus[] {
  const m = entry.motion;
  const columns = entry.columns;
  return m.mustConsent.map((unitId) => {
    const index = m.electorate.findIndex((v) => v.unitIds.includes(unitId));
    const voter = index >= 0 ? (m.electorate[index] as (typeof m.electorate)[number]) : undefined;
    if (!voter || !columns) return { unitId, voterId: null, vote: null };
    const code = columns.cast[index] === 1 ? (columns.vote[index] as number) : 0;
    const vote =
      code === 1 ? 'yes' : code === 2 ? 'no' : code === 3 ? 'abstain' : code === 4 ? 'block' : null;
    return { unitId, voterId: voter.id, vote };
  });
}

/** A proposal is settled early when its checks, consent and blocks hold (or fail) at every completion. */
function settledByChecks(
  m: Motion,
  totals: Totals,
  consent: readonly ConsentStatus[],
  blocks: number,
): Settled {
  const notVoted = totalsFrom(
    [
      totals.headcount.eligible - totals.headcount.participating,
      totals.area.eligible - totals.area.participating,
      totals.custom.eligible - totals.custom.participating,
    ],
    [0, 0, 0],
    [0, 0, 0],
  );
  const freeVoters =
    totals.headcount.eligible -
    totals.headcount.participating +
    (m.allowChange ? totals.headcount.participating : 0);
  const blockMet = !(m.rule.noBlock === true && blocks > 0);
  const consentFixedYes = consent.every((c) => c.vote === 'yes' && !m.allowChange);
  const consentFixedNo = consent.some(
    (c) => c.voterId === null || (c.vote !== null && c.vote !== 'yes' && !m.allowChange),
  );
  const canStillBlock = m.rule.noBlock === true && freeVoters > 0;
  return {
    pass:
      m.rule.checks.every((c) => checkAt(c, totals, notVoted, m.allowChange, false)) &&
      consentFixedYes &&
      blockMet &&
      !canStillBlock,
    fail:
      !m.rule.checks.every((c) => checkAt(c, totals, notVoted, m.allowChange, true)) ||
      consentFixedNo ||
      (m.rule.noBlock === true && blocks > 0 && !m.allowChange),
  };
}

/** A choice motion is settled early only when nobody can still vote or change a vote. */
function settledByTurnout(m: Motion, count: MethodCount, passesNow: boolean): Settled {
  const { eligible, cast } = count.roll;
  const freeVoters = eligible[0] - cast[0] + (m.allowChange ? cast[0] : 0);
  return freeVoters === 0 ? { pass: passesNow, fail: !passesNow } : { pass: false, fail: false };
}

/** The parts of a tally that say nothing about how anyone voted: a draft's, or a secret motion's before close. */
const nothingDecided = {
  consent: [],
  blocks: 0,
  options: [],
  winners: [],
  lottery: false,
  outcome: 'pending',
  decidedEarly: false,
} as const satisfies Partial<Tally>;

/** A secret motion before close: turnout and participation only; nothing that reveals a ballot. */
function redact(tally: Tally): Tally {
  const zeroYes = (t: DimensionTotals): DimensionTotals => ({ ...t, yes: 0 });
  const { irvRounds: _rounds, stv: _stv, pairwise: _pairwise, ...rest } = tally;
  return {
    ...rest,
    totals: {
      headcount: zeroYes(tally.totals.headcount),
      area: zeroYes(tally.totals.area),
      custom: zeroYes(tally.totals.custom),
    },
    checks: tally.checks.filter((c) => c.check.kind === 'participation'),
    ...nothingDecided,
    consent: tally.consent.map((c) => ({ ...c, vote: null })),
  };
}
