import type { CheckResult, DimensionTotals } from './evaluate.js';
import type { Ballot, Voter } from './motion.js';
import type { Dimension } from './rules.js';
import { measureSecrecy, type SecrecyMeasure } from './secrecy.js';
import type { MotionState } from './state.js';
import { type Tally, tallyMotion } from './tally.js';

/**
 * The ballots of a motion that a read model may show: all of them for a public motion; for a secret
 * one, nothing before the deadline. After close a secret motion's ballots are shown as bare choices —
 * no voter, member, channel, proxy, paper, time or revision — in a fixed order (by answer) so that
 * position gives nothing away either.
 */
export function visibleBallots(entry: MotionState, now: Date): readonly Ballot[] {
  const m = entry.motion;
  const ballots = [...entry.ballots.values()];
  if (m.secrecy === 'public') return ballots;
  // A cancelled motion is never counted, so its secret ballots are never released.
  const final = m.status === 'closed' || (m.status === 'open' && now.getTime() >= Date.parse(m.closesAt));
  if (!final) return [];
  return ballots
    .map(
      (b): Ballot => ({
        voterId: '',
        choice: b.choice,
        channel: 'withheld',
        castBy: '',
        at: '',
        revision: 1,
      }),
    )
    .sort((a, b) => JSON.stringify(a.choice).localeCompare(JSON.stringify(b.choice)));
}

/** Who has voted, where the motion lets that be seen (always for public, by `showVoters` for secret). */
export function votedVoterIds(entry: MotionState): readonly string[] {
  const m = entry.motion;
  if (m.secrecy === 'secret' && !m.showVoters) return [];
  return [...entry.ballots.keys()];
}

/** Measures of rolls opened before the measure was recorded, kept per (frozen) roll: tallies are read often. */
const olderRolls = new WeakMap<readonly Voter[], SecrecyMeasure>();

function measuredBefore(electorate: readonly Voter[]): SecrecyMeasure {
  let measure = olderRolls.get(electorate);
  if (!measure) {
    measure = measureSecrecy(electorate);
    olderRolls.set(electorate, measure);
  }
  return measure;
}

/** A check on a withheld dimension: only whether it is met. */
function metOnly(c: CheckResult): CheckResult {
  return { ...c, actual: 0, base: 0, required: 0, missing: 0, newVotesNeeded: c.met ? 0 : null };
}

/**
 * The tally a read model may show. For a secret motion, the weights of every dimension whose exact
 * totals could narrow a ballot to one voter (per the roll's {@link measureSecrecy}, taken when it
 * opened) are withheld — per option, in turnout and in favour, and in each check, which keeps only
 * met / not met — while open and after close. Headcounts stay: a headcount never fits just one set
 * of voters short of unanimity. Before close `tallyMotion` already hides everything but turnout.
 */
export function visibleTally(entry: MotionState, now: Date): Tally {
  const counted = tallyMotion(entry, { now });
  const m = entry.motion;
  if (m.secrecy !== 'secret' || m.status === 'draft') return counted;
  // Secret motions with units that must consent are refused now; one drafted before shows no unit's vote.
  const tally = { ...counted, consent: counted.consent.map((c) => ({ ...c, vote: null })) };
  const measure = m.secrecyMeasure ?? measuredBefore(m.electorate);
  const withheld: Dimension[] = [];
  if (measure.areaTotals === 'withheld') withheld.push('area');
  if (measure.customTotals === 'withheld') withheld.push('custom');
  if (withheld.length === 0) return { ...tally, withheld };
  const keep = (d: Dimension) => !withheld.includes(d);
  const hide = (d: Dimension, t: DimensionTotals): DimensionTotals =>
    keep(d) ? t : { eligible: t.eligible, participating: 0, yes: 0 };
  return {
    ...tally,
    totals: {
      headcount: tally.totals.headcount,
      area: hide('area', tally.totals.area),
      custom: hide('custom', tally.totals.custom),
    },
    checks: tally.checks.map((c) => (keep(c.check.dimension) ? c : metOnly(c))),
    options: tally.options.map((o) => ({
      ...o,
      area: keep('area') ? o.area : 0,
      custom: keep('custom') ? o.custom : 0,
    })),
    withheld,
  };
}
