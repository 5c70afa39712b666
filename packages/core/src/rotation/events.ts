import type { LocalDate } from '../time/local-date.js';
import type { Absence, Cover, Duty, Swap } from './duty.js';

/** The payload of each rotation event type. */
export interface RotationEventPayloads {
  'duty.defined': Omit<Duty, 'absences' | 'swaps' | 'covers' | 'overrides'>;
  'duty.absenceRecorded': { dutyId: string; absence: Absence };
  'duty.swapProposed': { dutyId: string; swap: Swap };
  'duty.swapAgreed': { dutyId: string; swapId: string };
  'duty.swapApproved': { dutyId: string; swapId: string };
  'duty.swapDeclined': { dutyId: string; swapId: string };
  'duty.swapWithdrawn': { dutyId: string; swapId: string };
  'duty.covered': { dutyId: string; cover: Cover };
  'duty.overridden': { dutyId: string; date: LocalDate; assignees: string[]; reason: string };
}

/** A rotation event type. */
export type RotationEventType = keyof RotationEventPayloads;

/** A rotation event body. */
export type RotationEvent = {
  [K in RotationEventType]: { readonly type: K; readonly payload: RotationEventPayloads[K] };
}[RotationEventType];
