import { shapeOf } from './methods/registry.js';
import type { Ballot, Motion } from './motion.js';
import type { Tally } from './tally.js';

/** A motion's record for archiving or publishing (公示): definition, result, ballots and tally. */
export interface MotionExport {
  readonly format: 'linli-motion';
  readonly version: 1;
  readonly motion: Omit<Motion, 'electorate'>;
  /** The roll: voter ids with their weights. */
  readonly electorate: Motion['electorate'];
  /** Ballots with option ids; for secret motions without who cast them. */
  readonly ballots: readonly (Omit<Ballot, 'choice'> & { readonly choice: unknown })[];
  readonly tally: Tally;
}

function choiceWithIds(motion: Motion, ballot: Ballot): unknown {
  return shapeOf(ballot.choice.kind).withIds(ballot.choice, (i) => motion.options[i]?.id);
}

/**
 * Exports a motion as JSON-ready data. Pass the ballots a read model may show (see `visibleBallots`),
 * so a secret motion's export before close holds no ballots and after close no identities.
 */
export function exportMotion(motion: Motion, ballots: readonly Ballot[], tally: Tally): MotionExport {
  const { electorate, ...rest } = motion;
  return {
    format: 'linli-motion',
    version: 1,
    motion: rest,
    electorate,
    ballots: ballots.map((b) => ({ ...b, choice: choiceWithIds(motion, b) })),
    tally,
  };
}

/**
 * Ranked ballots in BLT, the format of OpenSTV, Droop and most STV counting programs: a header of
 * candidates and seats, one line per ballot (`weight` then 1-based candidate numbers, ended by 0),
 * `0`, the candidate names and the title, each in quotes.
 */
export function toBlt(motion: Motion, ballots: readonly Ballot[]): string {
  const quote = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  const lines = [`${motion.options.length} ${motion.seats ?? 1}`];
  for (const b of ballots) {
    if (b.choice.kind !== 'ranked') continue;
    lines.push(['1', ...b.choice.ranking.map((c) => String(c + 1)), '0'].join(' '));
  }
  lines.push('0');
  for (const o of motion.options) lines.push(quote(o.label));
  lines.push(quote(motion.title));
  return `${lines.join('\n')}\n`;
}
