import { type LinliError, linliError } from '../errors/linli-error.js';
import type { Motion, Voter } from './motion.js';
import { actsForOrganizer } from './office.js';
import type { MotionState } from './state.js';

/**
 * The voter a ballot names: by the voter's key, or by any of its members, so each co-owner of a unit
 * (keyed by the smaller owner id) can vote under their own id. Every basis puts a person in at most
 * one voter (owner heads join everything connected through a shared owner), so a member names one voter.
 */
export function voterOnRoll(entry: MotionState, id: string): Voter | undefined {
  const index = entry.voterIndex.get(id) ?? entry.memberIndex.get(id);
  return index === undefined ? undefined : entry.motion.electorate[index];
}

/** The same lookup on a motion alone (a host authorizing a command before the core decides it). */
export function voterNamed(motion: Pick<Motion, 'electorate'>, id: string): Voter | undefined {
  return motion.electorate.find((v) => v.id === id) ?? motion.electorate.find((v) => v.members.includes(id));
}

/**
 * Who may cast for `voter`. A voter with no members (units with no owner and no registered
 * developer) has nobody who could vote in person or sign a proxy, so its only ballot is a paper one
 * that the motion's organizer (any person of its office, see officeOf) enters; anyone else casting for it is refused.
 */
export function checkCaster(
  motion: Motion,
  voter: Voter,
  cast: { readonly voterId: string; readonly paperRef?: string | undefined },
  actor: string,
): LinliError | null {
  if (voter.members.length > 0) return null;
  if (cast.paperRef !== undefined && actsForOrganizer(actor, motion.organizer)) return null;
  return linliError('ballot.organizer_only', ['voterId'], { voterId: cast.voterId });
}
