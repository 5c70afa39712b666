import * as z from 'zod/mini';
import { idSchema, intSchema, localDateSchema, nameSchema, scopeSchema } from '../validation/schemas.js';
import { lineSchema } from '../validation/text.js';

const slotRef = z.strictObject({ date: localDateSchema, memberId: idSchema });

/** Defines a recurring duty over the households of a scope. */
export const defineDutySchema = z.strictObject({
  type: z.literal('duty.define'),
  id: z.optional(idSchema),
  name: nameSchema,
  scope: scopeSchema,
  /** RFC 5545 RRULE subset, e.g. `FREQ=WEEKLY;BYDAY=MO`. */
  rrule: lineSchema(300),
  start: localDateSchema,
  exdates: z.optional(z.array(localDateSchema).check(z.maxLength(1000))),
  rdates: z.optional(z.array(localDateSchema).check(z.maxLength(1000))),
  time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  durationMinutes: intSchema(1, 24 * 60),
  timeZone: z.optional(lineSchema(64)),
  teamSize: z.optional(intSchema(1, 50)),
  holidays: z.optional(z.enum(['ignore', 'skip', 'nextWorkday'])),
  policy: z.optional(z.enum(['fixedOrder', 'leastServed', 'weighted'])),
  reentry: z.optional(z.enum(['catchUp', 'forgive'])),
  exemptAge: z.optional(intSchema(50, 120)),
  swapNeedsApproval: z.optional(z.boolean()),
});

/** A member is away or ill from `from` to `to` (inclusive). */
export const recordAbsenceSchema = z.strictObject({
  type: z.literal('duty.absence'),
  dutyId: idSchema,
  memberId: idSchema,
  from: localDateSchema,
  to: localDateSchema,
  reason: lineSchema(200),
});

/** Proposes that two members trade turns; the second member must accept. */
export const proposeSwapSchema = z.strictObject({
  type: z.literal('duty.proposeSwap'),
  dutyId: idSchema,
  id: z.optional(idSchema),
  first: slotRef,
  second: slotRef,
});

/** The second member agrees to a proposed swap. */
export const acceptSwapSchema = z.strictObject({
  type: z.literal('duty.acceptSwap'),
  dutyId: idSchema,
  swapId: idSchema,
});

/** The building head approves an agreed swap (when the duty asks for it). */
export const approveSwapSchema = z.strictObject({
  type: z.literal('duty.approveSwap'),
  dutyId: idSchema,
  swapId: idSchema,
});

/**
 * Says no to a swap still waiting for someone: the second household declines the request, or the
 * building head declines to approve an agreed swap. A swap in effect cannot be declined.
 */
export const declineSwapSchema = z.strictObject({
  type: z.literal('duty.declineSwap'),
  dutyId: idSchema,
  swapId: idSchema,
});

/** The household that asked takes a swap back while it still waits for acceptance or approval. */
export const withdrawSwapSchema = z.strictObject({
  type: z.literal('duty.withdrawSwap'),
  dutyId: idSchema,
  swapId: idSchema,
});

/** A one-off cover: `coverId` serves `memberId`'s turn on `date`, repaid at the coverer's next turn. */
export const coverSchema = z.strictObject({
  type: z.literal('duty.cover'),
  dutyId: idSchema,
  date: localDateSchema,
  memberId: idSchema,
  coverId: idSchema,
});

/** Sets a slot's assignees by hand, with a reason. */
export const overrideSchema = z.strictObject({
  type: z.literal('duty.override'),
  dutyId: idSchema,
  date: localDateSchema,
  assignees: z.array(idSchema).check(z.maxLength(50)),
  reason: lineSchema(200),
});

/** Every rotation command. */
export const rotationCommandSchemas = [
  defineDutySchema,
  recordAbsenceSchema,
  proposeSwapSchema,
  acceptSwapSchema,
  approveSwapSchema,
  declineSwapSchema,
  withdrawSwapSchema,
  coverSchema,
  overrideSchema,
] as const;

/** A validated rotation command. */
export type RotationCommand = z.output<(typeof rotationCommandSchemas)[number]>;
