import * as z from 'zod/mini';
import { idSchema, intSchema, localDateSchema, nameSchema } from '../validation/schemas.js';
import { lineSchema } from '../validation/text.js';

const label = lineSchema(100);
const contactLine = lineSchema(100);

/** Defines a role of a building. */
export const defineRoleSchema = z.strictObject({
  type: z.literal('role.define'),
  id: z.optional(idSchema),
  buildingId: idSchema,
  name: z.strictObject({ 'zh-CN': label, en: label }),
  termMonths: intSchema(1, 120),
  termLimit: z.optional(intSchema(1, 20)),
  seats: z.optional(intSchema(1, 50)),
});

/** Defines the six roles of 一长五大 for a building in one step. */
export const defineStandardRolesSchema = z.strictObject({
  type: z.literal('role.defineStandard'),
  buildingId: idSchema,
  termMonths: intSchema(1, 120),
  termLimit: z.optional(intSchema(1, 20)),
});

/** Appoints a holder directly, with the reason (e.g. "nominated by the residents' committee"). */
export const appointSchema = z.strictObject({
  type: z.literal('role.appoint'),
  roleId: idSchema,
  holder: nameSchema,
  from: z.optional(localDateSchema),
  reason: lineSchema(300),
  id: z.optional(idSchema),
  /** A contact the holder consented to share with the community's signed-in households. */
  contact: z.optional(contactLine),
});

/** Seats the winners of a closed election motion (plurality, or STV for several seats). */
export const appointFromMotionSchema = z.strictObject({
  type: z.literal('role.appointFromMotion'),
  roleId: idSchema,
  motionId: idSchema,
  from: z.optional(localDateSchema),
});

/** A holder resigns; the seat falls vacant. */
export const resignSchema = z.strictObject({
  type: z.literal('role.resign'),
  termId: idSchema,
  date: z.optional(localDateSchema),
  reason: lineSchema(300),
});

/**
 * Hands a seat over: the outgoing term ends and the incoming holder's term starts on the same date,
 * recorded together, so the seat is never vacant and never held twice.
 */
export const handoverSchema = z.strictObject({
  type: z.literal('role.handover'),
  termId: idSchema,
  holder: nameSchema,
  date: z.optional(localDateSchema),
  reason: lineSchema(300),
  id: z.optional(idSchema),
  contact: z.optional(contactLine),
});

/** The holder consents to share a contact with the community's signed-in households. */
export const shareContactSchema = z.strictObject({
  type: z.literal('role.shareContact'),
  termId: idSchema,
  contact: contactLine,
});

/** The holder withdraws that consent; the contact is no longer given out. */
export const withdrawContactSchema = z.strictObject({
  type: z.literal('role.withdrawContact'),
  termId: idSchema,
});

/** Every roles command. */
export const rolesCommandSchemas = [
  defineRoleSchema,
  defineStandardRolesSchema,
  appointSchema,
  appointFromMotionSchema,
  resignSchema,
  handoverSchema,
  shareContactSchema,
  withdrawContactSchema,
] as const;

/** A validated roles command. */
export type RolesCommand = z.output<(typeof rolesCommandSchemas)[number]>;
