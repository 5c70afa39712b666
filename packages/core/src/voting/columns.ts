import type { BallotColumns } from './ballot-columns.js';
import { type BallotChoice, shapeOf } from './methods/registry.js';
import type { MotionKind, Voter } from './motion.js';

// The layout lives apart (ballot-columns.ts), below the counting methods that read it: this module asks
// the method registry how to lay out and write a ballot, so the methods must not import it back.
export { type BallotColumns, VOTE_CODE } from './ballot-columns.js';

/** Allocates the columns for a frozen electorate, laid out as the kind's ballot shape asks. */
export function allocateColumns(kind: MotionKind, voters: readonly Voter[], options: number): BallotColumns {
  const n = voters.length;
  const { layout } = shapeOf(kind);
  const grid = new Uint8Array(layout.column === 'grid' ? n * options : 0);
  if (layout.column === 'grid' && layout.empty !== 0) grid.fill(layout.empty);
  return {
    size: n,
    options,
    area: Float64Array.from(voters, (v) => v.area),
    custom: Float64Array.from(voters, (v) => v.custom),
    cast: new Uint8Array(n),
    vote: new Uint8Array(layout.column === 'vote' ? n : 0),
    single: new Int16Array(layout.column === 'single' ? n : 0).fill(-1),
    grid,
  };
}

/** Writes (or overwrites) voter i's ballot into the columns. */
export function writeBallot(columns: BallotColumns, i: number, choice: BallotChoice): void {
  columns.cast[i] = 1;
  shapeOf(choice.kind).write(columns, i, choice);
}
