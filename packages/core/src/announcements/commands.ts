import * as z from 'zod/mini';
import { attachmentsSchema } from '../attachments/attachment.js';
import { idSchema, localDateSchema } from '../validation/schemas.js';
import { lineSchema, multilineSchema } from '../validation/text.js';

/** Who a notice is for: the whole community, one building, or one stairwell (单元). */
export const noticeScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('community') }),
  z.strictObject({ kind: z.literal('building'), id: idSchema }),
  z.strictObject({ kind: z.literal('stairwell'), id: idSchema }),
]);

/** The longest body a notice may have, in UTF-16 code units: a lobby sheet, not a newsletter. */
export const MAX_NOTICE_BODY = 5000;

/**
 * Posts a notice (公告). The body is plain text kept as written — line breaks, no markup: every
 * reader shows it as text, never as HTML. Without `expiresOn` it stays up until withdrawn.
 */
export const postAnnouncementSchema = z.strictObject({
  type: z.literal('announcement.post'),
  id: z.optional(idSchema),
  title: lineSchema(120),
  body: multilineSchema(MAX_NOTICE_BODY, 1),
  scope: noticeScopeSchema,
  /** The last day it is shown (inclusive), in the community's zone. */
  expiresOn: z.optional(localDateSchema),
  attachments: attachmentsSchema,
});

/** Takes a notice down, with the reason; it leaves the published view, its history stays in the log. */
export const withdrawAnnouncementSchema = z.strictObject({
  type: z.literal('announcement.withdraw'),
  announcementId: idSchema,
  reason: lineSchema(300),
});

/** A household has opened a notice. Recorded once per household: reading it again records nothing. */
export const markAnnouncementReadSchema = z.strictObject({
  type: z.literal('announcement.markRead'),
  announcementId: idSchema,
  unitId: idSchema,
});

/**
 * The community's choice whether organizers may see *which* households read a notice. Until it is
 * set they see counts only.
 */
export const setReadersPolicySchema = z.strictObject({
  type: z.literal('announcement.setReadersPolicy'),
  showReaders: z.boolean(),
});

/** Every announcements command. */
export const announcementsCommandSchemas = [
  postAnnouncementSchema,
  withdrawAnnouncementSchema,
  markAnnouncementReadSchema,
  setReadersPolicySchema,
] as const;

/** A validated announcements command. */
export type AnnouncementsCommand = z.output<(typeof announcementsCommandSchemas)[number]>;
