import type { Duty } from './duty.js';
import type { RotationEvent } from './events.js';

/** The rotation slice of governance state. */
export interface RotationState {
  readonly duties: Map<string, Duty>;
}

/** An empty rotation state. */
export function emptyRotationState(): RotationState {
  return { duties: new Map() };
}

/** Applies one rotation event, in place. */
export function evolveRotation(state: RotationState, event: RotationEvent): void {
  if (event.type === 'duty.defined') {
    state.duties.set(event.payload.id, {
      ...event.payload,
      absences: [],
      swaps: [],
      covers: [],
      overrides: [],
    });
    return;
  }
  const duty = state.duties.get(event.payload.dutyId);
  if (!duty) return;
  const setSwap = (swapId: string, status: 'agreed' | 'approved') =>
    duty.swaps.map((s) => (s.id === swapId ? { ...s, status } : s));
  switch (event.type) {
    case 'duty.absenceRecorded':
      state.duties.set(duty.id, { ...duty, absences: [...duty.absences, event.payload.absence] });
      return;
    case 'duty.swapProposed':
      state.duties.set(duty.id, { ...duty, swaps: [...duty.swaps, event.payload.swap] });
      return;
    case 'duty.swapAgreed':
      state.duties.set(duty.id, { ...duty, swaps: setSwap(event.payload.swapId, 'agreed') });
      return;
    case 'duty.swapApproved':
      state.duties.set(duty.id, { ...duty, swaps: setSwap(event.payload.swapId, 'approved') });
      return;
    case 'duty.covered':
      state.duties.set(duty.id, { ...duty, covers: [...duty.covers, event.payload.cover] });
      return;
    case 'duty.overridden': {
      const { date, assignees, reason } = event.payload;
      state.duties.set(duty.id, {
        ...duty,
        overrides: [...duty.overrides.filter((o) => o.date !== date), { date, assignees, reason }],
      });
      return;
    }
  }
}
