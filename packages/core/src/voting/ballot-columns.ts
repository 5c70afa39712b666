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
  /**
   * n × options, as each ballot shape keeps it: `approval` 0/1 marks; `score` 0–5 (255 = no ballot);
   * `ranked` preference order (END-terminated); `dot` points.
   */
  readonly grid: Uint8Array;
}
