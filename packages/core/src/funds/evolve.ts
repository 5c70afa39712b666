import type { FundsEvent } from './events.js';
import type { FundsState } from './state.js';

/** The key of a billed month. */
export function billedKey(chargeId: string, month: string): string {
  return `${chargeId}\u241f${month}`;
}

/** Applies one funds event, in place. */
export function evolveFunds(state: FundsState, event: FundsEvent): void {
  switch (event.type) {
    case 'scheme.versioned': {
      const versions = state.schemes.get(event.payload.schemeId) ?? [];
      state.schemes.set(event.payload.schemeId, [...versions, event.payload]);
      return;
    }
    case 'fund.opened':
      state.funds.set(event.payload.id, event.payload);
      state.entries.set(event.payload.id, []);
      return;
    case 'fund.recorded':
      for (const entry of event.payload.entries) {
        state.entries.get(entry.fundId)?.push(entry);
        state.entryIndex.set(entry.id, entry);
        if (entry.reverses !== undefined) state.reversed.add(entry.reverses);
      }
      return;
    case 'charge.defined':
      state.charges.set(event.payload.id, event.payload);
      state.offsetPools.set(event.payload.id, 0);
      return;
    case 'charge.offsetAdded':
      state.offsetPools.set(
        event.payload.chargeId,
        (state.offsetPools.get(event.payload.chargeId) ?? 0) + event.payload.amount,
      );
      return;
    case 'charge.billed':
      state.billed.add(billedKey(event.payload.chargeId, event.payload.month));
      state.offsetPools.set(
        event.payload.chargeId,
        (state.offsetPools.get(event.payload.chargeId) ?? 0) - event.payload.offsetUsed,
      );
      return;
  }
}
