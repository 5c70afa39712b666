import { END } from './methods/ranked-ballots.js';
import type { BallotChoice, MotionKind, Voter } from './motion.js';

/** Proposal answers as stored in {@link BallotColumns.vote}. */
export const VOTE_CODE = { none: 0, yes: 1, no: 2, abstain: 3, block: 4 } as const;

/**
 * Ballots in columns indexed by voter, so a tally is one pass over typed arrays: a million yes/no
 * ballots take 17 bytes each (area, custom weight, answer) and count in a few milliseconds.
 */
export interface BallotColumns {
  readonly size: number;
  readonly options: number;
  readonly area: Float64Array;
  readonly custom: Float64Array;
  /** 1 where the voter has a live ballot. */
  readonly cast: Uint8Array;
  /** `proposal`: {@link VOTE_CODE} per voter. */
  readonly vote: Uint8Array;
  /** `single`: option index per voter, −1 for none. */
  readonly single: Int16Array;
  /** `approval`: 0/1 marks; `score`: 0–5 (255 = no ballot); `ranked`: preference order (END-terminated). n × options. */
  readonly grid: Uint8Array;
}

/** Allocates the columns for a frozen electorate. */
export function allocateColumns(kind: MotionKind, voters: readonly Voter[], options: number): BallotColumns {
  const n = voters.length;
  const gridSize = kind === 'approval' || kind === 'score' || kind === 'ranked' ? n * options : 0;
  const grid = new Uint8Array(gridSize);
  if (kind === 'ranked') grid.fill(END);
  if (kind === 'score') grid.fill(255);
  return {
    size: n,
    options,
    area: Float64Array.from(voters, (v) => v.area),
    custom: Float64Array.from(voters, (v) => v.custom),
    cast: new Uint8Array(n),
    vote: new Uint8Array(kind === 'proposal' ? n : 0),
    single: new Int16Array(kind === 'single' ? n : 0).fill(-1),
    grid,
  };
}

/** Writes (or overwrites) voter i's ballot into the columns. */
export function writeBallot(columns: BallotColumns, i: number, choice: BallotChoice): void {
  const k = columns.options;
  columns.cast[i] = 1;
  switch (choice.kind) {
    case 'proposal':
      columns.vote[i] = VOTE_CODE[choice.vote];
      return;
    case 'single':
      columns.single[i] = choice.option;
      return;
    case 'approval':
      columns.grid.fill(0, i * k, i * k + k);
      for (const o of choice.options) columns.grid[i * k + o] = 1;
      return;
    case 'score':
      columns.grid.set(choice.scores, i * k);
      return;
    case 'ranked':
      columns.grid.fill(END, i * k, i * k + k);
      columns.grid.set(choice.ranking, i * k);
      return;
  }
}
