import type * as z from 'zod/mini';
import type { LinliError } from '../../errors/linli-error.js';
import type { Result } from '../../errors/result.js';
import type { BallotColumns } from '../ballot-columns.js';
import type { castBallotSchema } from '../commands.js';
import type { Bilingual } from '../explain.js';
import type { Motion, MotionDefinition, MotionKind } from '../motion.js';
import type { Settlement } from '../settle-tie.js';
import type { IrvRound } from './irv.js';
import type { TiePriority } from './tie-order.js';

/** A validated `ballot.cast` command. */
export type CastCommand = z.output<typeof castBallotSchema>;

/** The fields of `ballot.cast` that carry an answer; each ballot shape takes exactly one. */
export type BallotField = Exclude<
  keyof CastCommand,
  'type' | 'motionId' | 'voterId' | 'proxyId' | 'paperRef'
>;

/** Support for one option (or, for a proposal, one answer) in every dimension. */
export interface OptionResult {
  readonly id: string;
  readonly label: string;
  /** Voters (headcount). For `score`: the total score; for `dot`: the total points. */
  readonly votes: number;
  /** Hundredths of m². */
  readonly area: number;
  readonly custom: number;
}

/** An STV round with its exact fractions written as strings ("7/5"). */
export interface StvRoundView {
  readonly votes: readonly string[];
  readonly exhausted: string;
  readonly elected: readonly number[];
  readonly eliminated: number | null;
}

/** Weights (headcount, area, custom) of a roll. */
export type Weights = readonly [number, number, number];

/** Everyone on the roll and those who have voted, in all three dimensions. */
export interface RollSums {
  readonly eligible: Weights;
  readonly cast: Weights;
}

/** What a counting method is given: the motion, its ballots in columns, and the lottery's tie order. */
export interface CountInput {
  readonly motion: Motion;
  readonly columns: BallotColumns;
  readonly priority: TiePriority;
}

/** What a counting method contributes to a tally. */
export interface MethodCount {
  readonly roll: RollSums;
  /** Per option (per answer, for a proposal). */
  readonly options: readonly OptionResult[];
  /** The winners (option indexes) once ties are settled, and how. */
  readonly settlement: Settlement;
  /** The weight in favour that the rule's approval checks measure; zeros where a method has none. */
  readonly yes: Weights;
  /** Ballots that block (consent decisions). */
  readonly blocks?: number;
  readonly irvRounds?: readonly IrvRound[];
  readonly stv?: { readonly quota: number; readonly rounds: readonly StvRoundView[] };
  readonly pairwise?: number[][];
}

/** Where a ballot shape keeps its answers in {@link BallotColumns}. */
export type ColumnLayout =
  | { readonly column: 'vote' }
  | { readonly column: 'single' }
  /** n × options bytes, filled with `empty` before any ballot. */
  | { readonly column: 'grid'; readonly empty: number };

/** Option ids of a motion by index, to read a ballot's ids. */
export type OptionIndex = ReadonlyMap<string, number>;

/**
 * How one kind of ballot is read from a command, stored in columns and exported. Methods that take the
 * same ballot (every ranked method) share one shape.
 */
export interface BallotShape<Choice extends { readonly kind: MotionKind }> {
  readonly kind: Choice['kind'];
  /** The `ballot.cast` field that carries the answer. */
  readonly field: BallotField;
  readonly layout: ColumnLayout;
  /** Validates the answer against the motion; ids become option indexes. */
  read(motion: Motion, command: CastCommand, options: OptionIndex): Result<Choice, LinliError>;
  /** Writes (or overwrites) voter `i`'s answer into the columns; `cast` is set by the caller. */
  write(columns: BallotColumns, i: number, choice: Choice): void;
  /** The answer with option ids instead of indexes, as `ballot.cast` takes it. */
  withIds(choice: Choice, id: (option: number) => string | undefined): unknown;
}

/**
 * A counting method: everything that differs between plurality, approval, IRV, dot voting and the rest.
 * A new method is one file implementing this and its {@link CountExplainer}, registered in `registry.ts`
 * and `explainers.ts`.
 */
export interface CountingMethod<
  Choice extends { readonly kind: MotionKind } = { readonly kind: MotionKind },
> {
  readonly shape: BallotShape<Choice>;
  /**
   * True when the outcome rests on the rule's checks alone (a proposal): there is no winner to elect,
   * and the checks can settle the outcome before every vote is in.
   */
  readonly byThreshold: boolean;
  /** Whether the count has a total "in favour" for the rule's approval checks to measure. */
  readonly hasSupport: boolean;
  /** The definition rules this method adds to the common ones (options, seats, limits). */
  checkDefinition(definition: MotionDefinition): LinliError | null;
  /** Counts the ballots and settles ties by the motion's `tieBreak`. */
  count(input: CountInput): MethodCount;
}

/**
 * How a method's count went, in plain words, for a tally that is not hidden; null when the checks say it
 * all. Kept apart from {@link CountingMethod} (in the same file, registered in `explainers.ts`) so that an
 * element explaining a tally does not bundle every count.
 */
export type CountExplainer = (motion: Motion, count: CountedTally) => Bilingual | null;

/** The parts of a tally an explanation of the count reads. */
export interface CountedTally {
  readonly options: readonly OptionResult[];
  readonly winners: readonly string[];
  readonly outcome: 'passed' | 'failed' | 'pending' | 'tied';
  readonly lottery: boolean;
  readonly votedVoters: number;
}
