import type { Ballot } from './motion.js';
import type { MotionState } from './state.js';

/**
 * The ballots of a motion that a read model may show: all of them for a public motion; for a secret
 * one, nothing before the deadline. After close a secret motion's ballots are shown without who cast
 * them, in a fixed order (by answer) so that position gives nothing away either.
 */
export function visibleBallots(entry: MotionState, now: Date): readonly Ballot[] {
  const m = entry.motion;
  const ballots = [...entry.ballots.values()];
  if (m.secrecy === 'public') return ballots;
  const final = m.status === 'closed' || now.getTime() >= Date.parse(m.closesAt);
  if (!final) return [];
  return ballots
    .map((b) => ({ voterId: '', choice: b.choice, channel: b.channel, castBy: '', at: '', revision: 1 }))
    .sort((a, b) => JSON.stringify(a.choice).localeCompare(JSON.stringify(b.choice)));
}

/** Who has voted, where the motion lets that be seen (always for public, by `showVoters` for secret). */
export function votedVoterIds(entry: MotionState): readonly string[] {
  const m = entry.motion;
  if (m.secrecy === 'secret' && !m.showVoters) return [];
  return [...entry.ballots.keys()];
}
