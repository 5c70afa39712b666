import { sha256Hex } from '../log/event.js';
import { type BallotColumns, VOTE_CODE } from './columns.js';
import { type CheckResult, type DimensionTotals, evaluateCheck, type Totals } from './evaluate.js';
import { lotteryPriority } from './lottery.js';
import { approvalCounts, pluralityCounts, scoreTotals, topOptions } from './methods/counts.js';
import type { IrvRound } from './methods/irv.js';
import { preferred } from './methods/tie-order.js';
import type { Motion, Outcome } from './motion.js';
import { countRanked } from './ranked-tally.js';
import type { Check, Dimension } from './rules.js';
import { settleTie } from './settle-tie.js';
import type { MotionState } from './state.js';

/** Support for one option (or, for a proposal, one answer) in every dimension. */
export interface OptionResult {
  readonly id: string;
  readonly label: string;
  /** Voters (headcount). For `score`: the total score. */
  readonly votes: number;
  /** Hundredths of m². */
  readonly area: number;
  readonly custom: number;
}

/** Where each unit that must consent stands. */
export interface ConsentStatus {
  readonly unitId: string;
  readonly voterId: string | null;
  readonly vote: 'yes' | 'no' | 'abstain' | 'block' | null;
}

/** An STV round with its exact fractions written as strings ("7/5"). */
export interface StvRoundView {
  readonly votes: readonly string[];
  readonly exhausted: string;
  readonly elected: readonly number[];
  readonly eliminated: number | null;
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

/** Weights of everyone on the roll and of those who have voted, in all three dimensions, in one pass. */
function sumRoll(columns: BallotColumns): {
  eligible: [number, number, number];
  cast: [number, number, number];
} {
  const { area, custom, cast } = columns;
  let eligibleArea = 0;
  let eligibleCustom = 0;
  let heads = 0;
  let castArea = 0;
  let castCustom = 0;
  for (let i = 0; i < columns.size; i++) {
    const a = area[i] as number;
    const c = custom[i] as number;
    eligibleArea += a;
    eligibleCustom += c;
    if (cast[i] === 1) {
      heads++;
      castArea += a;
      castCustom += c;
    }
  }
  return {
    eligible: [columns.size, eligibleArea, eligibleCustom],
    cast: [heads, castArea, castCustom],
  };
}

/** The roll and turnout of a proposal, from its per-answer sums. */
function proposalRoll(sums: ProposalSums): ReturnType<typeof sumRoll> {
  const [heads, area, custom] = sums.eligible;
  const notVoted = sums.byCode[VOTE_CODE.none] as [number, number, number];
  return { eligible: sums.eligible, cast: [heads - notVoted[0], area - notVoted[1], custom - notVoted[2]] };
}

interface ProposalSums {
  readonly eligible: [number, number, number];
  readonly byCode: [number, number, number][];
}

/**
 * The proposal hot path: eligible and per-answer weights in every dimension in a single pass over the
 * columns. A million ballots take a few milliseconds.
 */
export function sumProposal(columns: BallotColumns): ProposalSums {
  const heads = new Float64Array(5);
  const area = new Float64Array(5);
  const custom = new Float64Array(5);
  let eligibleArea = 0;
  let eligibleCustom = 0;
  const { vote, cast } = columns;
  const a = columns.area;
  const c = columns.custom;
  for (let i = 0; i < columns.size; i++) {
    const ai = a[i] as number;
    const ci = c[i] as number;
    eligibleArea += ai;
    eligibleCustom += ci;
    const code = cast[i] === 1 ? (vote[i] as number) : 0;
    heads[code] = (heads[code] as number) + 1;
    area[code] = (area[code] as number) + ai;
    custom[code] = (custom[code] as number) + ci;
  }
  return {
    eligible: [columns.size, eligibleArea, eligibleCustom],
    byCode: [0, 1, 2, 3, 4].map((k) => [heads[k] as number, area[k] as number, custom[k] as number]),
  };
}

function totalsFrom(eligible: number[], participating: number[], yes: number[]): Totals {
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
 * results, rounds or the pairwise matrix, the outcome, and whether it is already settled.
 */
export function tallyMotion(entry: MotionState, options: TallyOptions): Tally {
  const m = entry.motion;
  const seed = options.seed ?? m.result?.seed ?? sha256Hex(new TextEncoder().encode(`provisional:${m.id}`));
  const final =
    m.status === 'closed' || (m.status === 'open' && options.now.getTime() >= Date.parse(m.closesAt));
  const hidden = m.secrecy === 'secret' && !final && options.reveal !== true;
  const columns = entry.columns;
  const empty: Totals = totalsFrom([0, 0, 0], [0, 0, 0], [0, 0, 0]);
  if (!columns) {
    return {
      motionId: m.id,
      status: m.status,
      final: false,
      hidden,
      eligibleVoters: 0,
      votedVoters: 0,
      totals: empty,
      checks: [],
      ...nothingDecided,
      seed,
    };
  }

  // Proposals get every sum from one pass (the million-ballot hot path); other kinds are small.
  const proposalSums = m.kind === 'proposal' ? sumProposal(columns) : null;
  const { eligible, cast: participating } = proposalSums ? proposalRoll(proposalSums) : sumRoll(columns);
  let yes: [number, number, number] = [0, 0, 0];
  let optionResults: OptionResult[] = [];
  let winners: number[] = [];
  let tied = false;
  let lottery = false;
  let blocks = 0;
  let irvRounds: readonly IrvRound[] | undefined;
  let stv: Tally['stv'];
  let pairwise: number[][] | undefined;
  const optionIds = m.options.map((o) => o.id);
  const priority = lotteryPriority(seed, optionIds);
  // Nobody gave any option a vote (or a point): there is no one to elect, and nothing to draw.
  const pickWinner = (counts: ArrayLike<number>): number[] => {
    const top = topOptions(counts);
    if ((counts[top[0] as number] as number) <= 0) return [];
    const settlement = settleTie(top, [preferred(top, priority)], m.tieBreak);
    ({ tied, lottery } = settlement);
    return [...settlement.winners];
  };

  switch (m.kind) {
    case 'proposal': {
      const sums = proposalSums as ProposalSums;
      const labels = ['yes', 'no', 'abstain', 'block'] as const;
      optionResults = labels.map((label) => {
        const [votes, area, custom] = sums.byCode[VOTE_CODE[label]] as [number, number, number];
        return { id: label, label, votes, area, custom };
      });
      yes = sums.byCode[VOTE_CODE.yes] as [number, number, number];
      blocks = (sums.byCode[VOTE_CODE.block] as [number, number, number])[0];
      break;
    }
    case 'single':
    case 'approval': {
      const perDimension = dimensions.map((d) => {
        const w = d === 'headcount' ? undefined : d === 'area' ? columns.area : columns.custom;
        if (m.kind === 'single')
          return pluralityCounts(columns.options, castOnly(columns.single, columns.cast), w);
        return approvalCounts(columns.options, castGrid(columns), w);
      });
      const [heads, area, custom] = perDimension as [Float64Array, Float64Array, Float64Array];
      optionResults = m.options.map((o, c) => ({
        ...o,
        votes: heads[c] as number,
        area: area[c] as number,
        custom: custom[c] as number,
      }));
      winners = pickWinner(heads);
      if (winners.length === 1) {
        const w = winners[0] as number;
        yes = [heads[w] as number, area[w] as number, custom[w] as number];
      }
      break;
    }
    case 'score': {
      const totals = scoreTotals(columns.options, columns.grid);
      optionResults = m.options.map((o, c) => ({ ...o, votes: totals[c] as number, area: 0, custom: 0 }));
      winners = pickWinner(totals);
      break;
    }
    case 'ranked': {
      const count = countRanked(m, columns, priority, participating[0]);
      optionResults = m.options.map((o, c) => ({ ...o, votes: count.firsts[c] ?? 0, area: 0, custom: 0 }));
      ({ tied, lottery } = count.settlement);
      winners = [...count.settlement.winners];
      yes = count.yes;
      irvRounds = count.irvRounds;
      stv = count.stv;
      pairwise = count.pairwise;
      break;
    }
  }

  const totals = totalsFrom(eligible, participating, yes);
  const checks = m.rule.checks.map((check) => evaluateCheck(check, totals));
  const consent: ConsentStatus[] = m.mustConsent.map((unitId) => {
    const index = m.electorate.findIndex((v) => v.unitIds.includes(unitId));
    const voter = index >= 0 ? (m.electorate[index] as (typeof m.electorate)[number]) : undefined;
    if (!voter) return { unitId, voterId: null, vote: null };
    const code = columns.cast[index] === 1 ? (columns.vote[index] as number) : 0;
    const vote =
      code === 1 ? 'yes' : code === 2 ? 'no' : code === 3 ? 'abstain' : code === 4 ? 'block' : null;
    return { unitId, voterId: voter.id, vote };
  });
  const consentMet = consent.every((c) => c.vote === 'yes');
  const blockMet = !(m.rule.noBlock === true && blocks > 0);
  const hasWinner = m.kind === 'proposal' || (winners.length > 0 && !tied);
  const passesNow = checks.every((c) => c.met) && consentMet && blockMet && hasWinner;

  // Decided early: every completion of the vote gives the same outcome.
  const notVoted = totalsFrom(
    [eligible[0] - participating[0], eligible[1] - participating[1], eligible[2] - participating[2]],
    [0, 0, 0],
    [0, 0, 0],
  );
  const freeVoters = eligible[0] - participating[0] + (m.allowChange ? participating[0] : 0);
  let certainPass = false;
  let certainFail = false;
  if (m.kind === 'proposal') {
    const consentFixedYes = consent.every((c) => c.vote === 'yes' && !m.allowChange);
    const consentFixedNo = consent.some(
      (c) => c.voterId === null || (c.vote !== null && c.vote !== 'yes' && !m.allowChange),
    );
    const canStillBlock = m.rule.noBlock === true && freeVoters > 0;
    certainPass =
      m.rule.checks.every((c) => checkAt(c, totals, notVoted, m.allowChange, false)) &&
      consentFixedYes &&
      blockMet &&
      !canStillBlock;
    certainFail =
      !m.rule.checks.every((c) => checkAt(c, totals, notVoted, m.allowChange, true)) ||
      consentFixedNo ||
      (m.rule.noBlock === true && blocks > 0 && !m.allowChange);
  } else if (freeVoters === 0) {
    certainPass = passesNow;
    certainFail = !passesNow;
  }

  let outcome: Outcome;
  // A tie is reported as such once enough took part; whether the tied options had enough support
  // in favour is moot until the tie is resolved.
  const participationMet = checks.every((c) => c.check.kind !== 'participation' || c.met);
  if (final) outcome = passesNow ? 'passed' : tied && participationMet ? 'tied' : 'failed';
  else outcome = certainPass ? 'passed' : certainFail ? 'failed' : 'pending';

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
    options: optionResults,
    ...(irvRounds ? { irvRounds } : {}),
    ...(stv ? { stv } : {}),
    ...(pairwise ? { pairwise } : {}),
    winners: winners.map((w) => optionIds[w] as string),
    lottery,
    outcome,
    decidedEarly: !final && (certainPass || certainFail),
    seed,
  };
  return hidden ? redact(tally) : tally;
}

function castOnly(single: Int16Array, cast: Uint8Array): Int16Array {
  const out = new Int16Array(single.length);
  for (let i = 0; i < single.length; i++) out[i] = cast[i] === 1 ? (single[i] as number) : -1;
  return out;
}

function castGrid(columns: BallotColumns): Uint8Array {
  const k = columns.options;
  const out = new Uint8Array(columns.grid.length);
  for (let i = 0; i < columns.size; i++)
    if (columns.cast[i] === 1) out.set(columns.grid.subarray(i * k, i * k + k), i * k);
  return out;
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
