import { linliError } from '@linli/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { householdLabels } from '../households.js';
import type { AppEnv } from '../http/env.js';
import { jsonBody } from '../http/json-body.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';

/** What an organizer may ask invite codes for: some households, or (without `units`) all of them. */
const invitesSchema = z.strictObject({
  units: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(10_000))),
});

/** `POST /invites` under `/c/:community`: invite codes for a paper notice, the organizer's to ask for. */
export function inviteRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/invites', requires('organizer'), jsonBody(invitesSchema), async (c) => {
    const { auth, governance } = c.get('community');
    const labels = new Map(householdLabels(governance).map((h) => [h.unitId, h]));
    const units = [...new Set(c.req.valid('json').units ?? labels.keys())];
    // Every unit is checked before any code is made, so a typo issues nothing.
    const unknown = units.findIndex((id) => !labels.has(id));
    if (unknown >= 0)
      throw new Refusal(
        linliError('entity.not_found', ['units', unknown], { kind: 'unit', id: units[unknown] ?? '' }),
      );
    const invites = await Promise.all(
      units.map(async (unitId) => ({ ...labels.get(unitId), code: await auth.issueInviteCode(unitId) })),
    );
    return c.json({ community: governance.community.value.community?.name ?? '', invites });
  });
}
