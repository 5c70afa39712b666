import { allocateColumns, writeBallot } from '../src/voting/columns.js';
import type { BallotChoice, Motion, MotionDefinition, Voter } from '../src/voting/motion.js';
import { type DecisionRule, rulePresets } from '../src/voting/rules.js';
import type { MotionState } from '../src/voting/state.js';

/** `count` voters: one head each, the given areas in hundredths of m² (80.00 m² when not given). */
export function voters(count: number, areas: readonly number[] = []): Voter[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `v${i}`,
    members: [`v${i}`],
    unitIds: [`u${i}`],
    area: areas[i] ?? 8000,
    custom: 0,
  }));
}

/** The fields of a motion that the tests vary. */
export interface MotionShape {
  readonly kind?: MotionDefinition['kind'];
  readonly method?: NonNullable<MotionDefinition['method']>;
  readonly options?: number;
  readonly seats?: number;
  readonly rule?: DecisionRule;
  readonly tieBreak?: MotionDefinition['tieBreak'];
  readonly status?: Motion['status'];
  readonly allowChange?: boolean;
}

/**
 * An opened (or closed) motion's state built straight from ballots, without a governance: `ballots[i]` is
 * voter i's choice, or null for a voter who has not voted.
 */
export function motionState(
  electorate: readonly Voter[],
  ballots: readonly (BallotChoice | null)[],
  shape: MotionShape = {},
): MotionState {
  const kind = shape.kind ?? 'proposal';
  const options = Array.from({ length: kind === 'proposal' ? 0 : (shape.options ?? 2) }, (_, i) => ({
    id: `c${i}`,
    label: `C${i}`,
  }));
  const motion: Motion = {
    id: 'm',
    organizer: 'o',
    title: 't',
    body: '',
    kind,
    ...(shape.method ? { method: shape.method } : {}),
    ...(shape.seats ? { seats: shape.seats } : {}),
    options,
    allowBlock: false,
    scope: { kind: 'community' },
    basis: 'owners',
    rule: shape.rule ?? rulePresets.simpleMajority,
    mustConsent: [],
    secrecy: 'public',
    showVoters: true,
    allowChange: shape.allowChange ?? false,
    proxyCap: 0,
    tieBreak: shape.tieBreak ?? 'report',
    closesAt: '2027-01-01T00:00:00Z',
    status: shape.status ?? 'open',
    amendments: [],
    electorate,
  };
  const columns = allocateColumns(kind, electorate, options.length);
  ballots.forEach((choice, i) => {
    if (choice) writeBallot(columns, i, choice);
  });
  return {
    motion,
    voterIndex: new Map(electorate.map((v, i) => [v.id, i])),
    memberIndex: new Map(),
    ballots: new Map(),
    proxies: new Map(),
    pendingPapers: new Map(),
    columns,
  };
}

/** Before every test motion's `closesAt`. */
export const beforeClose = new Date('2026-11-29T00:00:00Z');
