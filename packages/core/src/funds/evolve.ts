import { type EventHandlers, evolveBy } from '../decide/domain-module.js';
import type { FundsEvent } from './events.js';
import { projectSpent, projectStatusChanged } from './projects.js';
import type { FundsState } from './state.js';

/** The key of a billed month. */
export function billedKey(chargeId: string, month: string): string {
  return `${chargeId}\u241f${month}`;
}

type Evt<K extends FundsEvent['type']> = Extract<FundsEvent, { type: K }>;

function addToPool(state: FundsState, chargeId: string, amount: number): void {
  state.offsetPools.set(chargeId, (state.offsetPools.get(chargeId) ?? 0) + amount);
}

/** How each funds event changes the state, in place; an event type without one does not compile. */
export const fundsEvolvers = {
  'scheme.versioned': (state: FundsState, event: Evt<'scheme.versioned'>) => {
    const versions = state.schemes.get(event.payload.schemeId) ?? [];
    state.schemes.set(event.payload.schemeId, [...versions, event.payload]);
  },
  'fund.opened': (state: FundsState, event: Evt<'fund.opened'>) => {
    state.funds.set(event.payload.id, event.payload);
    state.entries.set(event.payload.id, []);
  },
  'fund.recorded': (state: FundsState, event: Evt<'fund.recorded'>) => {
    for (const entry of event.payload.entries) {
      state.entries.get(entry.fundId)?.push(entry);
      state.entryIndex.set(entry.id, entry);
      if (entry.reverses !== undefined) state.reversed.add(entry.reverses);
    }
  },
  'charge.defined': (state: FundsState, event: Evt<'charge.defined'>) => {
    state.charges.set(event.payload.id, event.payload);
    state.offsetPools.set(event.payload.id, 0);
  },
  'charge.ended': (state: FundsState, event: Evt<'charge.ended'>) => {
    const charge = state.charges.get(event.payload.chargeId);
    if (charge) state.charges.set(charge.id, { ...charge, end: event.payload.end });
  },
  'charge.billed': (state: FundsState, event: Evt<'charge.billed'>) => {
    state.billed.add(billedKey(event.payload.chargeId, event.payload.month));
    addToPool(state, event.payload.chargeId, -event.payload.offsetUsed);
  },
  'charge.offsetAdded': (state: FundsState, event: Evt<'charge.offsetAdded'>) => {
    addToPool(state, event.payload.chargeId, event.payload.amount);
  },
  'project.statusChanged': projectStatusChanged,
  'project.spent': projectSpent,
} satisfies EventHandlers<FundsState, FundsEvent>;

/** Applies one funds event, in place. */
export function evolveFunds(state: FundsState, event: FundsEvent): void {
  evolveBy(fundsEvolvers, state, event);
}
