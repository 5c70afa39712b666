import { type LinliError, linliError } from '../../errors/linli-error.js';
import { err, type Result } from '../../errors/result.js';
import type { Motion, MotionDefinition, MotionKind, RankedMethod } from '../motion.js';
import { approvalMethod } from './approval-method.js';
import { dotMethod } from './dot-method.js';
import { irvMethod } from './irv-method.js';
import type { BallotField, BallotShape, CastCommand, CountingMethod } from './method.js';
import { type MethodId, methodIdOf } from './method-id.js';
import { pluralityMethod } from './plurality-method.js';
import { proposalMethod } from './proposal-method.js';
import { rankedPairsMethod } from './ranked-pairs-method.js';
import { schulzeMethod } from './schulze-method.js';
import { scoreMethod } from './score-method.js';
import { stvMethod } from './stv-method.js';

export type { MethodId } from './method-id.js';

/** What the registry must hold: for every method id, a method whose ballots are of its own kind. */
export type MethodRegistry = {
  readonly [Id in MethodId]: CountingMethod<{ readonly kind: Id extends RankedMethod ? 'ranked' : Id }>;
};

/**
 * Every counting method by name. `satisfies` makes a kind or ranked method without an entry a compile
 * error, and an entry whose ballot kind is not its own one too.
 */
export const countingMethods = {
  proposal: proposalMethod,
  single: pluralityMethod,
  approval: approvalMethod,
  score: scoreMethod,
  dot: dotMethod,
  irv: irvMethod,
  schulze: schulzeMethod,
  rankedPairs: rankedPairsMethod,
  stv: stvMethod,
} as const satisfies {
  readonly [Id in MethodId]: CountingMethod<{ readonly kind: Id extends RankedMethod ? 'ranked' : Id }>;
};

type Registered = (typeof countingMethods)[MethodId];

/** A ballot's answer, normalized to option indexes: the union of every method's own. */
export type BallotChoice = Registered extends CountingMethod<infer Choice> ? Choice : never;

/** The method that counts a motion; undefined only for a ranked definition that names none. */
export function methodOf(motion: Pick<MotionDefinition, 'kind' | 'method'>): CountingMethod | undefined {
  const id = methodIdOf(motion);
  return id === undefined ? undefined : (countingMethods[id] as CountingMethod);
}

const shapes = new Map<MotionKind, BallotShape<BallotChoice>>(
  Object.values(countingMethods).map((m) => [m.shape.kind, m.shape as BallotShape<BallotChoice>]),
);

/** How a kind of motion's ballots are read, stored and exported. */
export function shapeOf(kind: MotionKind): BallotShape<BallotChoice> {
  return shapes.get(kind) as BallotShape<BallotChoice>;
}

/** Every `ballot.cast` field that carries an answer, once each. */
const answerFields: readonly BallotField[] = [...new Set([...shapes.values()].map((s) => s.field))];

/**
 * The definition rules of the motion's method: a ranked motion names its method, and each method adds
 * its own (STV seats, approval limits, a dot vote's budget).
 */
export function checkMethodDefinition(definition: MotionDefinition): LinliError | null {
  const method = methodOf(definition);
  if (!method) return linliError('motion.method_required', ['method']);
  return method.checkDefinition(definition);
}

/**
 * Reads a `ballot.cast` command's answer for the motion: exactly the field its kind takes, checked and
 * normalized to option indexes.
 */
export function readBallot(motion: Motion, command: CastCommand): Result<BallotChoice, LinliError> {
  const shape = shapeOf(motion.kind);
  const given = answerFields.filter((f) => command[f] !== undefined);
  const expected = shape.field;
  if (given.length !== 1 || given[0] !== expected)
    return err(linliError('ballot.wrong_shape', [expected], { expected }));
  return shape.read(motion, command, new Map(motion.options.map((o, i) => [o.id, i])));
}
