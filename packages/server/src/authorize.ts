import { type Governance, localDateOf, previewElectorate, voterNamed } from '@linli/core';
import type { Principal } from './auth/auth-store.js';

/**
 * The organizer may do everything but cast a ballot without a paper reference (see below). What a
 * signed-in household may do itself: vote for its own unit in person, vote for another voter
 * as the holder of a proxy the organizer registered (never enter paper ballots: officials do),
 * propose an amendment in the name of its own voter (the core decides whether the motion takes
 * residents' amendments), propose a swap of its own turn or withdraw it, accept or decline a swap
 * asked of it (never approve one: that is the building head's, the organizer's), and mark a notice
 * read for its own unit. Everything else is the organizer's — but for that read: a notice's count is
 * of the households that opened it, so not even an organizer records one for them. The server
 * decides this; the client's word counts for nothing.
 */
export function allowed(principal: Principal, command: unknown, gov: Governance): boolean {
  if (typeof command !== 'object' || command === null) return principal.kind === 'organizer';
  const c = command as Record<string, unknown>;
  // An organizer casts only what a voter handed in on paper, and the event names the paper; a
  // ballot in a voter's name with no paper behind it would be the organizer voting for them.
  if (principal.kind === 'organizer')
    return c.type === 'ballot.cast' ? c.paperRef !== undefined : c.type !== 'announcement.markRead';
  const unitId = principal.unitId;
  switch (c.type) {
    case 'ballot.cast': {
      if (c.paperRef !== undefined) return false; // paper ballots are entered by officials
      const motion = gov.motions.value.find((m) => m.id === c.motionId);
      // A co-owner may name themselves rather than the voter's key: the core accepts any member.
      const ours = (voterId: unknown) =>
        motion !== undefined &&
        typeof voterId === 'string' &&
        voterNamed(motion, voterId)?.unitIds.includes(unitId) === true;
      if (c.proxyId === undefined) return ours(c.voterId);
      // As a proxy: the organizer registered a signed authorization for this very voter, held by
      // this household (by its unit id, or by one of its own voters on the motion).
      const proxy = gov.read((s) =>
        typeof c.motionId === 'string' && typeof c.proxyId === 'string'
          ? s.voting.motions.get(c.motionId)?.proxies.get(c.proxyId)
          : undefined,
      );
      return (
        proxy !== undefined &&
        !proxy.revoked &&
        proxy.voterId === c.voterId &&
        (proxy.holder === unitId || ours(proxy.holder))
      );
    }
    case 'motion.proposeAmendment':
      return proposesAsOwnVoter(c, unitId, gov);
    case 'duty.proposeSwap': {
      const first = c.first as { memberId?: unknown } | undefined;
      return first?.memberId === unitId;
    }
    case 'duty.acceptSwap':
    case 'duty.declineSwap':
      return swapSide(c, gov, 'second') === unitId;
    case 'duty.withdrawSwap':
      return swapSide(c, gov, 'first') === unitId;
    case 'announcement.markRead':
      return c.unitId === unitId;
    default:
      return false;
  }
}

/** The household on `side` of the swap a command names (the asker is `first`), or undefined. */
function swapSide(c: Record<string, unknown>, gov: Governance, side: 'first' | 'second'): string | undefined {
  const duty = typeof c.dutyId === 'string' ? gov.duty(c.dutyId) : undefined;
  return duty?.swaps.find((s) => s.id === c.swapId)?.[side].memberId;
}

/**
 * A draft has no frozen roll yet: the voter named must be one of the roll it would have today (the
 * core's preview) and hold this household's unit. The core checks the roll and the motion's
 * `amendableBy` again when it decides.
 */
function proposesAsOwnVoter(c: Record<string, unknown>, unitId: string, gov: Governance): boolean {
  if (typeof c.voterId !== 'string' || typeof c.motionId !== 'string') return false;
  const motionId = c.motionId;
  const voters = gov.read((s) => {
    const motion = s.voting.motions.get(motionId)?.motion;
    return motion ? previewElectorate(s.community, motion, localDateOf(new Date())).voters : [];
  });
  return voterNamed({ electorate: voters }, c.voterId)?.unitIds.includes(unitId) === true;
}
