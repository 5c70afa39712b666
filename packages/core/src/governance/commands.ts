import * as z from 'zod/mini';
import { announcementsCommandSchemas } from '../announcements/commands.js';
import { communityCommandSchemas } from '../community/commands.js';
import { fundsCommandSchemas } from '../funds/commands.js';
import { rolesCommandSchemas } from '../roles/commands.js';
import { rotationCommandSchemas } from '../rotation/commands.js';
import { votingCommandSchemas } from '../voting/commands.js';

/**
 * Every command Linli accepts, discriminated by `type`. Each domain (voting, funds, rotation) adds
 * its schemas here; everything downstream is typed from this one union.
 */
export const commandSchema = z.discriminatedUnion('type', [
  ...communityCommandSchemas,
  ...votingCommandSchemas,
  ...fundsCommandSchemas,
  ...rotationCommandSchemas,
  ...rolesCommandSchemas,
  ...announcementsCommandSchemas,
]);

/** A validated command. */
export type Command = z.output<typeof commandSchema>;

/** A command as a caller writes it (optional fields may be left out). */
export type CommandInput = z.input<typeof commandSchema>;
