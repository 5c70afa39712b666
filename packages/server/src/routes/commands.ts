import { attachmentHashes, linliError } from '@linli/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Principal } from '../auth/auth-store.js';
import { organizerActor } from '../auth/organizers.js';
import { allowed } from '../authorize.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { AppEnv, SignedInEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';
import type { RateLimits } from '../http/rate-limit.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';
import { rateLimited } from '../middleware/rate-limit.js';

/** A command body: the command itself is validated and decided by the core, never here. */
const commandSchema = z.object({ command: z.optional(z.unknown()) });

/**
 * Refuses a command that names an attachment this community does not hold (`attachment.missing`),
 * so no event in the log ever points at bytes that are not there. Blobs are never deleted, so what
 * is held now is still held when the command is appended.
 */
async function checkAttachmentsHeld(blobs: BlobStore | undefined, command: unknown): Promise<void> {
  const hashes = attachmentHashes(command);
  if (hashes.length === 0) return;
  const [missing] = blobs ? await blobs.missing(hashes) : hashes;
  if (missing !== undefined) throw new Refusal(linliError('attachment.missing', [], { sha256: missing }));
}

/** What the command route needs from the app's options. */
export interface CommandRouteOptions {
  /** Commands per household session per minute (the organizer is not limited). */
  readonly householdCommandsPerMinute: number;
  /** The organizers' office in the log: each acts as `<office>/<organizer id>`. */
  readonly organizerActor: string;
  /** Where the commands are counted (shared by every process on PostgreSQL). */
  readonly limits: RateLimits;
}

/**
 * `POST /commands` under `/c/:community`: a signed-in principal's command, authorized here
 * ({@link allowed}), validated and decided by @linli/core, appended with optimistic concurrency.
 */
export function commandRoutes(options: CommandRouteOptions): Hono<AppEnv> {
  const actorOf = (principal: Principal) =>
    principal.kind === 'organizer'
      ? organizerActor(options.organizerActor, principal.id)
      : `household:${principal.unitId}`;
  const perHousehold = rateLimited<SignedInEnv>(
    options.limits.limiter('commands', options.householdCommandsPerMinute),
    (c: Context<SignedInEnv>) => {
      const principal = c.get('principal');
      return principal.kind === 'household'
        ? `${c.get('community').id}\u0000${actorOf(principal)}`
        : undefined;
    },
  );
  return new Hono<AppEnv>().post(
    '/commands',
    requires('signed-in'),
    perHousehold,
    jsonBody(commandSchema),
    async (c) => {
      const { governance } = c.get('community');
      const principal = c.get('principal');
      const { command } = c.req.valid('json');
      if (!allowed(principal, command, governance)) throw new Refusal(linliError('auth.forbidden'));
      await checkAttachmentsHeld(c.get('community').blobs, command);
      const actor = actorOf(principal);
      // The key is recorded with the events in one transaction, per principal: a retry (even after a
      // crash, even on another server process) gets the first answer instead of a second append.
      const key = c.req.header('Idempotency-Key');
      const requestKey = key && key.length <= 200 ? `${actor}\n${key}` : undefined; // headers cannot hold a newline
      const result = await governance.execute(command, requestKey ? { actor, requestKey } : { actor });
      if (!result.ok) throw new Refusal(result.error);
      return c.json({ events: result.value });
    },
  );
}
