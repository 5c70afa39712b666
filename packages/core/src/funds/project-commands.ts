import * as z from 'zod/mini';
import { idSchema, intSchema, localDateSchema } from '../validation/schemas.js';
import { lineSchema } from '../validation/text.js';

/** A funded project's stages, in the only order it may move through them. */
export const PROJECT_STATUSES = ['planned', 'in-progress', 'done'] as const;

/** Where a funded project stands. */
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * Moves a funded project (a project the closed motion `motionId` selected) one step forward:
 * planned → in progress → done. The organizer's office of the motion only.
 */
export const setProjectStatusSchema = z.strictObject({
  type: z.literal('project.setStatus'),
  motionId: idSchema,
  projectId: idSchema,
  status: z.enum(PROJECT_STATUSES),
});

/**
 * Records money spent on a funded project, in fen: never more than what remains of the project's
 * budget (its cost as voted). The organizer's office of the motion only.
 */
export const spendOnProjectSchema = z.strictObject({
  type: z.literal('project.spend'),
  motionId: idSchema,
  projectId: idSchema,
  amount: intSchema(1, 1_000_000_000_000),
  note: lineSchema(200),
  date: z.optional(localDateSchema),
});
