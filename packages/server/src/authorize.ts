import type { Governance } from '@linli/core';
import type { Principal } from './auth/auth-store.js';

/**
 * What a signed-in household may do itself: vote for its own unit (in person, not as an official
 * entering paper or as a proxy), and propose or accept swaps of its own turns. Everything else is the
 * organizer's. The server decides this; the client's word counts for nothing.
 */
export function allowed(principal: Principal, command: unknown, gov: Governance): boolean {
  if (principal.kind === 'organizer') return true;
  if (typeof command !== 'object' || command === null) return false;
  const c = command as Record<string, unknown>;
  const unitId = principal.unitId;
  switch (c.type) {
    case 'ballot.cast': {
      if (c.paperRef !== undefined || c.proxyId !== undefined) return false;
      const motion = gov.motions.value.find((m) => m.id === c.motionId);
      const voter = motion?.electorate.find((v) => v.id === c.voterId);
      return voter?.unitIds.includes(unitId) === true;
    }
    case 'duty.proposeSwap': {
      const first = c.first as { memberId?: unknown } | undefined;
      return first?.memberId === unitId;
    }
    case 'duty.acceptSwap': {
      const duty = typeof c.dutyId === 'string' ? gov.duty(c.dutyId) : undefined;
      return duty?.swaps.find((s) => s.id === c.swapId)?.second.memberId === unitId;
    }
    default:
      return false;
  }
}
