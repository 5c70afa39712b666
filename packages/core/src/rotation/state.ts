import { type EventHandler, type EventHandlers, evolveBy } from '../decide/domain-module.js';
import type { Duty, SwapStatus } from './duty.js';
import type { RotationEvent } from './events.js';

/** The rotation slice of governance state. */
export interface RotationState {
  readonly duties: Map<string, Duty>;
}

/** An empty rotation state. */
export function emptyRotationState(): RotationState {
  return { duties: new Map() };
}

type Evt<K extends RotationEvent['type']> = Extract<RotationEvent, { type: K }>;
type DutyEvent = Exclude<RotationEvent, { type: 'duty.defined' }>;

/**
 * Every event but a definition changes one duty, replaced whole so a reader holding the old one never
 * sees it move; an event for an unknown duty (impossible in a verified log) is ignored.
 */
function onDuty<E extends DutyEvent>(change: (duty: Duty, event: E) => Duty): EventHandler<RotationState, E> {
  return (state, event) => {
    const duty = state.duties.get(event.payload.dutyId);
    if (duty) state.duties.set(duty.id, change(duty, event));
  };
}

function setSwap(duty: Duty, swapId: string, status: SwapStatus): Duty {
  return { ...duty, swaps: duty.swaps.map((s) => (s.id === swapId ? { ...s, status } : s)) };
}

/** How each rotation event changes the state, in place; an event type without one does not compile. */
export const rotationEvolvers = {
  'duty.defined': (state: RotationState, event: Evt<'duty.defined'>) => {
    state.duties.set(event.payload.id, {
      ...event.payload,
      absences: [],
      swaps: [],
      covers: [],
      overrides: [],
    });
  },
  'duty.absenceRecorded': onDuty((duty, event: Evt<'duty.absenceRecorded'>) => ({
    ...duty,
    absences: [...duty.absences, event.payload.absence],
  })),
  'duty.swapProposed': onDuty((duty, event: Evt<'duty.swapProposed'>) => ({
    ...duty,
    swaps: [...duty.swaps, event.payload.swap],
  })),
  'duty.swapAgreed': onDuty((duty, event: Evt<'duty.swapAgreed'>) =>
    setSwap(duty, event.payload.swapId, 'agreed'),
  ),
  'duty.swapApproved': onDuty((duty, event: Evt<'duty.swapApproved'>) =>
    setSwap(duty, event.payload.swapId, 'approved'),
  ),
  'duty.swapDeclined': onDuty((duty, event: Evt<'duty.swapDeclined'>) =>
    setSwap(duty, event.payload.swapId, 'declined'),
  ),
  'duty.swapWithdrawn': onDuty((duty, event: Evt<'duty.swapWithdrawn'>) =>
    setSwap(duty, event.payload.swapId, 'withdrawn'),
  ),
  'duty.covered': onDuty((duty, event: Evt<'duty.covered'>) => ({
    ...duty,
    covers: [...duty.covers, event.payload.cover],
  })),
  'duty.overridden': onDuty((duty, event: Evt<'duty.overridden'>) => {
    const { date, assignees, reason } = event.payload;
    return {
      ...duty,
      overrides: [...duty.overrides.filter((o) => o.date !== date), { date, assignees, reason }],
    };
  }),
} satisfies EventHandlers<RotationState, RotationEvent>;

/** Applies one rotation event, in place. */
export function evolveRotation(state: RotationState, event: RotationEvent): void {
  evolveBy(rotationEvolvers, state, event);
}
