import type { MotionDefinition, MotionKind, RankedMethod } from '../motion.js';

/** A counting method's name: a motion's kind, or for a ranked motion its method. */
export type MethodId = Exclude<MotionKind, 'ranked'> | RankedMethod;

/** The name of the method that counts a motion; undefined only for a ranked definition that names none. */
export function methodIdOf(motion: Pick<MotionDefinition, 'kind' | 'method'>): MethodId | undefined {
  return motion.kind === 'ranked' ? motion.method : motion.kind;
}
